import type { ManufacturingType } from '@zhizao/domain';
import type { DemoChainCode, DemoClusterCode } from './taxonomy.ts';

// What a demo firm of each chain makes: GB/T 4754-2017 manufacturing classes (门类 C, 4-digit 小类),
// the words its name is built from, and its products. Process vs discrete follows the seed §三.1
// (pharma and food are process industries; ships, machinery, vehicles, textiles are discrete).

export interface IndustryProfile {
  /** GB/T 4754-2017 小类 with its 门类 letter. */
  code: string;
  type: ManufacturingType;
  /** What goes between the trade name and the company form: 威海恒达「精密机械」有限公司. */
  descriptors: readonly string[];
  products: readonly string[];
}

export interface ChainProfile {
  industries: readonly IndustryProfile[];
  /** Share of firms above designated size (规上, revenue ≥ ¥20 M). */
  aboveDesignatedShare: number;
  /** Chains a firm of this chain also belongs to, when it belongs to two. */
  related: readonly DemoChainCode[];
  /** The cluster of a firm whose chain has no cluster of its own. */
  fallbackCluster: DemoClusterCode | null;
}

const industry = (code: string, type: ManufacturingType, descriptors: string[], products: string[]): IndustryProfile => ({
  code,
  type,
  descriptors,
  products,
});

