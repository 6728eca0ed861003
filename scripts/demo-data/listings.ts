// 石嘴山科技大市场 — 演示数据：科技成果（供给）与技术需求（需求）
// All people, phone numbers, e-mail addresses, patent and registration numbers below are invented.
//
// Matching-test pairs (the need describes symptoms, the achievement names the solution in different words):
// pairs: need-01 ↔ ach-01, need-02 ↔ ach-02, need-05 ↔ ach-03, need-06 ↔ ach-30, need-07 ↔ ach-15,
//        need-09 ↔ ach-35, need-10 ↔ ach-06, need-11 ↔ ach-19, need-12 ↔ ach-40, need-14 ↔ ach-11,
//        need-15 ↔ ach-21, need-16 ↔ ach-38, need-18 ↔ ach-10, need-19 ↔ ach-12, need-20 ↔ ach-23,
//        need-22 ↔ ach-07, need-23 ↔ ach-18, need-24 ↔ ach-34
// Unpaired on purpose: need-03, need-04, need-08, need-13, need-17, need-21, need-25.
// Drafts (publish: false): ach-09, ach-24, ach-33, ach-36; need-04, need-08, need-17.
// Challenges (揭榜挂帅): need-03, need-06, need-13, need-21, need-25.

export type DemoIndustry =
  | '新型材料'
  | '清洁能源'
  | '装备制造'
  | '数字信息'
  | '现代化工'
  | '轻工纺织'
  | '葡萄酒'
  | '枸杞'
  | '牛奶'
  | '肉牛'
  | '滩羊'
  | '冷凉蔬菜'
  | '文化旅游'
  | '现代物流'
  | '现代金融'
  | '健康养老'
  | '电子商务'
  | '会展博览'
  | '光伏全产业链'
  | '煤矿智能成套输送设备'
  | '高端铸件及精密加工'
  | '电子元器件用高纯稀有金属'
  | '精制双氰胺'
  | '精细化工'
  | '化工助剂/医药/农药连续化绿色工艺'
  | '智能制造'
  | '工业互联网'
  | '大数据'
  | '奶牛/肉牛/肉羊健康养殖'
  | '粪污资源化利用'
  | '现代种业'
  | '绿色食品加工'
  | '冷链物流'
  | '生态修复与污染防治'
  | '节能减排与绿色低碳'
  | '慢性病与地方病防治'
  | '高纯钽生物医用'
  | '安全生产与应急'
  | '锂电池'
  | '聚酰胺'
  | '氟材料'
  | '新医药'
  | '储能材料'
  | '半导体材料'
  | '晶体材料'
  | '特殊合金材料';

export type DemoMode = 'assignment' | 'licence' | 'equity' | 'joint_development' | 'service';

export type DemoPrice =
  | { kind: 'fixed'; amountFen: number }
  | { kind: 'range'; minFen: number; maxFen: number }
  | { kind: 'negotiable' };

export interface DemoContact {
  name: string;
  phone: string;
  email: string;
}

export interface DemoAchievement {
  key: string;
  ownerOrgKey: string;
  title: string;
  summary: string;
  confidentialDetail: string;
  industry: DemoIndustry;
  keywords: string[];
  trl: number;
  ip: {
    kind: 'invention_patent' | 'utility_model' | 'software_copyright';
    number: string;
    legalStatus: 'pending' | 'granted' | 'lapsed';
  }[];
  transferModes: DemoMode[];
  price: DemoPrice;
  team: { leader: string; members: string[] };
  contact: DemoContact;
  publish: boolean;
}

export interface DemoNeed {
  key: string;
  ownerOrgKey: string;
  title: string;
  problem: string;
  acceptanceCriteria: string[];
  confidentialDetail: string;
  industry: DemoIndustry;
  keywords: string[];
  budget: { kind: 'range'; minFen: number; maxFen: number } | { kind: 'negotiable' };
  deadline: string;
  cooperationModes: DemoMode[];
  challenge?: { bountyFen: number };
  contact: DemoContact;
  publish: boolean;
}

// ---------------------------------------------------------------------------
// 科技成果（高校、院所）
// ---------------------------------------------------------------------------

