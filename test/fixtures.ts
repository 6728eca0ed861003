/** Valid request bodies to start from; tests change one thing at a time. */
import { makeCreditCode } from '../shared/domain/credit-code';

export function achievementInput(overrides: Record<string, unknown> = {}) {
  return {
    title: '金刚线细线化切割工艺',
    summary: '采用 35μm 细线金刚线与张力闭环控制，单片切割损耗降低 20%，断线率低于 0.5 次/百刀，适用于 182/210 大尺寸硅片。',
    confidentialDetail: '张力曲线参数：收线 18N，放线 17.5N；砂浆替代冷却液配方见附件。',
    industry: '光伏全产业链',
    keywords: ['金刚线', '硅片切割', '细线化'],
    trl: 6,
    ip: [{ kind: 'invention_patent', number: 'ZL202110234567.8', legalStatus: 'granted' }],
    transferModes: ['licence', 'joint_development'],
    price: { kind: 'range', minFen: 50_000_000, maxFen: 120_000_000 },
    team: { leader: '王建', members: ['李娜', '赵磊'] },
    contact: { name: '王建', phone: '0952-3908888', email: 'wangjian@nxist.edu.cn' },
    ...overrides,
  };
}

export function needInput(overrides: Record<string, unknown> = {}) {
  return {
    title: '硅片切割损耗大、断线频繁',
    problem: '现有切片线单片损耗约 110μm，断线每班 3–4 次，良率 96%，希望找到降低损耗、减少断线的成熟工艺。',
    acceptanceCriteria: ['单片切割损耗降至 85μm 以下', '断线率低于 1 次/百刀', '良率不低于 98%'],
    confidentialDetail: '现用设备为某型号多线切割机 12 台。',
    industry: '光伏全产业链',
    keywords: ['硅片', '切割损耗', '断线'],
    budget: { kind: 'range', minFen: 30_000_000, maxFen: 80_000_000 },
    deadline: '2027-06-30',
    cooperationModes: ['joint_development', 'licence'],
    challenge: null,
    contact: { name: '刘强', phone: '13909521234', email: 'liuqiang@example.cn' },
    ...overrides,
  };
}

let orgSeed = 5000;
export function orgInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `测试科技有限公司${orgSeed}`,
    type: 'enterprise',
    creditCode: makeCreditCode('91', '640205', orgSeed++),
    district: '惠农区',
    description: '测试用企业。',
    contact: { name: '测试员', phone: '0952-1234567', email: 'tester@example.cn' },
    ...overrides,
  };
}
