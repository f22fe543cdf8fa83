import {
  BASE_STATION_REGISTER,
  GIGABIT_INDICATOR_REGISTER,
  GIGABIT_INDICATORS,
  KEY_PLACE_REGISTER,
  OBSTACLE_REGISTER,
} from '@zhizao/domain';
import type { RegisterModule } from '../engine/module.ts';
import { demoBaseStations, demoGigabitIndicators, demoKeyPlaces, demoObstacles } from './demo.ts';
import { registerNetworkRoutes } from './routes.ts';

// 5G and gigabit: key places and their coverage, base stations, the gigabit-city indicators, obstacles
// to construction; the figures route counts the seed's 7,243 stations and 100 % reach from them.

export const keyPlaceRegister: RegisterModule = {
  definition: KEY_PLACE_REGISTER,
  sample: (context, serial) => ({
    name: `测试重点场所 ${serial}`,
    kind: 'industrial_park',
    districtCode: context.districtCode,
    coverage: 'continuous',
    checkedOn: '2024-03-01',
    note: null,
  }),
  demoRows: async () => demoKeyPlaces(),
};

export const baseStationRegister: RegisterModule = {
  definition: BASE_STATION_REGISTER,
  sample: (context, serial) => ({
    operator: 'china_mobile',
    siteCode: `TEST${String(serial).padStart(6, '0')}`,
    siteName: `测试站址 ${serial}`,
    districtCode: context.districtCode,
    band: 'n41',
    commissionedOn: '2023-05-20',
    status: 'in_service',
    keyPlaceId: context.rowOf('key-places'),
  }),
  demoRows: demoBaseStations,
  // the figures route sits with the base stations, whose readers it serves
  routes: registerNetworkRoutes,
};

export const gigabitIndicatorRegister: RegisterModule = {
  definition: GIGABIT_INDICATOR_REGISTER,
  // one value per indicator and year: the serial picks a pair no other sample took
  sample: (_context, serial) => ({
    indicator: GIGABIT_INDICATORS[serial % GIGABIT_INDICATORS.length]!.value,
    year: 1949 + (Math.floor(serial / GIGABIT_INDICATORS.length) % 76),
    value: 12.5,
    source: '测试来源',
    note: null,
  }),
  demoRows: async () => demoGigabitIndicators(),
};

export const obstacleRegister: RegisterModule = {
  definition: OBSTACLE_REGISTER,
  sample: (context, serial) => ({
    kind: 'power',
    site: `测试站址 ${serial}`,
    description: '市电引入困难',
    districtCode: context.districtCode,
    raisedOn: '2024-01-10',
    department: '供电公司',
    status: 'resolved',
    resolvedOn: '2024-02-01',
    resolution: '新建专线',
  }),
  demoRows: async () => demoObstacles(),
};

export const NETWORK_REGISTERS: readonly RegisterModule[] = [
  keyPlaceRegister,
  baseStationRegister,
  gigabitIndicatorRegister,
  obstacleRegister,
];