export const CHAIN_PROFILES: Record<DemoChainCode, ChainProfile> = {
  MEDICAL: {
    aboveDesignatedShare: 0.36,
    related: ['MATERIALS', 'ELECTRONICS'],
    fallbackCluster: null,
    industries: [
      industry('C3581', 'discrete', ['医疗设备', '医疗科技'], ['医用监护仪', '超声诊断设备', '血液透析设备', '输液泵', '医用影像设备']),
      industry(
        'C3584',
        'discrete',
        ['医疗器械', '医用器械'],
        ['一次性使用无菌注射器', '输液器', '留置针', '手术缝合线', '骨科植入器械', '采血针'],
      ),
      industry('C3586', 'discrete', ['康复器材', '康复科技'], ['电动轮椅', '康复训练器', '助行器', '医用护理床']),
      industry('C2720', 'process', ['药业', '制药'], ['片剂', '胶囊剂', '注射液', '口服溶液']),
      industry('C2740', 'process', ['中药', '药业'], ['中成药颗粒', '中药口服液', '丸剂']),
      industry('C2761', 'process', ['生物科技', '生物制药'], ['重组蛋白药物', '体外诊断试剂', '海洋生物制品']),
      industry('C2770', 'process', ['卫生材料', '医用材料'], ['医用敷料', '医用纱布', '医用胶带', '海藻酸盐敷料']),
    ],
  },
  MARINE: {
    aboveDesignatedShare: 0.38,
    related: ['MACHINERY', 'MATERIALS'],
    fallbackCluster: null,
    industries: [
      industry('C3731', 'discrete', ['船舶', '造船', '船业'], ['钢质渔船', '散货船', '客滚船', '海洋牧场工作船']),
      industry('C3733', 'discrete', ['游艇', '船艇'], ['玻璃钢游艇', '运动帆船', '休闲钓鱼艇']),
      industry('C3734', 'discrete', ['船舶配套', '船用设备'], ['船用甲板机械', '船用锚链', '舱口盖', '船用阀门', '船用泵']),
      industry('C3735', 'discrete', ['船舶修造', '船舶工程'], ['船舶修理', '渔船改装', '船舶涂装']),
      industry('C3737', 'discrete', ['海洋工程', '海工装备'], ['深海养殖网箱', '海洋牧场平台', '海工钢结构', '海上风电基础构件']),
    ],
  },
  TEXTILE: {
    aboveDesignatedShare: 0.25,
    related: ['OUTDOOR', 'MATERIALS'],
    fallbackCluster: null,
    industries: [
      industry('C1712', 'discrete', ['纺织', '织造'], ['棉坯布', '色织布', '纯棉面料']),
      industry('C1761', 'discrete', ['针织', '纺织'], ['针织面料', '经编面料', '毛巾布']),
      industry('C1771', 'discrete', ['家纺', '家用纺织'], ['床上用品', '毛巾', '窗帘']),
      industry('C1810', 'discrete', ['服装', '服饰'], ['西装', '衬衫', '职业装', '羽绒服']),
      industry('C1820', 'discrete', ['针织服装', '服饰'], ['针织内衣', 'T恤', '运动服']),
      industry('C1830', 'discrete', ['服饰', '制帽'], ['帽子', '手套', '围巾', '领带']),
    ],
  },
  FOOD: {
    aboveDesignatedShare: 0.27,
    related: ['MEDICAL'],
    fallbackCluster: null,
    industries: [
      industry('C1361', 'process', ['水产', '海洋食品', '食品'], ['冷冻鱼片', '冻虾仁', '冷冻扇贝柱', '速冻鱿鱼']),
      industry('C1362', 'process', ['水产食品', '海产品'], ['鱼糜制品', '鱿鱼丝', '海米', '海带干品']),
      industry('C1369', 'process', ['海洋生物', '海珍品'], ['即食海参', '海参肽', '海藻胶']),
      industry('C1331', 'process', ['油脂', '粮油'], ['花生油', '花生蛋白粉', '压榨花生油']),
      industry('C1453', 'process', ['罐头食品', '食品'], ['鲅鱼罐头', '金枪鱼罐头', '海鲜罐头']),
      industry('C1492', 'process', ['生物科技', '健康食品'], ['海参肽粉', '鱼油软胶囊', '海藻多糖']),
      industry('C1515', 'process', ['酒业', '葡萄酒'], ['干红葡萄酒', '干白葡萄酒']),
    ],
  },
  TYRE: {
    aboveDesignatedShare: 0.55,
    related: ['VEHICLE', 'MATERIALS'],
    fallbackCluster: 'CL-AUTO',
    industries: [
      industry('C2911', 'process', ['轮胎'], ['全钢子午线轮胎', '半钢子午线轮胎', '工程机械轮胎', '农用轮胎']),
      industry('C2912', 'process', ['橡胶制品', '胶带'], ['输送带', '橡胶软管', '橡胶板']),
      industry('C2913', 'process', ['橡胶', '橡塑'], ['橡胶密封件', '减震橡胶件', 'O型圈']),
      industry('C2915', 'process', ['橡胶制品', '乳胶制品'], ['医用橡胶手套', '药用胶塞', '橡胶导管']),
    ],
  },
  MACHINERY: {
    aboveDesignatedShare: 0.28,
    related: ['VEHICLE', 'MARINE', 'ELECTRONICS'],
    fallbackCluster: null,
    industries: [
      industry('C3421', 'discrete', ['数控机床', '机床'], ['数控车床', '加工中心', '数控磨床']),
      industry('C3422', 'discrete', ['锻压机械', '机械'], ['数控折弯机', '液压机', '冲床']),
      industry('C3441', 'discrete', ['泵业', '流体设备'], ['离心泵', '真空泵', '计量泵']),
      industry('C3444', 'discrete', ['液压', '液压机械'], ['液压油缸', '液压阀', '液压站']),
      industry('C3451', 'discrete', ['轴承'], ['深沟球轴承', '圆锥滚子轴承', '精密轴承']),
      industry('C3484', 'discrete', ['精密机械', '机械', '机械制造'], ['精密机加工件', '齿轮', '传动轴', '法兰']),
      industry('C3491', 'discrete', ['智能装备', '机器人'], ['搬运机器人', '焊接机器人', '自动化生产线']),
      industry('C3572', 'discrete', ['农业机械', '农机'], ['花生收获机', '播种机', '田园管理机']),
    ],
  },
  VEHICLE: {
    aboveDesignatedShare: 0.4,
    related: ['MACHINERY', 'TYRE', 'ELECTRONICS'],
    fallbackCluster: null,
    industries: [
      industry('C3610', 'discrete', ['汽车', '客车'], ['中型客车', '专用车底盘']),
      industry('C3620', 'discrete', ['新能源汽车', '电动车'], ['纯电动客车', '新能源物流车']),
      industry('C3630', 'discrete', ['专用汽车', '改装车'], ['冷藏车', '房车', '消防车']),
      industry('C3660', 'discrete', ['车身', '挂车'], ['半挂车', '车厢', '客车车身']),
      industry('C3670', 'discrete', ['汽车零部件', '汽车配件', '汽车部件'], ['制动器', '转向节', '汽车线束', '发动机缸盖', '汽车座椅']),
    ],
  },
  ELECTRONICS: {
    aboveDesignatedShare: 0.32,
    related: ['MACHINERY', 'MATERIALS', 'VEHICLE'],
    fallbackCluster: null,
    industries: [
      industry('C3913', 'discrete', ['电子', '信息技术'], ['票据打印机', 'POS终端', '条码打印机']),
      industry('C3921', 'discrete', ['通信', '通信科技'], ['5G小基站', '光通信模块', '激光通信终端']),
      industry('C3976', 'discrete', ['光电', '光电科技'], ['激光器', '光纤器件', 'LED模组']),
      industry('C3982', 'discrete', ['电子', '电路板'], ['印制电路板', '柔性电路板', '电路板组件']),
      industry('C3983', 'discrete', ['传感器', '传感技术'], ['压力传感器', '温湿度传感器', '光电传感器']),
      industry('C3984', 'discrete', ['电声', '声学科技'], ['微型扬声器', '麦克风', '耳机']),
      industry('C4011', 'discrete', ['自动化', '智能控制'], ['PLC控制柜', '工业控制系统', '数据采集终端']),
    ],
  },
  MATERIALS: {
    aboveDesignatedShare: 0.33,
    related: ['ELECTRONICS', 'MEDICAL', 'TYRE'],
    fallbackCluster: 'CL-EQUIP',
    industries: [
      industry('C3041', 'process', ['玻璃'], ['浮法玻璃', '超白玻璃', '光伏玻璃']),
      industry('C3091', 'process', ['碳纤维', '碳素', '复合材料'], ['碳纤维预浸料', '碳纤维复合材料制品', '石墨制品']),
      industry('C3062', 'process', ['复合材料', '玻璃钢'], ['玻璃钢管道', '玻璃钢储罐', '风电叶片部件']),
      industry('C3240', 'process', ['稀土材料', '新材料'], ['稀土永磁合金', '铝合金锭', '铜合金']),
      industry('C2659', 'process', ['新材料', '高分子材料'], ['聚酰亚胺薄膜', '高分子膜材料', '特种树脂']),
      industry('C2929', 'process', ['塑业', '塑料制品'], ['工程塑料件', '塑料包装容器', '改性塑料']),
      industry('C3985', 'process', ['电子材料', '磁材'], ['磁性材料', '电子浆料', '覆铜板']),
    ],
  },
  OUTDOOR: {
    aboveDesignatedShare: 0.2,
    related: ['TEXTILE', 'MATERIALS'],
    fallbackCluster: null,
    industries: [
      industry('C2442', 'discrete', ['渔具', '钓具'], ['碳素钓竿', '渔线轮', '钓具配件', '路亚饵']),
      industry('C2449', 'discrete', ['户外用品', '体育用品'], ['户外帐篷', '折叠桌椅', '钓箱']),
      industry('C1782', 'discrete', ['网具', '绳网'], ['渔网', '钓线', '绳索']),
      industry('C1784', 'discrete', ['篷布', '户外装备'], ['帐篷篷布', '遮阳篷', '帆布制品']),
      industry('C2443', 'discrete', ['体育器材', '健身器材'], ['健身器材', '体育场馆器材']),
    ],
  },
};
