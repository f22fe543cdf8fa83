// The network figures card's strings, spread into registersMessages.
export const networkMessages = {
  'registers.network.title': { zh: '网络指标', en: 'Network figures' },
  'registers.network.inService': { zh: '在网 5G 基站', en: '5G base stations in service' },
  'registers.network.reach': { zh: '重点场所 5G 网络通达率', en: 'Key-place 5G reach' },
  'registers.network.reachOf': { zh: '{covered} / {total} 个场所室外连续覆盖', en: '{covered} of {total} places covered outdoors' },
  'registers.network.obstaclesOpen': { zh: '未解决的建设难题', en: 'Obstacles unresolved' },
  'registers.network.oldest': { zh: '最久 {days} 天', en: 'Oldest {days} days' },
  'registers.network.toResolve': { zh: '平均解决用时 {days} 天', en: 'Resolved in {days} days on average' },
  'registers.network.byDistrict': { zh: '各区市在网基站（按运营商）', en: 'Stations in service by district and operator' },
  'registers.network.empty': { zh: '还没有基站记录', en: 'No base stations yet' },
  'registers.network.none': { zh: '—', en: '—' },
} as const;
