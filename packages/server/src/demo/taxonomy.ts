// The demo taxonomy: ten industry chains and eight clusters for Weihai.
//
// UNCONFIRMED DEMO VALUES. The programme (seed §二.3–4) speaks of 十条优势产业链 and 八大产业集群 but
// never names them. The names below are plausible guesses from Weihai's economy, not the bureau's list.
// Every row is stored with is_demo = 1, the demo.seed audit entry repeats this note, and the bureau
// replaces them through the taxonomy administration (an edited entry is no longer marked demo).
export const DEMO_TAXONOMY_NOTE =
  '产业链与产业集群名称为演示用的未确认数据，请由市工信局按正式名单修改 · Chain and cluster names are unconfirmed demo values; the bureau replaces them with its official list';

export interface DemoChain {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface DemoCluster extends DemoChain {
  chainCode: string;
}

export const DEMO_CHAINS = [
  { code: 'MEDICAL', nameZh: '医疗器械与医药', nameEn: 'Medical devices and pharmaceuticals' },
  { code: 'MARINE', nameZh: '船舶与海洋工程装备', nameEn: 'Ships and marine engineering equipment' },
  { code: 'TEXTILE', nameZh: '纺织服装', nameEn: 'Textiles and apparel' },
  { code: 'FOOD', nameZh: '海洋食品与食品加工', nameEn: 'Marine food and food processing' },
  { code: 'TYRE', nameZh: '轮胎与橡胶制品', nameEn: 'Tyres and rubber products' },
  { code: 'MACHINERY', nameZh: '机械装备', nameEn: 'Machinery and equipment' },
  { code: 'VEHICLE', nameZh: '汽车及零部件', nameEn: 'Vehicles and parts' },
  { code: 'ELECTRONICS', nameZh: '电子信息', nameEn: 'Electronics and information technology' },
  { code: 'MATERIALS', nameZh: '新材料', nameEn: 'New materials' },
  { code: 'OUTDOOR', nameZh: '钓具与户外用品', nameEn: 'Fishing tackle and outdoor goods' },
] as const satisfies readonly DemoChain[];

export type DemoChainCode = (typeof DEMO_CHAINS)[number]['code'];

// Tyres and new materials have no cluster of their own: their firms sit in a neighbour's cluster
// (see CHAIN_PROFILES' fallbackCluster) or in none.
export const DEMO_CLUSTERS = [
  { code: 'CL-HEALTH', nameZh: '医疗健康产业集群', nameEn: 'Medical and health cluster', chainCode: 'MEDICAL' },
  { code: 'CL-MARINE', nameZh: '船舶与海洋装备产业集群', nameEn: 'Ships and marine equipment cluster', chainCode: 'MARINE' },
  { code: 'CL-TEXTILE', nameZh: '纺织服装产业集群', nameEn: 'Textiles and apparel cluster', chainCode: 'TEXTILE' },
  { code: 'CL-FOOD', nameZh: '海洋食品产业集群', nameEn: 'Marine food cluster', chainCode: 'FOOD' },
  { code: 'CL-EQUIP', nameZh: '高端装备产业集群', nameEn: 'High-end equipment cluster', chainCode: 'MACHINERY' },
  { code: 'CL-AUTO', nameZh: '汽车及零部件产业集群', nameEn: 'Vehicles and parts cluster', chainCode: 'VEHICLE' },
  { code: 'CL-ICT', nameZh: '新一代信息技术产业集群', nameEn: 'New-generation information technology cluster', chainCode: 'ELECTRONICS' },
  { code: 'CL-OUTDOOR', nameZh: '钓具与户外用品产业集群', nameEn: 'Fishing tackle and outdoor goods cluster', chainCode: 'OUTDOOR' },
] as const satisfies readonly DemoCluster[];

export type DemoClusterCode = (typeof DEMO_CLUSTERS)[number]['code'];