export const demoAchievements: DemoAchievement[] = [
  {
    key: 'ach-01',
    ownerOrgKey: 'inst-material',
    title: '光伏硅片金刚线细线化切割工艺及低损耗切割液',
    summary:
      '针对大尺寸单晶硅片切片环节，开发了线径36微米及以下钨丝基金刚线配套的细线化切割工艺，包括线速—张力—进给速度匹配模型、主辊槽距优化和低泡型水基切割液。在210毫米规格硅片中试线上，切缝损耗由约65微米降至52微米，每公斤硅棒出片数提升约4.5%，切割线断裂控制在每万刀1.2次以下，硅片总厚度偏差不大于15微米。适用于单晶硅片及蓝宝石等硬脆材料的多线切割。',
    confidentialDetail:
      '主辊槽距按线径加切缝预留4微米设计；线速控制在每分钟1800–2000米，张力取破断拉力的58%–62%，进给速度随切深分三段递减。切割液为聚醚类分散剂0.8%、消泡剂0.05%、缓蚀剂0.3%复配，液温稳定在22±1℃。中试累计切割约12万片，优等品率97.6%。',
    industry: '光伏全产业链',
    keywords: ['金刚线', '细线化', '多线切割', '切缝损耗', '切割液', '单晶硅片'],
    trl: 7,
    ip: [
      { kind: 'invention_patent', number: 'ZL202210345678.8', legalStatus: 'granted' },
      { kind: 'invention_patent', number: '202310512346.9', legalStatus: 'pending' },
    ],
    transferModes: ['licence', 'joint_development'],
    price: { kind: 'range', minFen: 80_000_000, maxFen: 150_000_000 },
    team: { leader: '马振华', members: ['李晓峰', '王静', '丁学军'] },
    contact: { name: '王静', phone: '0952-2016832', email: 'wangjing@szsxcl.org.cn' },
    publish: true,
  },
  {
    key: 'ach-02',
    ownerOrgKey: 'nxist',
    title: '直拉单晶炉热场结构优化与氩气回收净化技术',
    summary:
      '通过数值模拟重构直拉单晶炉热场结构，采用复合碳毡保温层与导流筒改型设计，减少拉晶过程热损失；同时配套开发氩气回收净化装置，尾气经除尘、催化脱氧、变压吸附后回用。在某企业36英寸热场单晶炉上应用，单位拉晶电耗下降约12%，氩气回收率达到85%以上，回收氩气纯度不低于99.999%。适用于光伏及半导体用直拉单晶硅生产线的节能改造。',
    confidentialDetail:
      '导流筒采用高纯石墨内衬加0.5毫米钼片反射层，底部保温厚度由120毫米增至160毫米，等径阶段加热功率可由约95千瓦降至83千瓦。净化装置脱氧催化剂为钯系，床层温度约180℃，变压吸附周期6分钟；单套装置每小时处理300标准立方米，投资回收期约14个月。',
    industry: '光伏全产业链',
    keywords: ['单晶炉', '热场', '氩气回收', '拉晶电耗', '变压吸附', '导流筒'],
    trl: 6,
    ip: [
      { kind: 'invention_patent', number: 'ZL202110567123.3', legalStatus: 'granted' },
      { kind: 'utility_model', number: 'ZL202220987654.8', legalStatus: 'granted' },
    ],
    transferModes: ['licence', 'service'],
    price: { kind: 'fixed', amountFen: 120_000_000 },
    team: { leader: '杨建国', members: ['刘海涛', '马丽'] },
    contact: { name: '杨建国', phone: '13909521736', email: 'yangjianguo@nxist.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-03',
    ownerOrgKey: 'nxu',
    title: '精制双氰胺重结晶连续化生产工艺',
    summary:
      '以工业级双氰胺为原料，采用“热溶—活性炭脱色—精密过滤—梯度冷却连续结晶—离心—气流干燥”集成工艺，替代传统间歇釜式重结晶。产品纯度稳定在99.7%以上，灰分不高于0.03%，钙含量不高于每千克50毫克，晶体粒径集中在80–120目，成品几乎不起尘、不易结块；母液循环套用率超过90%，吨产品蒸汽消耗降低约30%。可用于电子级、医药级双氰胺生产。',
    confidentialDetail:
      '溶解温度85–90℃，料液浓度控制在38%–40%；三段冷却结晶器温度分别为60℃、40℃、20℃，每段停留45分钟，加入0.2%、200目晶种控制晶习；母液每循环8次经离子交换除钙镁一次。千吨级中试装置连续运行1200小时，批间纯度波动小于0.1个百分点。',
    industry: '精制双氰胺',
    keywords: ['双氰胺', '重结晶', '连续结晶', '晶种控制', '母液套用', '精制'],
    trl: 7,
    ip: [
      { kind: 'invention_patent', number: 'ZL202010876543.5', legalStatus: 'granted' },
      { kind: 'invention_patent', number: '202410234987.7', legalStatus: 'pending' },
    ],
    transferModes: ['licence', 'joint_development', 'assignment'],
    price: { kind: 'range', minFen: 150_000_000, maxFen: 300_000_000 },
    team: { leader: '张立新', members: ['纳文杰', '陈思远', '周婷'] },
    contact: { name: '纳文杰', phone: '0951-2062317', email: 'nawenjie@nxu.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-04',
    ownerOrgKey: 'inst-material',
    title: '电容器用高比容钽粉钠还原与镁脱氧制备技术',
    summary:
      '采用熔盐体系钠还原七氟钽酸钾，结合团化造粒与镁脱氧工艺，制备钽电解电容器用高比容钽粉。产品比容达到每克15万–20万微法·伏，氧含量不高于0.5%，铁、镍、铬等杂质总和不高于每千克30毫克，漏电流不大于每微法·伏0.5纳安，流动性和压制性能满足自动成型要求。适用于片式钽电容器阳极块生产，可与本地钽铌冶炼企业形成配套。',
    confidentialDetail:
      '还原温度850–880℃，稀释盐为氯化钾—氯化钠混合盐，钠加入速率控制在每分钟0.8千克；团化阶段掺入0.3%磷，1250℃真空热处理30分钟；镁脱氧用量为理论量的1.8倍，脱氧后经稀酸洗涤。已完成公斤级到百公斤级放大，批次比容偏差±5%。',
    industry: '电子元器件用高纯稀有金属',
    keywords: ['钽粉', '高比容', '钠还原', '镁脱氧', '钽电容器', '七氟钽酸钾'],
    trl: 6,
    ip: [
      { kind: 'invention_patent', number: 'ZL201910345612.7', legalStatus: 'granted' },
      { kind: 'invention_patent', number: '202310789012.6', legalStatus: 'pending' },
    ],
    transferModes: ['licence', 'joint_development'],
    price: { kind: 'negotiable' },
    team: { leader: '郑国栋', members: ['海燕', '孙文博', '马骏'] },
    contact: { name: '孙文博', phone: '0952-2017745', email: 'sunwenbo@szsxcl.org.cn' },
    publish: true,
  },
  {
    key: 'ach-05',
    ownerOrgKey: 'inst-material',
    title: '增材制造多孔钽骨科植入物制备技术',
    summary:
      '以球形高纯钽粉为原料，采用激光选区熔化成形梯度孔隙结构的多孔钽植入体，孔隙率可在60%–80%之间设计，平均孔径400–600微米，抗压强度35–90兆帕，弹性模量2–4吉帕，与人体松质骨相匹配，可减轻应力遮挡。已完成细胞相容性及动物体内植入实验，骨长入效果良好。可用于髋臼杯、椎间融合器、骨缺损填充块等医疗器械产品开发。',
    confidentialDetail:
      '球形钽粉粒径15–53微米，氧含量不高于每千克300毫克；成形激光功率280–320瓦，扫描速度每秒600毫米，层厚30微米；成形后1400℃真空去应力退火2小时。新西兰兔股骨髁植入12周骨长入率约42%；目前正与两家医疗器械企业洽谈注册检验事宜。',
    industry: '高纯钽生物医用',
    keywords: ['多孔钽', '增材制造', '骨植入物', '激光选区熔化', '孔隙结构', '生物相容性'],
    trl: 5,
    ip: [{ kind: 'invention_patent', number: 'ZL202110923456.5', legalStatus: 'granted' }],
    transferModes: ['licence', 'equity', 'joint_development'],
    price: { kind: 'negotiable' },
    team: { leader: '郑雪梅', members: ['白杨', '李娜'] },
    contact: { name: '郑雪梅', phone: '13995223418', email: 'zhengxuemei@szsxcl.org.cn' },
    publish: true,
  },
  {
    key: 'ach-06',
    ownerOrgKey: 'nxist',
    title: '大型铸钢件凝固过程数值模拟与补缩工艺优化',
    summary:
      '基于凝固过程温度场、流场耦合数值模拟，预测铸钢件缩孔、缩松、热裂等缺陷的位置，并据此优化冒口尺寸、冷铁布置和浇注系统，形成覆盖碳钢、低合金钢及高锰钢的工艺数据库和快速工艺设计方法。在阀体、矿用齿轮箱体等5类铸件上验证，内部缺陷探伤一次合格率由82%提高到95%，工艺出品率提高6–8个百分点。适用于砂型铸造中大型铸钢件企业。',
    confidentialDetail:
      '模拟采用实测界面换热系数（砂型—铸钢取每平方米开尔文500–800瓦）；冒口模数取热节模数的1.2倍，使用发热保温冒口套可缩小冒口体积约30%；浇注温度1540–1560℃，浇注速度按铸件重量分档控制。已积累约60套典型铸件工艺卡，可直接套用。',
    industry: '高端铸件及精密加工',
    keywords: ['凝固模拟', '缩孔缩松', '冒口设计', '冷铁', '铸钢件', '工艺出品率'],
    trl: 7,
    ip: [
      { kind: 'invention_patent', number: 'ZL202110456789.1', legalStatus: 'granted' },
      { kind: 'software_copyright', number: '2022SR0567890', legalStatus: 'granted' },
    ],
    transferModes: ['service', 'licence'],
    price: { kind: 'range', minFen: 20_000_000, maxFen: 60_000_000 },
    team: { leader: '王志刚', members: ['金鹏', '刘洋', '杨帆'] },
    contact: { name: '金鹏', phone: '0952-2039517', email: 'jinpeng@nxist.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-07',
    ownerOrgKey: 'inst-coal',
    title: '带式输送机输送带智能纠偏系统',
    summary:
      '系统由机器视觉偏移检测单元、液压调偏托辊组和本安型控制器组成，实时识别输送带边缘位置，偏移量超过设定值时自动驱动调偏托辊偏转进行闭环纠偏，运行数据可上传至集控平台。井下应用表明，纠偏响应时间小于3秒，输送带偏移量稳定控制在±30毫米以内，沿线清理工作量减少约70%，输送带边缘磨损显著降低。适用于带宽800–1800毫米的煤矿井下及地面带式输送机。',
    confidentialDetail:
      '视觉检测采用防爆工业相机加红外补光，边缘识别算法在粉尘浓度每立方米200毫克条件下准确率98.5%；调偏托辊最大偏转角±5°，液压缸行程60毫米；控制策略为分段比例加积分，死区15毫米，防止频繁动作。已在宁东、石嘴山3个矿井试运行累计14个月。',
    industry: '煤矿智能成套输送设备',
    keywords: ['输送带纠偏', '带式输送机', '机器视觉', '调偏托辊', '本安控制', '闭环控制'],
    trl: 8,
    ip: [
      { kind: 'invention_patent', number: 'ZL202010789456.6', legalStatus: 'granted' },
      { kind: 'utility_model', number: 'ZL202121345678.5', legalStatus: 'granted' },
      { kind: 'software_copyright', number: '2021SR0876543', legalStatus: 'granted' },
    ],
    transferModes: ['licence', 'assignment'],
    price: { kind: 'fixed', amountFen: 68_000_000 },
    team: { leader: '马永清', members: ['田建军', '吴昊', '张学斌', '何亮'] },
    contact: { name: '田建军', phone: '0952-3016628', email: 'tianjianjun@nxmkzb.org.cn' },
    publish: true,
  },
  {
    key: 'ach-08',
    ownerOrgKey: 'inst-coal',
    title: '刮板输送机链条自动张紧与断链保护装置',
    summary:
      '针对综采工作面刮板输送机链条松紧状态依赖人工判断、易发生卡链断链的问题，研制了基于机尾伸缩油缸压力与链轮扭矩联合监测的自动张紧装置，能根据负载变化实时调节链条预紧力，并在检测到断链、卡链时0.5秒内发出停机信号。现场应用后链条非计划停机减少60%以上，链条及链轮使用寿命延长约25%。适用于中厚煤层综采工作面刮板输送机及转载机。',
    confidentialDetail:
      '张紧力控制目标为链条破断载荷的1.5%–2.5%，油缸压力传感器量程40兆帕；断链判据为机头、机尾电机电流差与链速差同时超限并持续200毫秒；控制器为矿用隔爆兼本安型，矿用产品安全标志申请已受理。样机在某矿工作面连续运行9个月。',
    industry: '煤矿智能成套输送设备',
    keywords: ['刮板输送机', '链条张紧', '断链保护', '综采工作面', '伸缩机尾', '负载监测'],
    trl: 7,
    ip: [
      { kind: 'invention_patent', number: '202210654321.8', legalStatus: 'pending' },
      { kind: 'utility_model', number: 'ZL202221567890.0', legalStatus: 'granted' },
    ],
    transferModes: ['licence', 'joint_development'],
    price: { kind: 'negotiable' },
    team: { leader: '贾文斌', members: ['马小龙', '孔德胜'] },
    contact: { name: '贾文斌', phone: '13709527815', email: 'jiawenbin@nxmkzb.org.cn' },
    publish: true,
  },
  {
    key: 'ach-09',
    ownerOrgKey: 'inst-coal',
    title: '矿用带式输送机托辊故障巡检机器人',
    summary:
      '挂轨式巡检机器人搭载拾音器、红外热像仪和高清摄像头，沿输送机全线往复巡检，通过声纹特征识别托辊轴承损坏、卡阻，通过温度异常定位摩擦发热点，并自动生成巡检报告。试验段测试中托辊故障识别准确率达到92%，单台机器人可覆盖2公里输送线，每班可替代人工巡检2–3人。适用于煤矿、电厂、港口等长距离带式输送机的无人化巡检。',
    confidentialDetail:
      '声纹识别模型采用梅尔频谱特征加卷积神经网络，训练样本含4类故障约1.8万段音频；机器人行走速度每秒0–1.2米可调，锂电池续航6小时，每500米布置一处充电桩。当前样机防爆认证尚未完成，井下应用需另行改型。',
    industry: '智能制造',
    keywords: ['巡检机器人', '托辊故障', '声纹识别', '红外测温', '挂轨式', '无人值守'],
    trl: 5,
    ip: [{ kind: 'invention_patent', number: '202310876123.0', legalStatus: 'pending' }],
    transferModes: ['joint_development'],
    price: { kind: 'range', minFen: 40_000_000, maxFen: 90_000_000 },
    team: { leader: '吴昊', members: ['李振宇', '马婧'] },
    contact: { name: '吴昊', phone: '0952-3016635', email: 'wuhao@nxmkzb.org.cn' },
    publish: false,
  },
  {
    key: 'ach-10',
    ownerOrgKey: 'inst-agri',
    title: '滩羊分阶段全混合日粮精准饲喂技术',
    summary:
      '依据滩羊断奶后不同生长阶段的营养需要，结合本地玉米秸秆、苜蓿、枸杞枝叶和酒糟等非常规饲料资源，建立分阶段全混合日粮配方及配套饲喂管理规程，并通过电子耳标与自动饲喂站按个体采食量调控。示范场育肥期日增重提高18%，料重比由6.8降至5.6，每只羊饲料成本降低约45元；屠宰后肌内脂肪含量提高0.6个百分点，大理石花纹评分改善，膻味物质含量下降。',
    confidentialDetail:
      '育肥前期（断奶至4月龄）精粗比40:60，粗蛋白16%；后期精粗比60:40，添加2%枸杞枝叶粉和0.3%过瘤胃蛋氨酸；酒糟湿基添加量不超过日粮的8%。自动饲喂站每站可管理60只羊，单站造价约2.8万元。三个示范场累计试验羊只2600只。',
    industry: '滩羊',
    keywords: ['全混合日粮', '精准饲喂', '滩羊育肥', '非常规饲料', '日增重', '料重比'],
    trl: 8,
    ip: [
      { kind: 'invention_patent', number: 'ZL202110345987.0', legalStatus: 'granted' },
      { kind: 'software_copyright', number: '2022SR0987654', legalStatus: 'granted' },
    ],
    transferModes: ['licence', 'service'],
    price: { kind: 'fixed', amountFen: 20_000_000 },
    team: { leader: '杨学礼', members: ['锁金花', '马占福', '赵磊'] },
    contact: { name: '马占福', phone: '0952-2155782', email: 'mazhanfu@sznky.org.cn' },
    publish: true,
  },
  {
    key: 'ach-11',
    ownerOrgKey: 'inst-agri',
    title: '鲜枸杞物理脱蜡与热泵分段变温干燥技术',
    summary:
      '以物理脱蜡预处理替代传统化学浸泡，配合热泵分段变温干燥，实现鲜枸杞快速、低能耗制干。干燥周期由传统热风烘干的56小时缩短至30小时以内，单位能耗降低40%，成品色泽鲜红、褐变率低于3%，枸杞多糖、类胡萝卜素保留率分别提高12%和20%，无化学残留。适用于枸杞主产区合作社和加工企业的制干线建设与改造。',
    confidentialDetail:
      '预处理采用常温超声辅助脱蜡，频率40千赫、时间8分钟；干燥分三段：55℃、相对湿度40%干燥6小时，60℃、相对湿度30%干燥12小时，50℃、相对湿度15%干燥至含水率13%以下；风速每秒1.5–2.0米。热泵机组按每吨鲜果配置约25千瓦。已在平罗、惠农建成示范线4条。',
    industry: '枸杞',
    keywords: ['枸杞制干', '热泵干燥', '变温干燥', '物理脱蜡', '色泽保持', '低能耗'],
    trl: 8,
    ip: [
      { kind: 'invention_patent', number: 'ZL202010567235.4', legalStatus: 'granted' },
      { kind: 'utility_model', number: 'ZL202120765432.7', legalStatus: 'granted' },
    ],
    transferModes: ['licence', 'service'],
    price: { kind: 'range', minFen: 15_000_000, maxFen: 30_000_000 },
    team: { leader: '刘玉霞', members: ['王建平', '丁海军'] },
    contact: { name: '刘玉霞', phone: '13895215634', email: 'liuyuxia@sznky.org.cn' },
    publish: true,
  },
  {
    key: 'ach-12',
    ownerOrgKey: 'inst-eco',
    title: '羊粪条垛好氧发酵快速腐熟及除臭技术',
    summary:
      '针对规模化肉羊养殖场羊粪含水率低、碳氮比偏高、堆存发酵慢的特点，筛选耐高温复合微生物菌剂，配合秸秆调理和条垛翻抛工艺，实现羊粪快速无害化腐熟。发酵升温至55℃以上的时间缩短至2天，高温期维持7天以上，整体腐熟周期由60天缩短至20天，氨气和硫化氢排放分别减少65%和70%，产品达到有机肥料行业标准要求。',
    confidentialDetail:
      '复合菌剂由枯草芽孢杆菌、嗜热侧孢霉和地衣芽孢杆菌按3:1:1复配，接种量0.2%；起始含水率调至55%–60%，碳氮比25–30，条垛宽2.5米、高1.2米，高温期每2天翻抛一次。吨有机肥生产成本约260元，示范场年处理羊粪1.5万吨。',
    industry: '粪污资源化利用',
    keywords: ['好氧发酵', '羊粪', '有机肥', '微生物菌剂', '条垛翻抛', '除臭'],
    trl: 8,
    ip: [{ kind: 'invention_patent', number: 'ZL202110876234.2', legalStatus: 'granted' }],
    transferModes: ['licence', 'service'],
    price: { kind: 'fixed', amountFen: 15_000_000 },
    team: { leader: '赵宏伟', members: ['马秀兰', '李强'] },
    contact: { name: '马秀兰', phone: '0952-2026573', email: 'maxiulan@nxsthf.org.cn' },
    publish: true,
  },
  {
    key: 'ach-13',
    ownerOrgKey: 'inst-eco',
    title: '贺兰山废弃矿山高陡边坡生态修复技术',
    summary:
      '针对贺兰山东麓废弃煤矿、采石场遗留的高陡岩质边坡土壤缺失、降水少、风蚀强等问题，集成柔性防护网加固、生态基材喷播、乡土植物配置和集雨保墒措施，形成适用于年降水量200毫米以下干旱区的边坡复绿技术。示范区植被覆盖度两年内由不足5%提高到45%以上，乡土植物占比超过80%，边坡落石和水土流失明显减少。适用于干旱半干旱地区矿山、道路边坡修复。',
    confidentialDetail:
      '基材配方：当地风化土60%、腐熟羊粪有机肥15%、保水剂0.3%、粘结剂0.5%、木纤维5%，其余为沙土，喷播厚度8–10厘米；植物以蒙古扁桃、柠条、沙冬青、针茅、冰草为主，种子按重量3:3:1:2:1配比。每平方米综合造价约85元，示范面积12公顷。',
    industry: '生态修复与污染防治',
    keywords: ['矿山修复', '边坡复绿', '基材喷播', '乡土植物', '干旱区', '水土保持'],
    trl: 7,
    ip: [{ kind: 'invention_patent', number: 'ZL202010345876.5', legalStatus: 'granted' }],
    transferModes: ['service', 'licence'],
    price: { kind: 'negotiable' },
    team: { leader: '高文斌', members: ['牛晓燕', '马建忠', '周鹏', '魏红'] },
    contact: { name: '牛晓燕', phone: '0952-2026581', email: 'niuxiaoyan@nxsthf.org.cn' },
    publish: true,
  },
  {
    key: 'ach-14',
    ownerOrgKey: 'inst-eco',
    title: '星海湖水体富营养化生态调控与沉水植被重建技术',
    summary:
      '针对星海湖等北方浅水湖泊冬季冰封期长、夏季藻类易暴发的特点，构建“底泥原位钝化—沉水植物群落重建—滤食性鱼类调控”组合技术。示范水域总磷浓度由每升0.12毫克降至0.05毫克以下，透明度由0.6米提高到1.5米，夏季蓝藻密度下降80%，水质稳定达到地表水Ⅲ类标准。适用于城市景观湖泊、湿地公园和养殖退水塘的水质提升。',
    confidentialDetail:
      '底泥钝化采用改性镧系膨润土，投加量每平方米300克；沉水植物以苦草、穗花狐尾藻、篦齿眼子菜为主，种植密度每平方米20–30株，冰封前补种耐寒种；鲢鳙放养密度每亩40尾。示范区面积8公顷，运行维护费每年每亩约600元。',
    industry: '生态修复与污染防治',
    keywords: ['富营养化', '沉水植物', '底泥钝化', '湖泊治理', '总磷', '蓝藻'],
    trl: 7,
    ip: [
      { kind: 'invention_patent', number: 'ZL202210456123.0', legalStatus: 'granted' },
      { kind: 'invention_patent', number: '202410345678.7', legalStatus: 'pending' },
    ],
    transferModes: ['service', 'joint_development'],
    price: { kind: 'range', minFen: 50_000_000, maxFen: 200_000_000 },
    team: { leader: '魏红', members: ['沙明', '陈晓东'] },
    contact: { name: '魏红', phone: '13909528462', email: 'weihong@nxsthf.org.cn' },
    publish: true,
  },
  {
    key: 'ach-15',
    ownerOrgKey: 'inst-eco',
    title: '高盐有机化工废水催化臭氧氧化与分盐蒸发组合处理技术',
    summary:
      '针对精细化工、农药中间体生产中产生的高含盐、难生物降解有机废水，开发负载型锰铈复合催化剂催化臭氧氧化预处理，耦合纳滤分盐和机械蒸汽再压缩蒸发工艺。化学需氧量去除率达到85%以上，废水可生化性指标由0.08提高到0.35；氯化钠和硫酸钠分质回收纯度分别达到98.5%和97%，满足工业盐标准，杂盐产生量减少80%以上。',
    confidentialDetail:
      '催化剂以γ-氧化铝为载体，锰铈负载量8%；臭氧与化学需氧量投加比1.2:1，接触时间60分钟，反应体系酸碱度7.5–8.5；纳滤操作压力2.5兆帕，蒸发系统吨水电耗约38千瓦时。吨水综合处理成本约65元，中试规模每天20吨。',
    industry: '精细化工',
    keywords: ['高盐废水', '催化臭氧', '分盐结晶', '蒸发浓缩', '难降解有机物', '近零排放'],
    trl: 6,
    ip: [
      { kind: 'invention_patent', number: 'ZL202110678912.4', legalStatus: 'granted' },
      { kind: 'invention_patent', number: '202310456789.0', legalStatus: 'pending' },
    ],
    transferModes: ['licence', 'joint_development', 'service'],
    price: { kind: 'range', minFen: 100_000_000, maxFen: 250_000_000 },
    team: { leader: '罗志军', members: ['马燕', '韩冰', '金涛'] },
    contact: { name: '韩冰', phone: '0952-2026590', email: 'hanbing@nxsthf.org.cn' },
    publish: true,
  },
  {
    key: 'ach-16',
    ownerOrgKey: 'nmu',
    title: '高压实磷酸锰铁锂正极材料共沉淀合成技术',
    summary:
      '采用锰铁共沉淀前驱体路线制备磷酸锰铁锂正极材料，锰铁比例可在6:4至7:3之间调控，通过碳包覆与镁离子掺杂改善导电性。材料0.1倍率放电比容量达到每克155毫安时，压实密度每立方厘米2.5克，1倍率循环1000次容量保持率92%，平均放电电压较磷酸铁锂提高约0.4伏，能量密度提升15%左右。适用于动力电池、两轮车及储能电池正极材料生产。',
    confidentialDetail:
      '共沉淀采用硫酸锰、硫酸亚铁与磷酸二氢铵体系，反应酸碱度控制在6.2–6.5，温度60℃；前驱体与碳酸锂按锂过量3%混合，加入8%葡萄糖作碳源，镁掺杂量1%；烧结制度为350℃预烧4小时、700℃烧结10小时，氮气保护。已完成公斤级中试，吨级放大尚需验证。',
    industry: '锂电池',
    keywords: ['磷酸锰铁锂', '正极材料', '共沉淀', '碳包覆', '压实密度', '动力电池'],
    trl: 5,
    ip: [
      { kind: 'invention_patent', number: 'ZL202210789345.4', legalStatus: 'granted' },
      { kind: 'invention_patent', number: '202410678123.4', legalStatus: 'pending' },
    ],
    transferModes: ['licence', 'joint_development', 'equity'],
    price: { kind: 'range', minFen: 200_000_000, maxFen: 400_000_000 },
    team: { leader: '李国华', members: ['马晓军', '杨柳', '苏婉清'] },
    contact: { name: '苏婉清', phone: '0951-2066318', email: 'suwanqing@nmu.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-17',
    ownerOrgKey: 'nmu',
    title: '双氟磺酰亚胺锂绿色合成与高纯提纯技术',
    summary:
      '以氨基磺酸、氯磺酸为原料，经氯化、氟化、锂化三步合成双氟磺酰亚胺锂，采用无水氟化氢替代三氟化锑等重金属氟化剂，并开发非水溶剂重结晶提纯工艺。产品纯度不低于99.95%，水分、氯离子、游离酸分别不高于每千克20毫克、5毫克、50毫克，满足锂离子电池电解液添加剂及主盐要求。总收率由55%提高到78%，三废量减少约40%。',
    confidentialDetail:
      '氯化阶段以二氯亚砜为氯化剂，130℃回流24小时；氟化在哈氏合金釜中进行，氟化氢与中间体摩尔比2.4:1，温度90℃；锂化在碳酸二甲酯中以碳酸锂进行，重结晶溶剂为碳酸二甲酯与二氯甲烷混合体系。百公斤级中试已连续运行3批，关键设备材质选择经验可一并转让。',
    industry: '氟材料',
    keywords: ['双氟磺酰亚胺锂', '电解质锂盐', '氟化', '重结晶', '电解液', '高纯'],
    trl: 6,
    ip: [{ kind: 'invention_patent', number: 'ZL202110234987.3', legalStatus: 'granted' }],
    transferModes: ['licence', 'assignment'],
    price: { kind: 'negotiable' },
    team: { leader: '丁一鸣', members: ['冯雪', '王磊'] },
    contact: { name: '丁一鸣', phone: '13709516829', email: 'dingyiming@nmu.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-18',
    ownerOrgKey: 'nxist',
    title: '旋转机械振动在线监测与故障智能诊断系统',
    summary:
      '面向风机、泵、减速机、磨机等旋转设备，采用无线振动温度一体化传感器与边缘计算网关，在线提取包络谱、阶次谱等特征，结合故障机理与机器学习模型，识别不平衡、不对中、轴承损伤、齿轮磨损等12类故障，并给出剩余寿命趋势。试点企业应用中故障平均提前7天预警，诊断准确率90%以上，非计划停机减少50%。可部署于本地服务器或工业互联网平台。',
    confidentialDetail:
      '传感器采样频率25.6千赫，三轴加速度量程为±50倍重力加速度，按每小时采集一次电池寿命约3年；轴承故障采用谱峭度自适应带通滤波后包络解调；剩余寿命预测采用长短期记忆网络，训练数据来自8家企业约450台设备两年的历史数据。单测点硬件成本约1800元。',
    industry: '工业互联网',
    keywords: ['振动监测', '故障诊断', '预测性维护', '边缘计算', '包络解调', '旋转设备'],
    trl: 7,
    ip: [
      { kind: 'invention_patent', number: '202310987456.0', legalStatus: 'pending' },
      { kind: 'software_copyright', number: '2022SR1234567', legalStatus: 'granted' },
    ],
    transferModes: ['licence', 'service', 'joint_development'],
    price: { kind: 'fixed', amountFen: 50_000_000 },
    team: { leader: '刘建伟', members: ['张帆', '马瑞', '黄晓静'] },
    contact: { name: '张帆', phone: '0952-2039586', email: 'zhangfan@nxist.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-19',
    ownerOrgKey: 'szgm',
    title: '铸件机器人柔性打磨与三维视觉定位系统',
    summary:
      '开发基于三维视觉定位和力控浮动主轴的机器人打磨工作站，用于去除中小型铸件浇冒口残根、分型面飞边和毛刺。工作站能自动识别铸件位姿并规划磨削路径，可适应铸件尺寸波动±3毫米。单工位效率相当于3–4名熟练工人，打磨后表面残留高度不大于0.5毫米，配套封闭除尘房内粉尘浓度低于每立方米4毫克。适用于阀体、壳体、泵体等多品种、中小批量铸件的后处理。',
    confidentialDetail:
      '三维相机为结构光方案，点云配准采用粗配准加迭代最近点精配准，单件定位时间约4秒；力控主轴恒力范围20–200牛，砂轮线速度每秒35米；离线编程模板库已覆盖6类常见铸件，新品种导入约1.5小时。工作站整体造价约85万元，投资回收期约18个月。',
    industry: '智能制造',
    keywords: ['机器人打磨', '视觉定位', '力控磨削', '去毛刺', '离线编程', '柔性工作站'],
    trl: 7,
    ip: [
      { kind: 'utility_model', number: 'ZL202221876543.6', legalStatus: 'granted' },
      { kind: 'software_copyright', number: '2023SR0678912', legalStatus: 'granted' },
    ],
    transferModes: ['licence', 'joint_development'],
    price: { kind: 'range', minFen: 30_000_000, maxFen: 80_000_000 },
    team: { leader: '宋春雷', members: ['马宏', '何倩'] },
    contact: { name: '宋春雷', phone: '0952-2186457', email: 'songchunlei@szgmxy.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-20',
    ownerOrgKey: 'inst-coal',
    title: '矿用带式输送机永磁同步直驱系统',
    summary:
      '采用低速大扭矩永磁同步电机直接驱动输送机滚筒，取消减速器和液力耦合器，配套矿用隔爆变频器实现软启动和多机功率平衡。与传统异步电机加减速器驱动相比，系统效率提高10%–15%，综合节电率达到20%以上，传动链故障点减少，维护工作量下降60%，噪声降低10分贝。适用于煤矿井下主运输、顺槽及地面长距离输送机驱动改造，功率覆盖200–1000千瓦。',
    confidentialDetail:
      '电机采用外转子结构，额定转速每分钟60–90转，钕铁硼磁钢耐温等级180℃；多机功率平衡采用主从转矩控制，不平衡度小于3%；轴承选型及冷却水套设计参数已固化为设计图册。已在2个煤矿运行，单台400千瓦系统年节电约52万千瓦时。',
    industry: '装备制造',
    keywords: ['永磁直驱', '带式输送机', '节电', '变频驱动', '功率平衡', '无减速器'],
    trl: 8,
    ip: [
      { kind: 'invention_patent', number: 'ZL201910678345.5', legalStatus: 'granted' },
      { kind: 'utility_model', number: 'ZL201720345678.2', legalStatus: 'lapsed' },
    ],
    transferModes: ['licence', 'joint_development'],
    price: { kind: 'negotiable' },
    team: { leader: '孔德胜', members: ['郭峰', '马永明'] },
    contact: { name: '郭峰', phone: '0952-3016641', email: 'guofeng@nxmkzb.org.cn' },
    publish: true,
  },
  {
    key: 'ach-21',
    ownerOrgKey: 'nxu',
    title: '枸杞原浆超高压非热杀菌与稳态化加工技术',
    summary:
      '以鲜枸杞为原料，采用低温打浆、胶体磨均质、复合果胶酶适度酶解和超高压非热杀菌工艺，替代传统高温瞬时杀菌。产品冷藏保质期达到90天，短途常温运输7天内包装无鼓胀；玉米黄质、抗坏血酸保留率分别达到92%和85%，货架期内体系均匀稳定，风味接近鲜果。适用于枸杞原浆、枸杞复合果蔬汁及即饮饮品生产。',
    confidentialDetail:
      '打浆温度控制在8℃以下，胶体磨间隙20微米，再经30兆帕均质两次；复合果胶酶添加量0.03%，45℃酶解40分钟后灭酶；超高压条件为550兆帕保压5分钟；稳定剂采用0.08%高酰基结冷胶与0.1%果胶复配。中试线每小时处理鲜果500千克。',
    industry: '绿色食品加工',
    keywords: ['超高压杀菌', '非热加工', '果浆均质', '稳态化', '冷杀菌', '营养保留'],
    trl: 6,
    ip: [{ kind: 'invention_patent', number: 'ZL202210567891.3', legalStatus: 'granted' }],
    transferModes: ['licence', 'joint_development'],
    price: { kind: 'fixed', amountFen: 45_000_000 },
    team: { leader: '黄海燕', members: ['吴兴', '马文静', '杨洁'] },
    contact: { name: '黄海燕', phone: '0951-2062875', email: 'huanghaiyan@nxu.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-22',
    ownerOrgKey: 'nxu',
    title: '贺兰山东麓本土酿酒酵母选育及应用技术',
    summary:
      '从贺兰山东麓产区葡萄园和自然发酵醪液中分离筛选得到3株本土酿酒酵母，具有耐低温、高产甘油、低产挥发酸的特点，可突出赤霞珠、马瑟兰等品种的产区风格。与进口商业酵母对比，发酵后酒体甘油含量提高15%，挥发酸降低每升0.1克，香气物质种类增加20余种，感官评分平均提高2.5分。已制成活性干酵母小批量试用，适用于中高端干红、干白葡萄酒酿造。',
    confidentialDetail:
      '优选菌株在15℃下可正常启动发酵，耐受酒精度16%（体积分数）；推荐接种量每升0.25克，复水温度37℃；活性干酵母采用流化床干燥，活菌数每克不低于100亿。菌株已保藏于国家级菌种保藏中心，保藏编号在签约后提供。',
    industry: '葡萄酒',
    keywords: ['本土酵母', '酿酒酵母', '产区风格', '干红', '酒精发酵', '菌株选育'],
    trl: 6,
    ip: [{ kind: 'invention_patent', number: 'ZL202110987612.4', legalStatus: 'granted' }],
    transferModes: ['licence', 'assignment'],
    price: { kind: 'negotiable' },
    team: { leader: '张军', members: ['王颖', '李红梅'] },
    contact: { name: '王颖', phone: '13995097341', email: 'wangying@nxu.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-23',
    ownerOrgKey: 'inst-agri',
    title: '羔羊腹泻防控复合微生态制剂',
    summary:
      '以从健康滩羊肠道分离的乳酸菌、芽孢杆菌为主要菌种，复配中草药提取物，研制羔羊专用复合微生态制剂，通过调节肠道菌群、增强黏膜免疫预防细菌性腹泻。多场试验表明，羔羊腹泻发病率由23%降至8%，腹泻死亡率下降70%，断奶体重提高1.2千克，兽用抗菌药物使用量减少50%以上。适用于滩羊、湖羊等肉羊规模场，也可用于犊牛饲养。',
    confidentialDetail:
      '配方为罗伊氏乳杆菌、植物乳杆菌、凝结芽孢杆菌，活菌总数每克不低于50亿；中草药部分为白头翁、黄连、苦参提取物，添加量2%；羔羊出生后第1、3、7天各灌服2克，之后每天拌料1克至断奶。已完成区域试验及安全性评价，产品登记途径尚待确定。',
    industry: '奶牛/肉牛/肉羊健康养殖',
    keywords: ['羔羊腹泻', '微生态制剂', '益生菌', '减抗养殖', '肠道菌群', '中草药'],
    trl: 6,
    ip: [{ kind: 'invention_patent', number: 'ZL202210345267.9', legalStatus: 'granted' }],
    transferModes: ['licence', 'joint_development'],
    price: { kind: 'fixed', amountFen: 25_000_000 },
    team: { leader: '何彩霞', members: ['白志刚', '金玉'] },
    contact: { name: '何彩霞', phone: '0952-2155796', email: 'hecaixia@sznky.org.cn' },
    publish: true,
  },
  {
    key: 'ach-24',
    ownerOrgKey: 'inst-agri',
    title: '引黄灌区冷凉蔬菜水肥一体化精准调控技术',
    summary:
      '针对引黄灌区菜心、西兰花、娃娃菜等冷凉蔬菜大水漫灌、氮肥过量导致品质下降和土壤次生盐渍化的问题，集成滴灌带布设、土壤墒情监测和按生育期分阶段追肥模型。示范田节水35%，节肥25%，商品菜率提高8个百分点，亩均增收约600元，土壤表层含盐量两年下降18%。适用于宁夏引黄灌区及气候相近的冷凉区露地蔬菜生产。',
    confidentialDetail:
      '菜心全生育期灌水定额每亩约150立方米，分8次滴灌；追肥采用水溶肥，氮磷钾比例苗期20:20:20，莲座期至采收期15:5:30；土壤含水量控制在田间持水量的65%–80%。墒情传感器每30亩布设1套。',
    industry: '冷凉蔬菜',
    keywords: ['水肥一体化', '冷凉蔬菜', '滴灌', '墒情监测', '节水节肥', '盐渍化'],
    trl: 7,
    ip: [{ kind: 'software_copyright', number: '2023SR0789123', legalStatus: 'granted' }],
    transferModes: ['service'],
    price: { kind: 'fixed', amountFen: 8_000_000 },
    team: { leader: '王建平', members: ['马丽娟', '陈刚'] },
    contact: { name: '王建平', phone: '0952-2155803', email: 'wangjianping@sznky.org.cn' },
    publish: false,
  },
  {
    key: 'ach-25',
    ownerOrgKey: 'inst-agri',
    title: '枸杞优良品系组织培养快繁与容器育苗技术',
    summary:
      '以本所选育的高产、大果、抗黑果病枸杞优良品系为材料，建立茎段组培快速繁殖体系和轻基质容器育苗技术，繁殖系数达到每代5倍以上，生根率95%，移栽成活率92%，苗木整齐度高且保持母本优良性状。与传统扦插育苗相比出圃周期缩短40天，可实现当年定植当年挂果。适用于枸杞良种繁育基地和规模化种植企业建园。',
    confidentialDetail:
      '初代培养采用改良基本培养基，附加6-苄氨基嘌呤每升0.5毫克和萘乙酸每升0.05毫克，增殖阶段6-苄氨基嘌呤调整为每升0.3毫克；生根培养使用吲哚丁酸每升0.3毫克，约20天生根；容器基质为泥炭、珍珠岩、腐熟羊粪按5:3:2配制。年产能可达300万株。',
    industry: '现代种业',
    keywords: ['枸杞育苗', '组培快繁', '容器育苗', '良种繁育', '优良品系'],
    trl: 7,
    ip: [{ kind: 'invention_patent', number: 'ZL202010234789.2', legalStatus: 'granted' }],
    transferModes: ['licence', 'assignment'],
    price: { kind: 'range', minFen: 30_000_000, maxFen: 60_000_000 },
    team: { leader: '丁海军', members: ['刘玉霞', '马晓梅'] },
    contact: { name: '丁海军', phone: '13619526347', email: 'dinghaijun@sznky.org.cn' },
    publish: true,
  },
  {
    key: 'ach-26',
    ownerOrgKey: 'nxist',
    title: '耐水解玻纤增强聚酰胺66复合材料改性技术',
    summary:
      '针对汽车冷却系统、水泵叶轮等部件长期接触热水和乙二醇冷却液导致聚酰胺材料性能衰减的问题，采用端基封端、耐水解助剂复配与玻纤界面改性技术，开发耐水解型玻纤增强聚酰胺66。材料在130℃乙二醇水溶液中浸泡1000小时后拉伸强度保持率达到75%以上（普通牌号约50%），拉伸强度190兆帕，缺口冲击强度每平方米13千焦。适用于汽车、水暖卫浴及电器结构件。',
    confidentialDetail:
      '配方为聚酰胺66基体67%、短切玻纤30%、碳化二亚胺类耐水解剂1.2%、铜盐热稳定剂0.3%、其他助剂1.5%；玻纤经硅烷偶联剂二次表面处理；双螺杆挤出温度265–285℃，螺杆转速每分钟350转，玻纤侧喂料加入。已在两家改性塑料厂完成吨级试产。',
    industry: '聚酰胺',
    keywords: ['聚酰胺66', '耐水解', '玻纤增强', '改性塑料', '端基封端', '汽车部件'],
    trl: 7,
    ip: [
      { kind: 'invention_patent', number: 'ZL202110789234.9', legalStatus: 'granted' },
      { kind: 'invention_patent', number: '202410123678.2', legalStatus: 'pending' },
    ],
    transferModes: ['licence', 'assignment'],
    price: { kind: 'fixed', amountFen: 60_000_000 },
    team: { leader: '白晓宇', members: ['邓丽', '马骁'] },
    contact: { name: '白晓宇', phone: '0952-2039623', email: 'baixiaoyu@nxist.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-27',
    ownerOrgKey: 'inst-material',
    title: '大尺寸光学级铌酸锂单晶生长技术',
    summary:
      '以高纯五氧化二铌和碳酸锂为原料，采用中频感应加热提拉法生长6英寸同成分铌酸锂单晶，通过温场优化和自动等径控制减少开裂和多晶。晶体光学均匀性达到每厘米5×10⁻⁵，居里温度偏差±0.5℃，单炉成品率提高至75%。可用于声表面波滤波器衬底、电光调制器和薄膜铌酸锂晶圆制备，有助于依托本地铌资源延伸材料产业链。',
    confidentialDetail:
      '原料铌锂摩尔比48.6:51.4，多晶料于1150℃固相合成；生长速度每小时1.5–2.0毫米，晶转每分钟8–12转，后加热器使径向温度梯度控制在每厘米3℃以内；生长结束后以每小时30℃速率降温，并进行高温极化处理。已稳定生长晶体40余根。',
    industry: '晶体材料',
    keywords: ['铌酸锂', '晶体生长', '提拉法', '声表面波', '光学均匀性', '单晶'],
    trl: 6,
    ip: [{ kind: 'invention_patent', number: 'ZL202210123456.1', legalStatus: 'granted' }],
    transferModes: ['joint_development', 'equity'],
    price: { kind: 'negotiable' },
    team: { leader: '马骏', members: ['罗晶', '刘志远'] },
    contact: { name: '罗晶', phone: '0952-2017768', email: 'luojing@szsxcl.org.cn' },
    publish: true,
  },
  {
    key: 'ach-28',
    ownerOrgKey: 'inst-material',
    title: '高强高导铍铜合金精密带材制备技术',
    summary:
      '针对连接器、继电器弹片用高端铍铜带材长期依赖进口的问题，开发了真空熔铸—热轧—多道次冷轧—固溶时效一体化制备工艺，实现厚度0.08–0.3毫米铍铜带材稳定生产。带材时效后抗拉强度达到1250兆帕以上，导电率不低于国际退火铜标准的22%，抗应力松弛性能优于国内同类产品，厚度公差±0.003毫米。适用于电子元器件和精密弹性元件制造。',
    confidentialDetail:
      '合金成分铍1.85%–2.0%、钴0.2%–0.3%；真空熔炼温度1150℃，半连续铸造速度每分钟80毫米；带材在连续气垫炉中780℃固溶，随后冷轧变形量37%，时效315℃保温2小时。铍粉尘防护与车间负压除尘设计方案一并提供。',
    industry: '特殊合金材料',
    keywords: ['铍铜合金', '精密带材', '固溶时效', '冷轧', '连接器', '弹性元件'],
    trl: 7,
    ip: [
      { kind: 'invention_patent', number: 'ZL202010912346.4', legalStatus: 'granted' },
      { kind: 'invention_patent', number: 'ZL202110456123.6', legalStatus: 'granted' },
    ],
    transferModes: ['licence', 'joint_development'],
    price: { kind: 'fixed', amountFen: 180_000_000 },
    team: { leader: '郑国栋', members: ['孙文博', '沙丽'] },
    contact: { name: '沙丽', phone: '0952-2017752', email: 'shali@szsxcl.org.cn' },
    publish: true,
  },
  {
    key: 'ach-29',
    ownerOrgKey: 'nmu',
    title: '苦豆子生物碱衍生物抗溃疡性结肠炎候选新药',
    summary:
      '以宁夏道地药材苦豆子为原料，对其喹诺里西啶类生物碱进行结构修饰，获得一个抗炎活性显著提高、毒性降低的候选化合物。在小鼠结肠炎模型中，疾病活动指数下降60%，结肠组织炎症因子水平显著降低，疗效优于同剂量美沙拉嗪；急性毒性试验半数致死量较母体化合物提高约4倍。已完成药效学和初步药代动力学研究，拟开展系统的临床前研究。',
    confidentialDetail:
      '先导化合物为槐定碱13位引入芳香酰胺取代基的衍生物，合成路线共4步，总收率41%；有效剂量每千克体重20毫克，口服生物利用度约32%，半衰期3.6小时。化合物专利已进入实质审查，可提供全部合成及药效原始数据。',
    industry: '新医药',
    keywords: ['苦豆子', '生物碱', '溃疡性结肠炎', '候选药物', '结构修饰', '抗炎'],
    trl: 4,
    ip: [{ kind: 'invention_patent', number: '202310345127.6', legalStatus: 'pending' }],
    transferModes: ['assignment', 'joint_development', 'equity'],
    price: { kind: 'negotiable' },
    team: { leader: '田野', members: ['马欣', '刘慧敏', '徐涛'] },
    contact: { name: '田野', phone: '0951-2066442', email: 'tianye@nmu.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-30',
    ownerOrgKey: 'nmu',
    title: '芳烃硝化微通道连续流合成工艺',
    summary:
      '采用碳化硅微通道反应器替代传统间歇釜式混酸硝化，利用微通道极高的传质传热效率实现强放热反应的精确控温。反应停留时间由6小时缩短至2分钟以内，反应区持液量仅为釜式工艺的千分之一，本质安全水平显著提升；目标产物选择性由88%提高到97%，废酸量减少30%。已完成氯苯、甲苯、邻二氯苯等多种底物的工艺开发，适用于医药、农药及染料中间体生产。',
    confidentialDetail:
      '以邻二氯苯硝化为例，硝酸与底物摩尔比1.05:1，硫酸浓度92%，反应温度55℃，停留时间90秒，转化率99.5%；反应器为12片模块串联，单套设计产能每年3000吨；出料采用在线分相，废酸浓缩后回用。工艺安全评估报告可随转让一并提供。',
    industry: '化工助剂/医药/农药连续化绿色工艺',
    keywords: ['微通道反应器', '连续流', '芳烃硝化', '本质安全', '强放热反应', '医药中间体'],
    trl: 7,
    ip: [
      { kind: 'invention_patent', number: 'ZL202110654987.9', legalStatus: 'granted' },
      { kind: 'invention_patent', number: 'ZL202210876123.6', legalStatus: 'granted' },
    ],
    transferModes: ['licence', 'joint_development'],
    price: { kind: 'range', minFen: 150_000_000, maxFen: 350_000_000 },
    team: { leader: '王志勇', members: ['马晓军', '周敏'] },
    contact: { name: '周敏', phone: '13895026713', email: 'zhoumin@nmu.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-31',
    ownerOrgKey: 'nxu',
    title: '低温鲜奶陶瓷膜除菌延长货架期加工技术',
    summary:
      '采用无机陶瓷膜微滤除菌结合低温巴氏杀菌，在去除原料乳中绝大部分细菌和芽孢的同时保留乳中活性蛋白。产品菌落总数比传统巴氏奶低两个数量级，冷藏货架期由7天延长至21天，乳铁蛋白、免疫球蛋白保留率均在85%以上，口感与鲜奶接近。适用于乳品企业开发高品质低温鲜奶，支撑区域液态奶拓展区外市场。',
    confidentialDetail:
      '原料乳离心分离后，脱脂乳经孔径1.4微米陶瓷膜在50℃下微滤，跨膜压差0.05兆帕；稀奶油单独经95℃处理后回配，再进行72℃、15秒巴氏杀菌；截留液回流比例控制在5%。中试线每小时处理原料乳2吨，膜清洗周期8小时。',
    industry: '牛奶',
    keywords: ['陶瓷膜', '微滤除菌', '巴氏杀菌', '低温鲜奶', '货架期', '活性蛋白'],
    trl: 6,
    ip: [{ kind: 'invention_patent', number: 'ZL202110345789.4', legalStatus: 'granted' }],
    transferModes: ['licence', 'joint_development'],
    price: { kind: 'fixed', amountFen: 40_000_000 },
    team: { leader: '陈玉梅', members: ['吴兴', '马嘉'] },
    contact: { name: '陈玉梅', phone: '0951-2062913', email: 'chenyumei@nxu.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-32',
    ownerOrgKey: 'szgm',
    title: '毫米波雷达非接触式居家老人跌倒监测系统',
    summary:
      '利用毫米波雷达非接触探测人体位置、姿态和呼吸心跳，无需佩戴设备、不采集图像，充分保护老人隐私。系统可识别跌倒、久卧不起、夜间离床未归等异常事件，跌倒识别准确率95%以上，告警延时小于10秒，并通过社区养老服务平台推送给家属和网格员。已在石嘴山市两个社区的120户独居老人家庭试用。适用于居家养老、养老机构和医养结合场所。',
    confidentialDetail:
      '雷达工作频段60–64吉赫，探测范围4米×4米，安装高度2.2–2.6米；跌倒识别基于点云高度与速度特征的轻量化时序模型，可在终端芯片上本地运行；单套终端成本约650元，平台按户收取年服务费。',
    industry: '健康养老',
    keywords: ['跌倒监测', '毫米波雷达', '居家养老', '非接触监测', '隐私保护', '智慧养老'],
    trl: 7,
    ip: [
      { kind: 'utility_model', number: 'ZL202321345987.1', legalStatus: 'granted' },
      { kind: 'software_copyright', number: '2023SR0912345', legalStatus: 'granted' },
    ],
    transferModes: ['licence', 'joint_development'],
    price: { kind: 'range', minFen: 10_000_000, maxFen: 30_000_000 },
    team: { leader: '何倩', members: ['杨文', '李思雨'] },
    contact: { name: '何倩', phone: '0952-2186473', email: 'heqian@szgmxy.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-33',
    ownerOrgKey: 'szgm',
    title: '特色农产品电商直播运营与供应链协同平台',
    summary:
      '面向枸杞、滩羊肉、富硒大米等本地特色农产品，开发集直播选品、订单聚合、一件代发、仓配协同和售后追踪于一体的电商运营平台，并配套直播运营实训课程。平台在3家合作社试运行期间，订单处理时效由24小时缩短至6小时，错发漏发率降至0.3%以下，退货率下降4个百分点。适用于农产品合作社、中小电商企业及县域电商服务中心。',
    confidentialDetail:
      '平台采用微服务架构，已对接主流电商平台和4家快递公司接口，库存同步延时小于1分钟；实训课程包含直播脚本、选品策略、流量投放等12个模块，已培训学员320人次。',
    industry: '电子商务',
    keywords: ['农产品电商', '直播带货', '一件代发', '仓配协同', '订单管理'],
    trl: 6,
    ip: [
      { kind: 'software_copyright', number: '2022SR0456123', legalStatus: 'granted' },
      { kind: 'software_copyright', number: '2023SR0234567', legalStatus: 'granted' },
    ],
    transferModes: ['service', 'licence'],
    price: { kind: 'fixed', amountFen: 12_000_000 },
    team: { leader: '马宏', members: ['陈露', '王子豪'] },
    contact: { name: '陈露', phone: '15009523876', email: 'chenlu@szgmxy.edu.cn' },
    publish: false,
  },
  {
    key: 'ach-34',
    ownerOrgKey: 'nxist',
    title: '工业园区能耗在线监测与碳排放核算大数据平台',
    summary:
      '平台自动采集电、水、气、蒸汽计量数据并对接企业生产数据，构建园区—企业—重点用能设备三级能耗画像，按照国家温室气体排放核算方法自动生成企业碳排放报表，并对单位产品能耗异常进行预警。已在某工业园区接入企业46家、计量点2300余个，数据采集完整率99%以上，每家企业碳核算工作量由约15人天缩短至2人天，帮助企业识别节能潜力约8%。',
    confidentialDetail:
      '采集层支持多种电力规约和工业通信协议，边缘网关断点续传缓存30天；碳核算模块内置电石、铁合金、化工、焦化等12个行业核算模型及排放因子库；数据底座采用时序数据库，单节点支持每秒20万点写入。',
    industry: '大数据',
    keywords: ['能耗监测', '碳排放核算', '能源管理', '能耗画像', '碳达峰', '计量采集'],
    trl: 8,
    ip: [
      { kind: 'software_copyright', number: '2022SR1345678', legalStatus: 'granted' },
      { kind: 'software_copyright', number: '2023SR0567123', legalStatus: 'granted' },
    ],
    transferModes: ['licence', 'service'],
    price: { kind: 'negotiable' },
    team: { leader: '丁文涛', members: ['黄晓静', '马宁', '孙楠', '周洋'] },
    contact: { name: '丁文涛', phone: '13895235761', email: 'dingwentao@nxist.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-35',
    ownerOrgKey: 'inst-eco',
    title: '电石渣制备高活性钙基烟气脱硫剂技术',
    summary:
      '以电石法乙炔生产副产的电石渣为原料，经除杂、湿法研磨和活化改性，制备可替代石灰石的高活性钙基脱硫剂，用于燃煤锅炉及工业窑炉烟气湿法和半干法脱硫。产品氢氧化钙有效含量85%以上，粒径45微米以下占比90%，脱硫效率达到98%以上，钙硫比由1.05降至1.02。实现工业固废大宗利用，减少石灰石开采，吨脱硫剂成本比外购石灰粉低约30%。',
    confidentialDetail:
      '渣浆先经旋流除砂去除硅铁颗粒，再经湿法球磨至中位粒径12微米，加入1.5%活化剂（木质素磺酸钠与三乙醇胺复配），80℃下陈化2小时；半干法工艺中配合增湿活化，钙利用率可达92%。已建成年产5万吨示范线。',
    industry: '节能减排与绿色低碳',
    keywords: ['电石渣', '烟气脱硫', '钙基脱硫剂', '固废利用', '石灰石替代', '活化改性'],
    trl: 8,
    ip: [
      { kind: 'invention_patent', number: 'ZL202010678123.6', legalStatus: 'granted' },
      { kind: 'utility_model', number: 'ZL202121987655.4', legalStatus: 'granted' },
    ],
    transferModes: ['licence', 'service', 'joint_development'],
    price: { kind: 'range', minFen: 60_000_000, maxFen: 120_000_000 },
    team: { leader: '沙明', members: ['李强', '金涛'] },
    contact: { name: '沙明', phone: '0952-2026605', email: 'shaming@nxsthf.org.cn' },
    publish: true,
  },
  {
    key: 'ach-36',
    ownerOrgKey: 'nxu',
    title: '宽功率波动适应型碱性电解水制氢控制技术',
    summary:
      '针对光伏、风电直接耦合制氢时输入功率剧烈波动导致碱性电解槽效率下降、氢中氧含量超标的问题，开发了多槽协同调度与变载荷运行控制技术，使电解系统可在额定功率10%–110%范围内安全运行。示范装置直流电耗为每标准立方米氢气4.3千瓦时，负荷调节速率每秒2%，低负荷下氢中氧含量低于0.5%。适用于风光耦合绿氢项目和工业园区可再生能源制氢。',
    confidentialDetail:
      '多槽调度以单槽负荷不低于25%为约束，依据光伏出力预测进行槽数投切；碱液循环流量随负荷分段调节，低负荷时采用间歇循环以减少气体互窜；系统采用模型预测控制，预测时域15分钟。示范装置规模为每小时200标准立方米。',
    industry: '清洁能源',
    keywords: ['电解水制氢', '碱性电解槽', '绿氢', '宽功率运行', '风光耦合', '变载荷'],
    trl: 5,
    ip: [{ kind: 'invention_patent', number: '202410567234.8', legalStatus: 'pending' }],
    transferModes: ['joint_development'],
    price: { kind: 'negotiable' },
    team: { leader: '李志宏', members: ['马晓燕', '田宇'] },
    contact: { name: '李志宏', phone: '0951-2062954', email: 'lizhihong@nxu.edu.cn' },
    publish: false,
  },
  {
    key: 'ach-37',
    ownerOrgKey: 'nmu',
    title: '太西煤基钠离子电池硬碳负极材料制备技术',
    summary:
      '利用石嘴山太西无烟煤低灰、低硫、高固定碳的资源优势，通过深度脱灰、预氧化交联和高温碳化工艺，制备钠离子电池用硬碳负极材料。材料可逆比容量达到每克310毫安时，首次库仑效率88%，2倍率循环2000次容量保持率90%，原料成本约为生物质基硬碳的一半。适用于钠离子电池储能、低速电动车等领域，推动煤炭资源高值化利用。',
    confidentialDetail:
      '煤粉经酸碱联合脱灰至灰分0.3%以下，在空气中280℃预氧化6小时，引入含氧官能团以抑制石墨化；随后在1350℃氩气气氛下碳化2小时，升温速率每分钟3℃；最后经气相沉积包覆薄层软碳封闭开孔。已完成50千克级批次制备并送电池企业评测。',
    industry: '储能材料',
    keywords: ['硬碳负极', '钠离子电池', '太西煤', '无烟煤', '储能', '碳化'],
    trl: 5,
    ip: [
      { kind: 'invention_patent', number: 'ZL202210987345.5', legalStatus: 'granted' },
      { kind: 'invention_patent', number: '202410789456.4', legalStatus: 'pending' },
    ],
    transferModes: ['joint_development', 'equity', 'licence'],
    price: { kind: 'negotiable' },
    team: { leader: '马晓军', members: ['苏婉清', '冯雪', '李浩'] },
    contact: { name: '马晓军', phone: '13709515342', email: 'maxiaojun@nmu.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-38',
    ownerOrgKey: 'szgm',
    title: '鲜食浆果采后差压预冷与气调冷链保鲜技术',
    summary:
      '针对鲜枸杞、葡萄等浆果采后呼吸旺盛、易软化霉变、货架期短的问题，集成田头移动式差压预冷、可食性涂膜保鲜、气调包装和冷链全程温湿度监测技术。鲜枸杞采后2小时内果心温度降至5℃，在0–2℃冷链条件下保鲜期由3天延长至15天，运抵销地后腐损率低于5%，好果率提高20个百分点以上。适用于鲜果外销、电商寄递和冷链物流企业。',
    confidentialDetail:
      '差压预冷风速每秒1.5米，压差200帕；保鲜剂为0.5%壳聚糖加ε-聚赖氨酸复合涂膜；气调包装内氧气5%、二氧化碳10%，采用微孔膜控制透气率；温湿度记录仪每5分钟上传一次数据。移动式预冷车单台造价约32万元。',
    industry: '冷链物流',
    keywords: ['差压预冷', '气调包装', '浆果保鲜', '冷链', '温湿度监测', '采后处理'],
    trl: 7,
    ip: [{ kind: 'invention_patent', number: 'ZL202210678345.7', legalStatus: 'granted' }],
    transferModes: ['licence', 'service'],
    price: { kind: 'range', minFen: 10_000_000, maxFen: 25_000_000 },
    team: { leader: '杨文', members: ['何倩', '王子豪'] },
    contact: { name: '杨文', phone: '0952-2186488', email: 'yangwen@szgmxy.edu.cn' },
    publish: true,
  },
  {
    key: 'ach-39',
    ownerOrgKey: 'inst-coal',
    title: '带式输送机沿线火灾多参量早期预警系统',
    summary:
      '在输送机沿线布设分布式光纤测温、一氧化碳和烟雾传感器，融合多参量数据识别托辊摩擦过热、输送带打滑发热等火灾隐患，实现由“发现明火”向“隐患早期预警”转变。测温精度±1℃，空间定位精度1米，单套系统监测长度可达10公里；试点中成功预警托辊卡死发热事件11次，误报率低于1%。适用于煤矿井下、选煤厂及电厂输煤栈桥。',
    confidentialDetail:
      '分布式光纤测温采用拉曼散射原理，采样间隔0.5米，刷新周期30秒；预警规则为温升速率每分钟超过2℃且一氧化碳浓度超过每立方米24毫克；联动喷淋电磁阀响应时间小于5秒。系统已通过矿用产品安全标志检验。',
    industry: '安全生产与应急',
    keywords: ['火灾预警', '光纤测温', '一氧化碳监测', '输送机', '矿井安全', '多参量融合'],
    trl: 8,
    ip: [
      { kind: 'invention_patent', number: 'ZL202010456987.3', legalStatus: 'granted' },
      { kind: 'software_copyright', number: '2021SR0567345', legalStatus: 'granted' },
    ],
    transferModes: ['licence', 'assignment'],
    price: { kind: 'negotiable' },
    team: { leader: '马永清', members: ['李振宇', '郭峰'] },
    contact: { name: '李振宇', phone: '0952-3016659', email: 'lizhenyu@nxmkzb.org.cn' },
    publish: true,
  },
  {
    key: 'ach-40',
    ownerOrgKey: 'szgm',
    title: '薄壁铸件数控加工变形控制与在机检测技术',
    summary:
      '针对铝合金及铸铁薄壁壳体件在数控加工中因残余应力释放、装夹力和切削热导致的变形问题，开发了“振动时效去应力—低应力随形夹具—分层对称铣削—在机测头检测补偿”的成套工艺。在减速器壳体、电机端盖等零件上应用，关键孔位置度由0.08毫米提高到0.03毫米以内，平面度控制在0.02毫米，加工一次合格率由85%提升至98%。适用于各类薄壁铸造壳体的精密加工。',
    confidentialDetail:
      '振动时效激振频率取工件一阶共振频率的亚共振区，处理时间25分钟；随形夹具采用多点浮动支撑，夹紧力控制在800牛以内；精加工余量0.3毫米，每层切深0.1毫米，对称交替铣削；在机测头每加工5件补偿一次。',
    industry: '高端铸件及精密加工',
    keywords: ['薄壁件', '加工变形', '振动时效', '随形夹具', '在机检测', '数控铣削'],
    trl: 7,
    ip: [
      { kind: 'utility_model', number: 'ZL202221456789.8', legalStatus: 'granted' },
      { kind: 'invention_patent', number: '202310678234.0', legalStatus: 'pending' },
    ],
    transferModes: ['service', 'licence'],
    price: { kind: 'fixed', amountFen: 18_000_000 },
    team: { leader: '宋春雷', members: ['马宏', '孙浩'] },
    contact: { name: '孙浩', phone: '0952-2186492', email: 'sunhao@szgmxy.edu.cn' },
    publish: true,
  },
];

// ---------------------------------------------------------------------------
// 技术需求（企业）
// ---------------------------------------------------------------------------

export const demoNeeds: DemoNeed[] = [
  {
    key: 'need-01',
    ownerOrgKey: 'ent-pv',
    title: '单晶硅片切片环节硅料损耗大、断线频繁问题攻关',
    problem:
      '我公司切片车间现有多线切割机86台，主要生产182和210规格单晶硅片。近一年为降本尝试换用更细的切割线，但断线频繁，一旦断线整刀硅棒只能降级处理；同时每公斤方棒出片数比行业先进水平少3–4片，硅片线痕、厚薄不均的比例偏高。硅料价格虽有回落，但切片损耗仍是成本中最难压下来的一块，希望找到成熟可靠的工艺方案。',
    acceptanceCriteria: [
      '单片切割损耗降低至 55 微米以下',
      '断线率控制在每万刀 2 次以内',
      '每公斤方棒出片数提升 3% 以上',
      '硅片优等品率不低于 97%',
    ],
    confidentialDetail:
      '现用切割线线径40微米，由两家国内厂商供货；目前平均切缝损耗约68微米，上月断线率约每万刀6.5次；切割液为外购通用型，冷却效果不稳定。车间月产能约9000万片。',
    industry: '光伏全产业链',
    keywords: ['硅片', '切片', '出片率', '断线', '线痕', '硅料损耗'],
    budget: { kind: 'range', minFen: 100_000_000, maxFen: 200_000_000 },
    deadline: '2027-06-30',
    cooperationModes: ['licence', 'joint_development'],
    contact: { name: '张伟民', phone: '0952-2682315', email: 'zhangweimin@xinghaipv.com.cn' },
    publish: true,
  },
  {
    key: 'need-02',
    ownerOrgKey: 'ent-pv',
    title: '拉晶车间电费居高不下、保护气体消耗大',
    problem:
      '我公司拉晶车间有单晶炉220台，电费约占拉晶加工成本的三成以上，近两年电价上浮，单台炉月电费持续上涨；拉晶过程中使用的保护气体全部一次性排空，每月外购液氩费用接近300万元。现有炉内保温部件多为设备厂原配，从未做过针对性改进。希望通过技术改造降低单位能耗和气体消耗，同时不影响成晶率和少子寿命。',
    acceptanceCriteria: [
      '单位拉晶电耗下降 10% 以上',
      '保护气体回收利用率达到 80% 以上',
      '回用气体纯度不低于 99.999%',
      '改造后成晶率不低于改造前的 93%',
    ],
    confidentialDetail:
      '当前单位拉晶电耗约每千克24千瓦时，液氩采购单价每吨约1500元，日均用量约65吨；保温部件主要由两家碳碳复合材料厂供货，计划2027年下半年集中更换一批。',
    industry: '光伏全产业链',
    keywords: ['拉晶', '电费', '液氩', '保护气体', '降本增效'],
    budget: { kind: 'negotiable' },
    deadline: '2027-09-30',
    cooperationModes: ['licence', 'service'],
    contact: { name: '马海涛', phone: '13709521847', email: 'mahaitao@xinghaipv.com.cn' },
    publish: true,
  },
  {
    key: 'need-03',
    ownerOrgKey: 'ent-pv',
    title: '【揭榜挂帅】磷掺杂单晶硅棒氧含量与电阻率均匀性控制技术',
    problem:
      '随着隧穿氧化层钝化接触等高效电池技术成为主流，下游客户对硅片少子寿命和氧含量的要求越来越严。我公司生产的磷掺杂单晶硅棒头部氧含量偏高，电池端出现同心圆、黑心片，效率分布拖尾；同时磷的分凝导致电阻率沿晶棒轴向衰减明显，可用长度短，尾部大量降级。公司决定以揭榜挂帅方式面向全国征集解决方案，诚邀高校院所组建联合攻关团队。',
    acceptanceCriteria: [
      '硅棒头部间隙氧含量降至每立方厘米 6×10¹⁷ 个原子以下',
      '电阻率轴向合格长度占比提升至 85% 以上',
      '电池片同心圆、黑心片比例低于 0.5%',
      '硅片少子寿命不低于 1000 微秒',
    ],
    confidentialDetail:
      '目前头部氧含量约每立方厘米8×10¹⁷个原子，电阻率合格长度占比约68%；单晶炉未配置磁场装置。公司已预留2台单晶炉用于攻关试验，试验用多晶硅料由公司承担。',
    industry: '半导体材料',
    keywords: ['单晶硅棒', '氧含量', '电阻率', '同心圆', '少子寿命', '磷掺杂'],
    budget: { kind: 'negotiable' },
    deadline: '2027-10-31',
    cooperationModes: ['joint_development'],
    challenge: { bountyFen: 200_000_000 },
    contact: { name: '马海涛', phone: '13709521847', email: 'mahaitao@xinghaipv.com.cn' },
    publish: true,
  },
  {
    key: 'need-04',
    ownerOrgKey: 'ent-pv',
    title: '切片硅泥回收提纯制备再生硅材料',
    problem:
      '切片及清洗环节产生的含硅泥浆经压滤后形成硅泥，目前每年约4000吨，只能以很低价格卖给回收商，部分还需付费处置。硅泥中硅含量较高，但混有切割液有机物、金属杂质和表面氧化层。希望有单位能提供硅泥脱水、除杂、提纯的工艺路线，把硅泥做成可以卖给冶金或负极材料企业的再生硅产品。',
    acceptanceCriteria: [
      '硅泥中硅回收率达到 85% 以上',
      '再生硅产品纯度不低于 99%',
      '吨硅泥处理成本不高于 2500 元',
    ],
    confidentialDetail:
      '硅泥压滤后含水率约45%，干基硅含量约75%，氧含量8%–10%，铁含量约0.3%；现回收商收购价约每吨800元，合同将于2027年3月到期。',
    industry: '节能减排与绿色低碳',
    keywords: ['硅泥', '回收', '提纯', '固废利用', '再生硅'],
    budget: { kind: 'range', minFen: 50_000_000, maxFen: 120_000_000 },
    deadline: '2027-08-31',
    cooperationModes: ['joint_development', 'assignment'],
    contact: { name: '张伟民', phone: '0952-2682315', email: 'zhangweimin@xinghaipv.com.cn' },
    publish: false,
  },
  {
    key: 'need-05',
    ownerOrgKey: 'ent-chem',
    title: '双氰胺产品纯度不稳定、粉尘大问题改进',
    problem:
      '我公司现有双氰胺装置年产能2万吨，采用石灰氮水解聚合后间歇冷却结晶的老工艺。近一年下游医药和电子材料客户多次反映产品批次之间含量忽高忽低，个别批次钙含量和灰分超标，被扣款退货；产品颗粒细、大小不一，包装和客户投料时扬尘严重，仓库存放三个月以上容易结块。我们希望提升产品档次，稳定供应高端客户。',
    acceptanceCriteria: [
      '产品纯度稳定在 99.5% 以上，批间波动不超过 0.2 个百分点',
      '灰分不高于 0.05%',
      '能通过 150 目筛的细粉比例降至 10% 以下',
      '吨产品蒸汽消耗降低 20% 以上',
    ],
    confidentialDetail:
      '目前纯度在98.8%–99.6%之间波动，灰分0.05%–0.12%；结晶釜共8台，降温曲线靠人工控制；母液直接返回水解工段，未做除杂处理。主要高端客户为两家医药中间体企业。',
    industry: '精制双氰胺',
    keywords: ['双氰胺', '纯度', '结块', '扬尘', '批次稳定性', '钙含量'],
    budget: { kind: 'range', minFen: 150_000_000, maxFen: 300_000_000 },
    deadline: '2027-05-31',
    cooperationModes: ['licence', 'joint_development'],
    contact: { name: '刘振江', phone: '0952-3918826', email: 'liuzhenjiang@hlsjxhg.com' },
    publish: true,
  },
  {
    key: 'need-06',
    ownerOrgKey: 'ent-chem',
    title: '【揭榜挂帅】硝基氯苯类产品危险工艺本质安全化改造',
    problem:
      '公司硝基氯苯系列产品采用传统釜式工艺，向反应釜滴加混酸时放热剧烈，温度全靠操作工盯着调冷却水，曾发生过两次冲料事故。该工序属于重点监管的危险化工工艺，单釜投料量大、在线存量多，应急管理部门要求尽快完成工艺安全提升改造。同时副产物多、废酸量大，产品需要多次精馏才能达标。公司拿出专项资金面向社会揭榜。',
    acceptanceCriteria: [
      '反应区物料在线存量较现有工艺减少 90% 以上',
      '主产品选择性不低于 95%',
      '吨产品废酸产生量减少 25% 以上',
      '改造后装置年产能不低于 5000 吨，并通过危险与可操作性分析审查',
    ],
    confidentialDetail:
      '现有硝化釜6台，单釜容积5立方米，反应温度45–60℃，每批周期约8小时；已被列入区内危险化学品企业安全风险隐患整改清单，整改期限至2027年底。',
    industry: '化工助剂/医药/农药连续化绿色工艺',
    keywords: ['硝基氯苯', '反应釜', '冲料', '危险工艺', '安全改造', '废酸'],
    budget: { kind: 'range', minFen: 300_000_000, maxFen: 600_000_000 },
    deadline: '2027-03-31',
    cooperationModes: ['joint_development', 'licence'],
    challenge: { bountyFen: 300_000_000 },
    contact: { name: '马文斌', phone: '13909523472', email: 'mawenbin@hlsjxhg.com' },
    publish: true,
  },
  {
    key: 'need-07',
    ownerOrgKey: 'ent-chem',
    title: '含盐生产废水难以稳定达标及副产盐出路问题',
    problem:
      '公司各车间排出的工艺废水含盐量高、颜色深，进入厂区污水站后，生化池里的活性污泥经常失活，出水指标时常波动，去年被环保部门约谈一次。目前部分高浓度废水采用多效蒸发，但蒸出来的盐发黄发黑、带异味，只能按危险废物委外处置，每吨处置费3000多元，年处置费用超过千万元。希望找到能稳定达标、并让副产盐变成可销售产品的办法。',
    acceptanceCriteria: [
      '污水站出水化学需氧量稳定低于每升 200 毫克',
      '副产氯化钠纯度达到 98% 以上，满足工业盐标准',
      '需按危废处置的杂盐量减少 70% 以上',
      '吨水综合处理成本不高于 80 元',
    ],
    confidentialDetail:
      '高盐废水每天约180立方米，含盐量8%–12%，化学需氧量每升1.5万–3万毫克，主要含氯化钠和硫酸钠；现有三效蒸发器结垢严重，每月停机清洗一次；危废由区外两家单位处置。',
    industry: '精细化工',
    keywords: ['工艺废水', '污水站', '活性污泥', '蒸发', '危废处置', '达标排放'],
    budget: { kind: 'range', minFen: 200_000_000, maxFen: 400_000_000 },
    deadline: '2027-07-31',
    cooperationModes: ['joint_development', 'service'],
    contact: { name: '刘振江', phone: '0952-3918826', email: 'liuzhenjiang@hlsjxhg.com' },
    publish: true,
  },
  {
    key: 'need-08',
    ownerOrgKey: 'ent-chem',
    title: '单氰胺水溶液储存稳定性提升',
    problem:
      '我公司计划依托双氰胺生产线中间产品，延伸开发50%单氰胺水溶液，用作植物生长调节剂和医药原料。小试产品在夏季储存1–2个月后含量明显下降，并出现聚合生成双氰胺的沉淀，运到南方客户处问题更加突出。希望获得稳定剂配方及工艺控制方案，延长产品保质期，为规模化生产做准备。',
    acceptanceCriteria: [
      '30℃下储存 6 个月单氰胺含量下降不超过 1.5 个百分点',
      '储存 6 个月内无可见沉淀析出',
      '稳定剂添加成本每吨不高于 300 元',
    ],
    confidentialDetail:
      '当前小试用磷酸将酸碱度调至4.5左右，单氰胺初始含量50.3%，35℃储存45天后降至47.8%；计划产能每年5000吨，包装材质尚未定型。',
    industry: '现代化工',
    keywords: ['单氰胺', '稳定剂', '储存稳定性', '聚合', '保质期'],
    budget: { kind: 'negotiable' },
    deadline: '2027-04-30',
    cooperationModes: ['service', 'licence'],
    contact: { name: '马文斌', phone: '13909523472', email: 'mawenbin@hlsjxhg.com' },
    publish: false,
  },
  {
    key: 'need-09',
    ownerOrgKey: 'ent-chem',
    title: '乙炔装置排出渣浆大宗消纳与综合利用',
    problem:
      '公司配套的乙炔装置采用湿法发生工艺，每年排出灰白色渣浆，压滤后约18万吨，含水35%左右，目前全部拉到渣场堆存。现有渣场剩余库容只够用两年，大风天气扬尘明显，新渣场选址和环评推进困难。周边有几家热电和建材企业，我们希望把这部分渣变成有用的产品就近消纳，最好能形成稳定收入。',
    acceptanceCriteria: [
      '年消纳渣量不低于 10 万吨',
      '产品可替代石灰石用于烟气处理，处理效率不低于 95%',
      '项目投资回收期不超过 4 年',
    ],
    confidentialDetail:
      '渣中氢氧化钙干基含量约88%，含少量硫化物和硅铁颗粒，颜色偏灰；周边某热电厂年采购石灰石粉约6万吨，已初步沟通替代意向；厂内可提供空地约20亩。',
    industry: '节能减排与绿色低碳',
    keywords: ['乙炔', '渣浆', '渣场堆存', '扬尘', '综合利用'],
    budget: { kind: 'range', minFen: 80_000_000, maxFen: 200_000_000 },
    deadline: '2027-08-31',
    cooperationModes: ['licence', 'joint_development'],
    contact: { name: '王慧', phone: '0952-3918841', email: 'wanghui@hlsjxhg.com' },
    publish: true,
  },
  {
    key: 'need-10',
    ownerOrgKey: 'ent-cast',
    title: '铸钢阀体内部孔洞导致打压渗漏问题',
    problem:
      '我厂主要为石化和煤矿客户生产铸钢阀体、泵体和齿轮箱体，单件重量0.5–3吨。近年来客户对内部质量要求提高，产品加工后经常在厚大部位发现孔洞，水压试验渗漏，只能挖补焊修，有的直接报废。目前整体废品率约15%，补焊返修又拖慢交期。工艺主要靠老师傅经验确定，换一个新产品往往要试浇好几次才能稳定。',
    acceptanceCriteria: [
      '阀体类铸件水压试验一次合格率提升至 95% 以上',
      '整体废品率降至 6% 以下',
      '新产品工艺定型试浇次数不超过 2 次',
      '钢水利用率提高 5 个百分点以上',
    ],
    confidentialDetail:
      '主要材质为碳钢和铬钼钢，采用碱性酚醛树脂砂造型；去年因渗漏退货损失约260万元；现有工艺技术员4人，未使用任何铸造仿真软件。',
    industry: '高端铸件及精密加工',
    keywords: ['铸钢阀体', '孔洞', '渗漏', '补焊', '废品率', '试浇'],
    budget: { kind: 'range', minFen: 30_000_000, maxFen: 80_000_000 },
    deadline: '2027-04-30',
    cooperationModes: ['service', 'licence'],
    contact: { name: '李新民', phone: '13895236147', email: 'lixinmin@hnxinda-casting.com' },
    publish: true,
  },
  {
    key: 'need-11',
    ownerOrgKey: 'ent-cast',
    title: '铸件清理工段用工难、粉尘大问题解决方案征集',
    problem:
      '铸件落砂后去浇口、磨披缝全靠工人手持角磨机完成，劳动强度大、噪声和粉尘严重，年轻人不愿意干，现有清理工平均年龄超过50岁。清理质量因人而异，客户常因外观问题投诉。我们考虑引入自动化设备，但铸件品种多、批量不大、每件尺寸都有差异，担心设备适应不了，也担心投入后用不起来。',
    acceptanceCriteria: [
      '单工位替代人工不少于 3 人',
      '清理后浇口残留高度不超过 1 毫米',
      '作业区粉尘浓度低于每立方米 4 毫克',
      '换品种调试时间不超过 2 小时',
    ],
    confidentialDetail:
      '清理工段现有工人22人，人均年工资约8.5万元；主要产品为20–150千克的阀体和壳体，约40个品种；设备预算控制在100万元以内。',
    industry: '智能制造',
    keywords: ['铸件清理', '角磨机', '披缝', '招工难', '粉尘', '自动化改造'],
    budget: { kind: 'range', minFen: 50_000_000, maxFen: 100_000_000 },
    deadline: '2027-06-30',
    cooperationModes: ['joint_development', 'licence'],
    contact: { name: '李新民', phone: '13895236147', email: 'lixinmin@hnxinda-casting.com' },
    publish: true,
  },
  {
    key: 'need-12',
    ownerOrgKey: 'ent-cast',
    title: '铸铝电机壳精加工尺寸超差、放置后变形',
    problem:
      '我厂为新能源汽车电机企业配套铸铝电机壳体，壁厚最薄处仅4毫米。粗加工后放置一段时间尺寸就发生变化，精加工后上三坐标测量，端面平面度和轴承孔同轴度经常超差，客户来料检验退货率约12%。我们尝试过延长自然放置时间，但影响交期，效果也不稳定，急需一套可靠的工艺改进方案。',
    acceptanceCriteria: [
      '端面平面度稳定控制在 0.03 毫米以内',
      '轴承孔同轴度不大于 0.02 毫米',
      '加工一次合格率达到 96% 以上',
      '单件加工节拍增加不超过 10%',
    ],
    confidentialDetail:
      '壳体材料为铸造铝合金，低压铸造后未做去应力处理；在两台立式加工中心上加工，使用液压夹具四点压紧；年需求量约6万件，客户为区外一家电驱动企业。',
    industry: '高端铸件及精密加工',
    keywords: ['电机壳', '尺寸超差', '平面度', '同轴度', '铸铝', '退货'],
    budget: { kind: 'range', minFen: 20_000_000, maxFen: 50_000_000 },
    deadline: '2027-03-31',
    cooperationModes: ['service', 'joint_development'],
    contact: { name: '周晓梅', phone: '0952-3671258', email: 'zhouxiaomei@hnxinda-casting.com' },
    publish: true,
  },
  {
    key: 'need-13',
    ownerOrgKey: 'ent-cast',
    title: '【揭榜挂帅】大型球磨机衬板耐磨寿命提升技术攻关',
    problem:
      '我厂为矿山和水泥企业供应球磨机衬板，目前使用中铬合金钢材质，客户反映在大型球磨机上使用寿命只有8个月左右，频繁停机更换影响生产；尝试提高硬度后又出现断裂。国外同类产品寿命可达14个月以上，价格却高出一倍。公司设立专项资金揭榜，寻求材料成分、热处理和铸造工艺一体化解决方案。',
    acceptanceCriteria: [
      '衬板在直径 5 米以上球磨机上使用寿命达到 14 个月以上',
      '洛氏硬度达到 50 以上',
      '冲击韧性不低于每平方厘米 12 焦',
      '使用期间断裂率低于 1%',
    ],
    confidentialDetail:
      '现用材质含铬2%–3%，洛氏硬度约45，冲击韧性每平方厘米15焦；年产衬板约3500吨，主要客户为两家大型铁矿选矿厂；热处理炉为台车式燃气炉，控温精度±15℃。',
    industry: '特殊合金材料',
    keywords: ['耐磨衬板', '球磨机', '耐磨钢', '热处理', '断裂', '使用寿命'],
    budget: { kind: 'range', minFen: 100_000_000, maxFen: 200_000_000 },
    deadline: '2027-09-30',
    cooperationModes: ['joint_development', 'equity'],
    challenge: { bountyFen: 80_000_000 },
    contact: { name: '王德胜', phone: '13995237561', email: 'wangdesheng@hnxinda-casting.com' },
    publish: true,
  },
  {
    key: 'need-14',
    ownerOrgKey: 'ent-goji',
    title: '枸杞干果颜色发暗、烘干周期长、燃煤成本高',
    problem:
      '我公司有枸杞烘干线6条，仍使用燃煤热风炉，鲜果要先用食用碱水浸泡后再上烘架。烘出来的干果颜色发暗，黑果和油果多，一炉要烘两天多，旺季鲜果积压发霉；去年出口样品检出碱残留，被客户要求整改。煤价上涨后烘干成本越来越高，当地也在推进燃煤小锅炉淘汰，急需找到替代方案。',
    acceptanceCriteria: [
      '烘干周期缩短至 36 小时以内',
      '黑果、油果比例降至 5% 以下',
      '每千克干果烘干能源成本下降 30% 以上',
      '日处理鲜果能力不低于 30 吨',
    ],
    confidentialDetail:
      '旺季日收购鲜果约40吨，现烘干能力约每天28吨；6台燃煤热风炉将于2027年采暖季前关停；干果出口欧盟和中东，主要客户对色泽有明确色差要求。',
    industry: '枸杞',
    keywords: ['枸杞烘干', '干果发黑', '燃煤热风炉', '碱水浸泡', '油果'],
    budget: { kind: 'range', minFen: 30_000_000, maxFen: 80_000_000 },
    deadline: '2027-05-15',
    cooperationModes: ['licence', 'service'],
    contact: { name: '赵春花', phone: '0952-5012367', email: 'zhaochunhua@shahugouqi.com' },
    publish: true,
  },
  {
    key: 'need-15',
    ownerOrgKey: 'ent-goji',
    title: '枸杞原浆沉淀分层、有煮熟味问题',
    problem:
      '我们的枸杞原浆采用高温灭菌后灌装，放几天瓶底就有一层沉淀，上层发清，消费者以为变质了，售后投诉多；高温处理后颜色变暗，有明显的“煮熟味”，和鲜果差别大。为了保质期不得不全程冷链，成本高，运输途中还有袋装产品鼓包。希望在不加防腐剂的前提下改善口感和外观，延长保质期。',
    acceptanceCriteria: [
      '冷藏条件下保质期达到 60 天以上',
      '冷藏静置 60 天内无明显分层和沉淀',
      '主要营养成分保留率达到 80% 以上',
      '感官评价鲜果风味得分不低于 8 分（10 分制）',
    ],
    confidentialDetail:
      '现工艺为95℃、30秒杀菌，冷藏保质期15天；年销售原浆约80万盒，电商渠道占六成；客户投诉中约45%与沉淀和颜色有关。',
    industry: '绿色食品加工',
    keywords: ['枸杞原浆', '沉淀', '分层', '煮熟味', '保质期', '鼓包'],
    budget: { kind: 'range', minFen: 20_000_000, maxFen: 60_000_000 },
    deadline: '2027-06-30',
    cooperationModes: ['licence', 'joint_development'],
    contact: { name: '赵春花', phone: '0952-5012367', email: 'zhaochunhua@shahugouqi.com' },
    publish: true,
  },
  {
    key: 'need-16',
    ownerOrgKey: 'ent-goji',
    title: '鲜枸杞远距离发货途中烂果严重',
    problem:
      '公司从2026年开始试水鲜枸杞电商和商超销售，但鲜果发往北京、上海、广州等地，路上两三天就捂坏、长毛，到客户手里烂果率超过三成，退货赔付吃掉了大半利润。目前采摘后直接装筐运到分拣车间，常温放置几个小时后才进冷库，包装用的是普通塑料盒。希望得到一套从地头到客户手中的整体方案。',
    acceptanceCriteria: [
      '鲜果到达客户时烂果率低于 8%',
      '鲜果可销售期达到 10 天以上',
      '每千克鲜果增加的综合成本不超过 3 元',
    ],
    confidentialDetail:
      '自有种植基地3200亩，鲜果销售计划2027年达到600吨；现有冷库容量500吨，为普通冷藏库，无预冷设备；合作物流为两家冷链快递公司，按件计费。',
    industry: '冷链物流',
    keywords: ['鲜果发货', '烂果', '长毛', '退货赔付', '电商销售'],
    budget: { kind: 'range', minFen: 15_000_000, maxFen: 40_000_000 },
    deadline: '2027-04-15',
    cooperationModes: ['service', 'licence'],
    contact: { name: '周建军', phone: '13619528734', email: 'zhoujianjun@shahugouqi.com' },
    publish: true,
  },
  {
    key: 'need-17',
    ownerOrgKey: 'ent-goji',
    title: '出口枸杞农药残留超标风险防控',
    problem:
      '我公司出口欧盟的枸杞干果近两年有3个批次因个别农药残留超标被退运，损失较大。原料主要来自周边合作社和农户，田间用药记录不完整，现在的检测只能抽检，很难做到批批把关。希望建立从种植用药指导、收购快速筛查到加工过程降残的整体解决方案，稳住出口市场。',
    acceptanceCriteria: [
      '出口批次农残检测合格率达到 100%',
      '收购环节快速筛查时间每批不超过 30 分钟',
      '加工降残工艺使主要残留农药去除率达到 50% 以上',
    ],
    confidentialDetail:
      '超标农药主要为吡虫啉、啶虫脒和哒螨灵；合作农户约400户，分布在平罗、惠农两地；目前委托第三方检测，单批费用约3500元。',
    industry: '枸杞',
    keywords: ['农药残留', '出口退运', '快速检测', '降残', '种植管理'],
    budget: { kind: 'negotiable' },
    deadline: '2027-07-31',
    cooperationModes: ['service', 'joint_development'],
    contact: { name: '周建军', phone: '13619528734', email: 'zhoujianjun@shahugouqi.com' },
    publish: false,
  },
  {
    key: 'need-18',
    ownerOrgKey: 'ent-sheep',
    title: '滩羊育肥期长、草料成本高、羊肉口感下降',
    problem:
      '我们牧场存栏滩羊约2万只，育肥主要靠经验配料，玉米、豆粕加干草，各圈吃多吃少没人算得清。一只羊从断奶到出栏要7个多月，草料钱一年比一年高。高端餐饮客户反映近两年的羊肉吃起来发柴、油花少，有的还有腥膻味，和以前的滩羊肉口感不一样，压价很厉害。希望在控制成本的同时把肉品质找回来。',
    acceptanceCriteria: [
      '断奶至出栏时间缩短 20 天以上',
      '每只羊育肥期饲料成本降低 30 元以上',
      '肌内脂肪含量提高 0.5 个百分点以上',
      '育肥期日增重提高 15% 以上',
    ],
    confidentialDetail:
      '当前育肥日增重约每天160克，料重比约7:1；周边酒厂有酒糟可低价供应，本场种植苜蓿800亩；高端客户主要为区外两家连锁餐饮，采购价比普通羊肉高约15%。',
    industry: '滩羊',
    keywords: ['滩羊', '育肥', '草料成本', '肉质', '膻味', '出栏'],
    budget: { kind: 'range', minFen: 20_000_000, maxFen: 50_000_000 },
    deadline: '2027-08-31',
    cooperationModes: ['licence', 'service'],
    contact: { name: '马志宏', phone: '0952-6013425', email: 'mazhihong@sstanyang.com' },
    publish: true,
  },
  {
    key: 'need-19',
    ownerOrgKey: 'ent-sheep',
    title: '羊场圈舍粪便堆放气味大、面临环保整改',
    problem:
      '牧场每年清出的圈舍粪便和垫料约2.5万吨，目前露天堆放在场区西侧，夏天气味大、蚊蝇多，周边村民多次投诉，去年环保督查时被要求限期整改。自然堆放两三个月才能拉去还田，还田后有时还会烧苗。我们希望建一个处理车间，把这些粪便变成合格的商品肥料，既解决环保问题又能增加一些收入。',
    acceptanceCriteria: [
      '粪便处理周期缩短至 25 天以内',
      '场界氨气浓度低于每立方米 1.5 毫克',
      '产品达到有机肥料行业标准，年产量不低于 1 万吨',
      '吨产品生产成本不高于 350 元',
    ],
    confidentialDetail:
      '粪便含水率约30%，混有较多草渣；场区可用地约15亩，已有一台二手翻抛机；本地对有机肥加工有每吨约100元的补贴政策。',
    industry: '粪污资源化利用',
    keywords: ['圈舍粪便', '气味', '环保整改', '还田', '商品肥', '蚊蝇'],
    budget: { kind: 'range', minFen: 30_000_000, maxFen: 80_000_000 },
    deadline: '2027-05-31',
    cooperationModes: ['licence', 'service', 'joint_development'],
    contact: { name: '马志宏', phone: '0952-6013425', email: 'mazhihong@sstanyang.com' },
    publish: true,
  },
  {
    key: 'need-20',
    ownerOrgKey: 'ent-sheep',
    title: '冬春季产羔后小羊拉稀多、成活率低',
    problem:
      '每年冬春季集中产羔后，小羊拉稀的特别多，一拉稀就掉膘，严重的几天就死，去年羔羊断奶前死亡率接近12%。兽医主要靠打针喂抗生素，用药费用越来越高，效果也越来越差，还担心以后出栏检测有药物残留。希望找到以预防为主、少用抗生素的办法，把羔羊成活率提上来。',
    acceptanceCriteria: [
      '羔羊断奶前死亡率降至 5% 以下',
      '羔羊拉稀发病率降低 50% 以上',
      '抗生素使用量减少 50% 以上',
      '每只羔羊防控成本不超过 15 元',
    ],
    confidentialDetail:
      '年产羔约1.2万只，产羔集中在12月至次年3月；拉稀多发于出生后3–15天；现用药以氟苯尼考和庆大霉素为主，去年兽药费用约46万元。',
    industry: '奶牛/肉牛/肉羊健康养殖',
    keywords: ['小羊拉稀', '羔羊成活率', '抗生素', '产羔', '药物残留'],
    budget: { kind: 'range', minFen: 10_000_000, maxFen: 30_000_000 },
    deadline: '2027-01-31',
    cooperationModes: ['licence', 'joint_development'],
    contact: { name: '杨晓东', phone: '13709528362', email: 'yangxiaodong@sstanyang.com' },
    publish: true,
  },
  {
    key: 'need-21',
    ownerOrgKey: 'ent-sheep',
    title: '【揭榜挂帅】滩羊高繁殖力核心群选育与扩繁技术',
    problem:
      '滩羊肉质好但繁殖率低，基本一年一胎、一胎一羔，优质种公羊也不足；近年来部分养殖户引入外来品种杂交，导致滩羊品种特性退化。我公司作为本地龙头养殖企业，计划建设滩羊核心育种场，需要分子育种、高效繁殖和性能测定一整套技术支撑。公司设立专项奖金面向全国揭榜，诚邀有实力的团队共同攻关。',
    acceptanceCriteria: [
      '核心群母羊年产羔率提高至 150% 以上',
      '建立不少于 2000 只的滩羊核心群及完整系谱档案',
      '筛选并验证与多胎性状相关的分子标记不少于 3 个',
      '保持滩羊裘皮和肉质特性，体型外貌合格率 95% 以上',
    ],
    confidentialDetail:
      '现有能繁母羊约8000只，年产羔率约105%；种公羊42只，系谱记录仅覆盖约三成；公司已规划核心育种场用地120亩，2027年拟投入建设资金约1500万元。',
    industry: '现代种业',
    keywords: ['滩羊育种', '繁殖率', '核心群', '分子标记', '种公羊', '多胎'],
    budget: { kind: 'range', minFen: 150_000_000, maxFen: 300_000_000 },
    deadline: '2027-12-31',
    cooperationModes: ['joint_development', 'equity'],
    challenge: { bountyFen: 150_000_000 },
    contact: { name: '马志宏', phone: '0952-6013425', email: 'mazhihong@sstanyang.com' },
    publish: true,
  },
  {
    key: 'need-22',
    ownerOrgKey: 'ent-iiot',
    title: '煤矿主运输皮带频繁跑偏撒煤问题解决方案征集',
    problem:
      '我公司为本地多家煤矿提供智能化集控系统建设服务。客户反映井下主斜井和顺槽皮带经常跑偏，尤其在来煤不均和皮带接头处，沿线撒煤严重，巡检工每班都要清理大量浮煤，皮带边缘磨毛、撕裂事故时有发生。现在只能靠跑偏开关报警停机，停得多又影响产量。希望找到能在运行中自动把皮带调回来的装置，并能接入我们的集控平台。',
    acceptanceCriteria: [
      '皮带偏离中心线控制在 ±50 毫米以内',
      '因跑偏导致的停机次数减少 80% 以上',
      '装置具备矿用防爆资质，连续无故障运行 6 个月以上',
      '可接入集控平台，数据刷新周期不大于 1 秒',
    ],
    confidentialDetail:
      '首批意向客户为3座煤矿共11条皮带，带宽1000–1400毫米，最长一条2.8公里；现集控平台采用自研组态软件，可开放数据接口；客户采购预算约每条皮带15万元。',
    industry: '煤矿智能成套输送设备',
    keywords: ['皮带跑偏', '撒煤', '主运输', '集控平台', '浮煤', '停机'],
    budget: { kind: 'range', minFen: 50_000_000, maxFen: 150_000_000 },
    deadline: '2027-06-30',
    cooperationModes: ['licence', 'joint_development'],
    contact: { name: '孙立国', phone: '0952-2098761', email: 'sunliguo@szzhilian.com' },
    publish: true,
  },
  {
    key: 'need-23',
    ownerOrgKey: 'ent-iiot',
    title: '客户现场关键设备突发停机、缺乏事前预警手段',
    problem:
      '我们在园区为化工、冶金企业提供设备上云服务，客户普遍反映风机、水泵、减速机说停就停，事先没有任何征兆，一次非计划停机损失就是几十万元。现在设备状态主要靠老师傅听声音、摸温度，人员一流动经验也就带走了。我们的平台已经能采集电流、温度等数据，但缺少能提前发现设备“生病”的分析能力，希望引进成熟的算法和传感方案。',
    acceptanceCriteria: [
      '关键设备故障提前发现时间不少于 72 小时',
      '故障类型识别准确率达到 85% 以上',
      '误报率低于 5%',
      '单个测点硬件及部署成本不高于 2500 元',
    ],
    confidentialDetail:
      '平台已接入客户设备约1300台，其中重点转动设备约400台；现有数据采样频率为每分钟1次，无振动数据；公司研发团队15人，以软件开发为主，缺乏设备机理方向人员。',
    industry: '工业互联网',
    keywords: ['突发停机', '设备上云', '风机水泵', '提前预警', '设备健康', '老师傅经验'],
    budget: { kind: 'range', minFen: 40_000_000, maxFen: 100_000_000 },
    deadline: '2027-09-30',
    cooperationModes: ['licence', 'joint_development'],
    contact: { name: '孙立国', phone: '0952-2098761', email: 'sunliguo@szzhilian.com' },
    publish: true,
  },
  {
    key: 'need-24',
    ownerOrgKey: 'ent-iiot',
    title: '园区企业用能数据分散、碳排放底数不清',
    problem:
      '公司承接了园区绿色低碳转型数字化项目。园区几十家企业的用电、用汽、用水数据分散在各自系统里，有的还在人工抄表，每次上级要报能源消费和碳排放数据，只能逐家发表格收集，口径不一、准确性差，也说不清哪家企业、哪条生产线能效偏低。希望建立一套统一平台，让管委会和企业都能随时看清楚用能情况。',
    acceptanceCriteria: [
      '接入园区规模以上企业不少于 40 家',
      '计量数据自动采集完整率达到 98% 以上',
      '企业碳排放报表自动生成，核算时间缩短 80% 以上',
      '能效异常预警响应时间不超过 15 分钟',
    ],
    confidentialDetail:
      '园区现有规上工业企业52家，以铁合金、电石、化工为主；约三成企业有能源管理系统，品牌不一；项目总投资约600万元，资金来源为园区专项资金，要求2027年内上线。',
    industry: '大数据',
    keywords: ['用能数据', '碳排放', '人工抄表', '园区管委会', '能效', '数据报送'],
    budget: { kind: 'range', minFen: 150_000_000, maxFen: 300_000_000 },
    deadline: '2027-10-31',
    cooperationModes: ['licence', 'service'],
    contact: { name: '马晓丽', phone: '13895237429', email: 'maxiaoli@szzhilian.com' },
    publish: true,
  },
  {
    key: 'need-25',
    ownerOrgKey: 'ent-iiot',
    title: '【揭榜挂帅】铁合金矿热炉冶炼过程智能优化控制',
    problem:
      '石嘴山铁合金企业集中，硅铁、硅锰矿热炉电耗占生产成本一半以上。目前炉况判断、电极升降和配料调整主要依靠炉长经验，不同班组之间电耗相差明显，塌料、刺火等异常难以及时发现。我公司联合园区两家铁合金企业，以揭榜挂帅方式征集基于工业数据和冶炼机理的智能优化控制方案，并在真实生产炉上验证。',
    acceptanceCriteria: [
      '吨硅铁冶炼电耗降低 3% 以上',
      '炉况异常识别提前时间不少于 30 分钟',
      '系统连续投运 3 个月以上，投运率不低于 90%',
      '不同班组间吨产品电耗差异缩小至 2% 以内',
    ],
    confidentialDetail:
      '试点炉为2台33000千伏安硅铁矿热炉，吨硅铁电耗约8300千瓦时；已采集电极电流、二次电压、功率因数等数据约3年；合作企业同意开放配料和产量数据。',
    industry: '大数据',
    keywords: ['矿热炉', '铁合金', '冶炼电耗', '电极控制', '炉况诊断', '工业数据'],
    budget: { kind: 'range', minFen: 200_000_000, maxFen: 400_000_000 },
    deadline: '2027-11-30',
    cooperationModes: ['joint_development', 'equity'],
    challenge: { bountyFen: 250_000_000 },
    contact: { name: '马晓丽', phone: '13895237429', email: 'maxiaoli@szzhilian.com' },
    publish: true,
  },
];
