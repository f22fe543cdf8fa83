import { completeCreditCode, WEIHAI_DISTRICTS, type ManufacturingType, type SizeClass } from '@zhizao/domain';
import { indexTerms } from '../packages/domain/src/search/index.ts';

// Synthetic but realistic registry data: Weihai-style company names built from a small word list,
// spread over the 7 districts and a handful of industry chains, deterministic for a given seed so two
// runs measure the same data.

export interface BenchChain {
  code: string;
  nameZh: string;
  nameEn: string;
}

export const BENCH_CHAINS: readonly BenchChain[] = [
  { code: 'BENCH-EQUIP', nameZh: '高端装备产业链', nameEn: 'High-end equipment' },
  { code: 'BENCH-MARINE', nameZh: '船舶与海洋工程产业链', nameEn: 'Shipbuilding and ocean engineering' },
  { code: 'BENCH-MEDICAL', nameZh: '医疗器械与生物医药产业链', nameEn: 'Medical devices and biomedicine' },
  { code: 'BENCH-TEXTILE', nameZh: '纺织服装产业链', nameEn: 'Textiles and apparel' },
  { code: 'BENCH-FOOD', nameZh: '海洋食品产业链', nameEn: 'Marine food' },
  { code: 'BENCH-ICT', nameZh: '新一代信息技术产业链', nameEn: 'Next-generation ICT' },
  { code: 'BENCH-MATERIAL', nameZh: '新材料产业链', nameEn: 'New materials' },
];

/** One cluster per chain, for the cluster column. */
export const BENCH_CLUSTERS = BENCH_CHAINS.map((c, i) => ({
  code: `BK-${i + 1}`,
  nameZh: c.nameZh.replace('产业链', '产业集群'),
  nameEn: `${c.nameEn} cluster`,
  chainCode: c.code,
}));

interface Industry {
  word: string;
  chain: string | null;
  type: ManufacturingType;
  industryCode: string;
  products: string[];
}

const I = (word: string, chain: string | null, type: ManufacturingType, industryCode: string, products: string): Industry => ({
  word,
  chain,
  type,
  industryCode,
  products: products.split(' '),
});

const INDUSTRIES: readonly Industry[] = [
  I('精密机械', 'BENCH-EQUIP', 'discrete', 'C3484', '精密轴承 齿轮箱 传动部件 精密零件'),
  I('机械制造', 'BENCH-EQUIP', 'discrete', 'C3490', '通用机械 减速机 机械配件 铸件'),
  I('数控机床', 'BENCH-EQUIP', 'discrete', 'C3421', '数控车床 加工中心 机床附件'),
  I('轴承', 'BENCH-EQUIP', 'discrete', 'C3451', '深沟球轴承 圆锥滚子轴承 汽车轴承'),
  I('液压机械', 'BENCH-EQUIP', 'discrete', 'C3444', '液压泵 液压缸 液压阀'),
  I('工程机械', 'BENCH-EQUIP', 'discrete', 'C3511', '挖掘机配件 装载机 起重设备'),
  I('船舶配件', 'BENCH-MARINE', 'discrete', 'C3734', '船用柴油机配件 船用阀门 锚链'),
  I('船舶修造', 'BENCH-MARINE', 'discrete', 'C3731', '渔船 钢质船舶 船舶维修'),
  I('海洋工程装备', 'BENCH-MARINE', 'discrete', 'C3737', '海洋平台构件 海工钢结构'),
  I('医疗器械', 'BENCH-MEDICAL', 'discrete', 'C3581', '一次性输液器 注射器 医用导管'),
  I('医用耗材', 'BENCH-MEDICAL', 'discrete', 'C3586', '医用敷料 采血针 医用手套'),
  I('生物医药', 'BENCH-MEDICAL', 'process', 'C2761', '生物制剂 原料药 诊断试剂'),
  I('海洋生物', 'BENCH-MEDICAL', 'process', 'C2762', '海藻酸盐 壳聚糖 鱼油'),
  I('纺织', 'BENCH-TEXTILE', 'process', 'C1711', '棉纱 坯布 色织布'),
  I('服装', 'BENCH-TEXTILE', 'discrete', 'C1811', '西服 衬衫 职业装'),
  I('家纺', 'BENCH-TEXTILE', 'discrete', 'C1771', '床上用品 毛巾 窗帘'),
  I('针织', 'BENCH-TEXTILE', 'process', 'C1761', '针织面料 针织内衣'),
  I('食品', 'BENCH-FOOD', 'process', 'C1499', '调味品 方便食品 烘焙食品'),
  I('水产品加工', 'BENCH-FOOD', 'process', 'C1361', '冷冻鱼片 鱿鱼丝 虾仁'),
  I('海洋食品', 'BENCH-FOOD', 'process', 'C1369', '海带 裙带菜 即食海参'),
  I('电子科技', 'BENCH-ICT', 'discrete', 'C3971', '电子元器件 线路板 传感器'),
  I('智能装备', 'BENCH-ICT', 'discrete', 'C3499', '工业机器人 自动化生产线 智能控制系统'),
  I('电子信息', 'BENCH-ICT', 'discrete', 'C3913', '打印机 计算机外设 通信模块'),
  I('光电', 'BENCH-ICT', 'discrete', 'C3976', '光学镜头 光电器件 激光器'),
  I('新材料', 'BENCH-MATERIAL', 'process', 'C2651', '高分子材料 复合材料 功能涂层'),
  I('碳纤维', 'BENCH-MATERIAL', 'process', 'C2826', '碳纤维复合材料 碳纤维鱼竿 碳纤维板'),
  I('橡胶轮胎', 'BENCH-MATERIAL', 'process', 'C2911', '子午线轮胎 工程轮胎 橡胶制品'),
  I('化工', 'BENCH-MATERIAL', 'process', 'C2614', '涂料 胶粘剂 精细化学品'),
  I('印刷包装', null, 'discrete', 'C2319', '纸箱 彩印包装 标签'),
  I('木业', null, 'discrete', 'C2021', '胶合板 木门 地板'),
  I('家具', null, 'discrete', 'C2110', '办公家具 实木家具 酒店家具'),
  I('渔具', null, 'discrete', 'C2443', '鱼竿 渔线轮 钓具配件'),
];

