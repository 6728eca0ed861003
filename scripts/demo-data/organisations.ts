/**
 * Demo organisations: the real institutions the city's plan names where they fit (宁夏理工学院,
 * 石嘴山工贸职业技术学院, 西安交通大学国家技术转移中心石嘴山分中心, 石嘴山科技大市场, 市科技局), invented
 * enterprises and institutes otherwise. Credit codes are generated valid codes, not the real ones.
 */
import type { District } from '../../shared/domain/districts';
import type { OrgType } from '../../shared/domain/organisation';

export interface DemoOrganisation {
  key: string;
  name: string;
  type: OrgType;
  district: District;
  /** 行政区划码 for the generated credit code. */
  division: string;
  description: string;
  contact: { name: string; phone: string; email: string };
  website?: string;
  /** false: left pending so the bureau's verification queue has work. */
  verified: boolean;
}

const org = (
  key: string, name: string, type: OrgType, district: District, division: string, description: string,
  contactName: string, phone: string, domain: string, verified = true,
): DemoOrganisation => ({ key, name, type, district, division, description, contact: { name: contactName, phone, email: `contact@${domain}` }, verified });

export const demoOrganisations: DemoOrganisation[] = [
  // 高校
  org('nxist', '宁夏理工学院', 'university', '大武口区', '640202', '地处石嘴山市的应用型本科高校，在新材料、机械与电气、化工与环境等方向服务地方产业。', '马晓峰', '0952-3908001', 'nxist.edu.cn'),
  org('szgm', '石嘴山工贸职业技术学院', 'university', '大武口区', '640202', '面向地方装备制造、化工和现代服务业培养技术技能人才，承担企业技术服务。', '杨丽', '0952-2015566', 'szgm.edu.cn'),
  org('nmu', '北方民族大学', 'university', '市外', '640100', '位于银川的综合性大学，化工、材料、电气信息学科与石嘴山企业长期合作。', '李振华', '0951-2066123', 'nmu.edu.cn'),
  org('nxu', '宁夏大学', 'university', '市外', '640100', '自治区“双一流”建设高校，在葡萄酒、枸杞、草畜和生态修复方面有系统成果。', '王静', '0951-2061234', 'nxu.edu.cn'),
  // 科研院所
  org('inst-material', '石嘴山新材料研究院', 'institute', '石嘴山高新区', '640271', '聚焦稀有金属、电子材料与储能材料的中试熟化平台。', '赵明', '0952-6012345', 'szs-nmi.cn'),
  org('inst-agri', '石嘴山市农林科学研究所', 'institute', '平罗县', '640221', '从事冷凉蔬菜、枸杞、现代种业和畜禽健康养殖的应用研究与示范推广。', '孙海燕', '0952-6718899', 'szs-agri.cn'),
  org('inst-coal', '宁夏煤矿装备工程技术研究所', 'institute', '惠农区', '640205', '面向煤矿智能成套输送设备与安全生产装备的工程化研究。', '周建国', '0952-3612200', 'nx-coaleq.cn'),
  org('inst-eco', '宁夏生态环境修复研究院', 'institute', '大武口区', '640202', '贺兰山矿山生态修复、星海湖水体保护与工业固废资源化技术研究。', '陈晓雪', '0952-2203456', 'nx-eco.cn'),
  // 企业
  org('ent-pv', '石嘴山星海光伏材料有限公司', 'enterprise', '石嘴山经济技术开发区', '640271', '单晶硅棒与硅片生产企业，年产能 10GW。', '刘强', '0952-3951234', 'xinghai-pv.cn'),
  org('ent-chem', '宁夏贺兰山精细化工有限公司', 'enterprise', '平罗县', '640221', '双氰胺、胍类衍生物及农药中间体生产企业。', '吴芳', '0952-6033456', 'hls-chem.cn'),
  org('ent-cast', '惠农区鑫达精密铸造有限公司', 'enterprise', '惠农区', '640205', '高端铸件与精密加工，产品用于矿山机械和风电装备。', '郭勇', '0952-3067788', 'xinda-cast.cn'),
  org('ent-goji', '平罗县沙湖枸杞食品有限公司', 'enterprise', '平罗县', '640221', '枸杞种植、鲜果加工与功能食品开发。', '马燕', '0952-6059900', 'shahu-goji.cn'),
  org('ent-sheep', '宁夏塞上滩羊牧业有限公司', 'enterprise', '平罗县', '640221', '滩羊规模化养殖与冷鲜肉加工。', '白志刚', '0952-6081122', 'saishang-sheep.cn'),
  org('ent-iiot', '石嘴山智联工业互联网科技有限公司', 'enterprise', '石嘴山高新区', '640271', '为本地制造企业提供设备联网、数据采集与工业互联网平台服务。', '韩磊', '0952-2036677', 'zhilian-iiot.cn'),
  org('ent-lithium', '宁夏锐能锂电新材料有限公司', 'enterprise', '石嘴山经济技术开发区', '640271', '锂电池正极材料前驱体生产企业（新注册，待认证）。', '冯倩', '0952-3988765', 'ruineng-li.cn', false),
  // 技术转移中心
  org('tc-xjtu', '西安交通大学国家技术转移中心石嘴山分中心', 'transfer_center', '大武口区', '640202', '依托西安交通大学科技资源，为石嘴山企业对接高校成果并提供技术经纪服务。', '高文博', '0952-2099001', 'xjtu-szs.cn'),
  org('tc-market', '石嘴山科技大市场服务中心', 'transfer_center', '大武口区', '640202', '石嘴山科技大市场的运营机构：成果发布、需求征集、技术交易与合同登记服务。', '蒋红', '0952-2188000', 'szs-techmarket.cn'),
  org('tc-nxist', '宁夏理工学院技术转移中心', 'transfer_center', '大武口区', '640202', '宁夏理工学院承担技术转移职能的机构，负责学校成果的许可、转让与作价入股。', '许立新', '0952-3908123', 'nxist-tt.cn'),
  org('tc-hitech', '石嘴山高新区科技成果转化服务有限公司', 'transfer_center', '石嘴山高新区', '640271', '园区企业的科技中介：技术评估、知识产权运营与技术合同代理。', '潘悦', '0952-6077333', 'szs-hitech-tt.cn'),
  // 政府部门
  org('gov-kjj', '石嘴山市科学技术局', 'government', '大武口区', '640200', '负责全市科技成果转化、技术市场与技术转移奖补政策的实施与监督。', '市科技局成果转化科', '0952-2012345', 'szskjj.gov.cn'),
  org('gov-dwk', '大武口区科学技术局', 'government', '大武口区', '640202', '大武口区科技主管部门。', '区科技局', '0952-2041234', 'dwk.gov.cn'),
  org('gov-hn', '惠农区科学技术局', 'government', '惠农区', '640205', '惠农区科技主管部门。', '区科技局', '0952-3011234', 'huinong.gov.cn'),
  org('gov-pl', '平罗县科学技术局', 'government', '平罗县', '640221', '平罗县科技主管部门。', '县科技局', '0952-6011234', 'pingluo.gov.cn'),
];

