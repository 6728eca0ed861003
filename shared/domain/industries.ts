/**
 * The industry taxonomy used for facets: the city's 六新 / 六特 / 六优 industries plus the fields the
 * implementation plan names (DOMAIN.md, clause 1 of the policy). The Chinese name is the stable value:
 * it is what people search and filter by, and it never needs translating back.
 */
export const INDUSTRY_GROUPS = {
  六新: ['新型材料', '清洁能源', '装备制造', '数字信息', '现代化工', '轻工纺织'],
  六特: ['葡萄酒', '枸杞', '牛奶', '肉牛', '滩羊', '冷凉蔬菜'],
  六优: ['文化旅游', '现代物流', '现代金融', '健康养老', '电子商务', '会展博览'],
  重点领域: [
    '光伏全产业链', '煤矿智能成套输送设备', '高端铸件及精密加工', '电子元器件用高纯稀有金属', '精制双氰胺',
    '精细化工', '化工助剂/医药/农药连续化绿色工艺', '智能制造', '工业互联网', '大数据', '奶牛/肉牛/肉羊健康养殖',
    '粪污资源化利用', '现代种业', '绿色食品加工', '冷链物流', '生态修复与污染防治', '节能减排与绿色低碳',
    '慢性病与地方病防治', '高纯钽生物医用', '安全生产与应急', '锂电池', '聚酰胺', '氟材料', '新医药', '储能材料',
    '半导体材料', '晶体材料', '特殊合金材料',
  ],
} as const;

type Groups = typeof INDUSTRY_GROUPS;
export type Industry = Groups[keyof Groups][number];

export const INDUSTRIES = Object.values(INDUSTRY_GROUPS).flat() as [Industry, ...Industry[]];

export function industryGroupOf(industry: Industry): keyof Groups {
  for (const [group, members] of Object.entries(INDUSTRY_GROUPS) as [keyof Groups, readonly Industry[]][]) {
    if (members.includes(industry)) return group;
  }
  throw new Error(`unknown industry ${industry}`);
}

/** English names, for English pages and explanations; the Chinese name stays the value. */
export const INDUSTRY_EN: Record<Industry, string> = {
  新型材料: 'New materials', 清洁能源: 'Clean energy', 装备制造: 'Equipment manufacturing', 数字信息: 'Digital information', 现代化工: 'Modern chemicals', 轻工纺织: 'Light industry & textiles',
  葡萄酒: 'Wine', 枸杞: 'Goji', 牛奶: 'Dairy', 肉牛: 'Beef cattle', 滩羊: 'Tan sheep', 冷凉蔬菜: 'Cool-climate vegetables',
  文化旅游: 'Culture & tourism', 现代物流: 'Modern logistics', 现代金融: 'Modern finance', 健康养老: 'Health & elderly care', 电子商务: 'E-commerce', 会展博览: 'Exhibitions & conventions',
  光伏全产业链: 'Photovoltaic value chain', 煤矿智能成套输送设备: 'Intelligent coal-mine conveying systems', 高端铸件及精密加工: 'High-end castings & precision machining',
  电子元器件用高纯稀有金属: 'High-purity rare metals for electronics', 精制双氰胺: 'Refined dicyandiamide', 精细化工: 'Fine chemicals',
  '化工助剂/医药/农药连续化绿色工艺': 'Continuous green processes (additives, pharma, agrochemicals)', 智能制造: 'Smart manufacturing', 工业互联网: 'Industrial internet', 大数据: 'Big data',
  '奶牛/肉牛/肉羊健康养殖': 'Healthy dairy, beef and sheep farming', 粪污资源化利用: 'Manure recycling', 现代种业: 'Modern seed industry', 绿色食品加工: 'Green food processing',
  冷链物流: 'Cold-chain logistics', 生态修复与污染防治: 'Ecological restoration & pollution control', 节能减排与绿色低碳: 'Energy saving & low carbon',
  慢性病与地方病防治: 'Chronic & endemic disease control', 高纯钽生物医用: 'High-purity tantalum for medicine', 安全生产与应急: 'Work safety & emergencies', 锂电池: 'Lithium batteries',
  聚酰胺: 'Polyamides', 氟材料: 'Fluorine materials', 新医药: 'New medicines', 储能材料: 'Energy-storage materials', 半导体材料: 'Semiconductor materials', 晶体材料: 'Crystal materials',
  特殊合金材料: 'Special alloys',
};