const PLACES: Record<string, string[]> = {
  '371002': ['威海', '威海市', '山东'],
  '371003': ['威海', '文登', '山东'],
  '371082': ['荣成', '石岛', '威海'],
  '371083': ['乳山', '威海', '山东'],
  '371071': ['威海', '威海市', '山东'],
  '371072': ['威海', '威海市', '山东'],
  '371073': ['威海', '临港', '山东'],
};
// Share of enterprises per district, in WEIHAI_DISTRICTS order.
const DISTRICT_WEIGHTS = [25, 18, 20, 10, 10, 10, 7];
const BRAND_CHARS = [...'华金鼎海川泰丰瑞宏远力达恒信兴盛源天成正新和永利东方康德中鲁光明佳诚安宇凯嘉通威博隆昌润祥'];
const SUFFIXES = ['有限公司', '有限公司', '有限公司', '股份有限公司', '制造有限公司', '科技有限公司', '实业有限公司', '集团有限公司'];
const ROADS = [
  '海滨路',
  '世纪大道',
  '青岛路',
  '黄河街',
  '昆明路',
  '天津路',
  '文化路',
  '统一路',
  '新威路',
  '珠海路',
  '环山路',
  '成山大道',
  '龙山路',
  '米山路',
  '峰山路',
];
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗于'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞'];

/** A word that appears in only a few enterprises (their main products), for the rare-word search. */
export const RARE_WORD = '钛合金';
const RARE_EVERY = 4000;

export interface BenchEnterprise {
  id: number;
  creditCode: string;
  name: string;
  districtCode: string;
  clusterCode: string | null;
  sizeClass: SizeClass;
  manufacturingType: ManufacturingType;
  industryCode: string;
  address: string;
  mainProducts: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  archived: number;
  createdAt: string;
  updatedAt: string;
  chainCodes: string[];
  terms: string[];
}

/** mulberry32: small, fast, good enough for synthetic data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates `count` enterprises with ids 1..count, each with its chain links and search terms. */
export function* generateEnterprises(count: number, seed = 20240601): Generator<BenchEnterprise> {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const totalWeight = DISTRICT_WEIGHTS.reduce((a, b) => a + b, 0);
  const pickDistrict = () => {
    let r = rand() * totalWeight;
    for (let i = 0; i < DISTRICT_WEIGHTS.length; i++) if ((r -= DISTRICT_WEIGHTS[i]!) < 0) return WEIHAI_DISTRICTS[i]!;
    return WEIHAI_DISTRICTS[0]!;
  };
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;

  for (let id = 1; id <= count; id++) {
    const district = pickDistrict();
    const industry = pick(INDUSTRIES);
    const a = pick(BRAND_CHARS);
    let b = pick(BRAND_CHARS);
    while (b === a) b = pick(BRAND_CHARS);
    const name = `${pick(PLACES[district.code]!)}${a}${b}${industry.word}${pick(SUFFIXES)}`;
    const products = [pick(industry.products)];
    if (rand() < 0.5) {
      const second = pick(industry.products);
      if (second !== products[0]) products.push(second);
    }
    if (id % RARE_EVERY === 0) products.push(`${RARE_WORD}零件`);
    const mainProducts = products.join('、');
    const address = `威海市${district.nameZh}${pick(ROADS)}${1 + Math.floor(rand() * 300)}号`;

    const chainCodes: string[] = [];
    if (industry.chain && rand() < 0.85) chainCodes.push(industry.chain);
    if (rand() < 0.08) {
      const extra = pick(BENCH_CHAINS).code;
      if (!chainCodes.includes(extra)) chainCodes.push(extra);
    }
    chainCodes.sort();
    const clusterCode = industry.chain && rand() < 0.3 ? BENCH_CLUSTERS.find((c) => c.chainCode === industry.chain)!.code : null;

    // 91 (enterprise) + division + 9-character organisation code from the serial.
    const creditCode = completeCreditCode(`91${district.code}MA${String(id).padStart(7, '0')}`);
    const created = new Date(start + Math.floor(rand() * span)).toISOString();
    yield {
      id,
      creditCode,
      name,
      districtCode: district.code,
      clusterCode,
      sizeClass: rand() < 0.3 ? 'above_designated' : 'below_designated',
      manufacturingType: industry.type,
      industryCode: industry.industryCode,
      address,
      mainProducts,
      contactName: pick(SURNAMES) + pick(GIVEN),
      contactPhone: `13${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
      contactEmail: rand() < 0.2 ? `contact${id}@example.com` : null,
      archived: rand() < 0.03 ? 1 : 0,
      createdAt: created,
      updatedAt: created,
      chainCodes,
      terms: indexTerms(name, mainProducts, address),
    };
  }
}
