import type { DemoChainCode } from './taxonomy.ts';

// How the demo firms spread over Weihai's seven districts and zones. Illustrative weights, not
// statistics: coastal Rongcheng and Rushan lean to ships and seafood, the high-tech zone to medical
// devices and electronics, Lingang to materials and vehicles. Keys are GB/T 2260 / NBS codes.

export const DISTRICT_WEIGHTS: Record<string, number> = {
  '371002': 17, // 环翠区
  '371003': 17, // 文登区
  '371082': 21, // 荣成市
  '371083': 12, // 乳山市
  '371071': 13, // 火炬高技术产业开发区
  '371072': 12, // 经济技术开发区
  '371073': 8, // 临港经济技术开发区
};

type ChainWeights = Record<DemoChainCode, number>;
const weights = (w: ChainWeights) => w;

export const CHAIN_WEIGHTS_BY_DISTRICT: Record<string, ChainWeights> = {
  '371002': weights({
    MACHINERY: 18,
    OUTDOOR: 16,
    TEXTILE: 14,
    ELECTRONICS: 10,
    MEDICAL: 8,
    FOOD: 8,
    MATERIALS: 6,
    VEHICLE: 6,
    MARINE: 4,
    TYRE: 3,
  }),
  '371003': weights({
    MACHINERY: 22,
    TEXTILE: 18,
    FOOD: 12,
    VEHICLE: 12,
    MATERIALS: 8,
    MEDICAL: 6,
    ELECTRONICS: 6,
    OUTDOOR: 6,
    MARINE: 4,
    TYRE: 4,
  }),
  '371082': weights({
    FOOD: 26,
    MARINE: 24,
    VEHICLE: 12,
    MACHINERY: 12,
    TYRE: 6,
    MATERIALS: 6,
    OUTDOOR: 6,
    TEXTILE: 4,
    MEDICAL: 4,
    ELECTRONICS: 3,
  }),
  '371083': weights({
    FOOD: 24,
    TEXTILE: 20,
    MACHINERY: 14,
    MARINE: 12,
    MATERIALS: 10,
    MEDICAL: 6,
    VEHICLE: 6,
    OUTDOOR: 4,
    ELECTRONICS: 4,
    TYRE: 3,
  }),
  '371071': weights({
    MEDICAL: 24,
    ELECTRONICS: 22,
    MATERIALS: 14,
    OUTDOOR: 12,
    MACHINERY: 12,
    TEXTILE: 4,
    VEHICLE: 4,
    FOOD: 3,
    MARINE: 3,
    TYRE: 2,
  }),
  '371072': weights({
    ELECTRONICS: 20,
    MACHINERY: 16,
    TYRE: 14,
    TEXTILE: 12,
    VEHICLE: 10,
    MEDICAL: 8,
    MATERIALS: 8,
    FOOD: 6,
    OUTDOOR: 6,
    MARINE: 4,
  }),
  '371073': weights({
    MATERIALS: 20,
    VEHICLE: 18,
    MACHINERY: 18,
    MEDICAL: 14,
    TYRE: 8,
    ELECTRONICS: 8,
    FOOD: 6,
    TEXTILE: 4,
    MARINE: 4,
    OUTDOOR: 2,
  }),
};

/** The place word a company name starts with (企业名称的行政区划部分). */
export const NAME_PLACES: Record<string, readonly string[]> = {
  '371002': ['威海', '威海市'],
  '371003': ['威海文登', '文登'],
  '371082': ['荣成', '荣成市', '石岛'],
  '371083': ['乳山', '乳山市'],
  '371071': ['威海', '威海市'],
  '371072': ['威海', '威海市'],
  '371073': ['威海', '威海临港'],
};

/** Roads, towns and industrial parks for addresses. */
export const ADDRESS_STREETS: Record<string, readonly string[]> = {
  '371002': ['青岛北路', '文化西路', '统一路', '世昌大道', '张村镇工业园', '羊亭镇工业园', '温泉镇工业园', '孙家疃街道'],
  '371003': ['龙山路', '米山路', '天福路', '峰山路', '文登经济开发区', '张家产镇工业园', '侯家镇工业园', '宋村镇工业园'],
  '371082': ['成山大道', '黄海中路', '石岛管理区', '俚岛镇工业园', '人和镇工业园', '崖头街道', '港湾街道', '虎山镇工业园'],
  '371083': ['胜利街', '府前路', '青山路', '夏村镇工业园', '海阳所镇工业园', '乳山口镇', '徐家镇工业园', '商业街'],
  '371071': ['火炬路', '初村镇', '田和街道', '怡园街道', '科技新城', '沈阳路', '高新区工业园', '双岛湾科技城'],
  '371072': ['海滨南路', '皇冠街道', '崮山镇', '泊于镇', '桥头镇', '东部滨海新城', '凤林街道', '经区工业新区'],
  '371073': ['草庙子镇', '汪疃镇', '蔄山镇', '苘山镇', '黄岚路', '临港工业园', '江苏路', '开元东路'],
};

/** Characters of trade names (字号): two of them make 恒达, 瑞丰, 海润 … */
export const TRADE_NAME_CHARACTERS = [
  ...'泰盛华海鑫源达瑞恒信德丰宏远通利东方金诚和康安昌隆润博腾辉嘉弘翔正兴蓝港湾明晟捷宇航鸿亿永久新众立钧',
];

export const COMPANY_FORMS = { 有限公司: 70, 股份有限公司: 12, 科技有限公司: 12, 集团有限公司: 6 } as const;

export const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段',
];
export const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '强',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '建华',
  '海燕',
  '志强',
  '晓东',
  '丽娟',
  '国庆',
  '春梅',
  '文博',
  '子轩',
  '宏伟',
  '秀英',
  '建军',
  '海波',
  '立新',
  '雪梅',
  '振华',
  '玉兰',
  '永刚',
];