export interface DemoAccountSeed {
  id: string;
  displayName: string;
  groups: ('university' | 'enterprise' | 'transfer_center' | 'admin')[];
  orgKey: string | null;
}

const ROLE_OF: Record<OrgType, DemoAccountSeed['groups'][number] | null> = {
  university: 'university', institute: 'university', enterprise: 'enterprise', transfer_center: 'transfer_center', government: null,
};

/** One account for each non-government organisation, two bureau admins (so duties can be separated), and newcomers. */
export const demoAccounts: DemoAccountSeed[] = [
  ...demoOrganisations
    .filter((o) => o.type !== 'government')
    .map((o) => ({ id: `demo-${o.key}`, displayName: `${o.contact.name}（${o.name}）`, groups: [ROLE_OF[o.type]!], orgKey: o.key })),
  { id: 'demo-admin', displayName: '成果转化科 张科长（市科技局）', groups: ['admin'], orgKey: 'gov-kjj' },
  { id: 'demo-admin-2', displayName: '技术市场科 李科员（市科技局）', groups: ['admin'], orgKey: 'gov-kjj' },
  { id: 'demo-newcomer-enterprise', displayName: '新注册企业用户（未加入机构）', groups: [], orgKey: null },
  { id: 'demo-newcomer-university', displayName: '新注册高校用户（未加入机构）', groups: [], orgKey: null },
];
