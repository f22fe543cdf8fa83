import { KEY_PLACE_KINDS, WEIHAI_DISTRICTS, type EntryValues } from '@zhizao/domain';
import type { Tx } from '../../../db/database.ts';
import { anyDb } from '../engine/repo.ts';

// The demo city's network, matching the seed (§一: 7,243 5G base stations; §二.(二): 5G coverage of key
// places 100 %). The split over districts, operators and bands and the dates are illustrative, the same
// every time; names say 演示 (demo). The gigabit figures are demo values, not the city's reports.

/** Seed §一: the city's 5G base stations. */
export const SEED_BASE_STATIONS = 7243;

const DISTRICT_STATIONS: Record<string, number> = {
  '371002': 1612, // 环翠区
  '371003': 1185, // 文登区
  '371082': 1498, // 荣成市
  '371083': 896, // 乳山市
  '371071': 842, // 火炬高技术产业开发区
  '371072': 705, // 经济技术开发区
  '371073': 505, // 临港经济技术开发区
};

// operator, its share of the stations in tenths, the bands it builds on, its site-code prefix
const OPERATOR_MIX = [
  { operator: 'china_mobile', tenths: 4, bands: ['n41', 'n41', 'n79', 'n28'], prefix: 'CMWH' },
  { operator: 'china_telecom', tenths: 2, bands: ['n78', 'n78', 'n1'], prefix: 'CTWH' },
  { operator: 'china_unicom', tenths: 2, bands: ['n78', 'n78', 'n1'], prefix: 'CUWH' },
  { operator: 'china_broadnet', tenths: 2, bands: ['n28', 'n28', 'n79'], prefix: 'CBWH' },
] as const;

const KEY_PLACES_PER_DISTRICT = ['industrial_park', 'factory', 'port', 'transport_hub', 'school', 'hospital'] as const;
const DAY_MS = 86_400_000;
const FIRST_COMMISSIONING = Date.parse('2019-10-15');
const LAST_COMMISSIONING = Date.parse('2024-04-30');

const districtName = (code: string) => WEIHAI_DISTRICTS.find((d) => d.code === code)!.nameZh;
const kindLabel = (kind: string) => KEY_PLACE_KINDS.find((k) => k.value === kind)!.label.zh;
const keyPlaceName = (districtCode: string, kind: string) => `${districtName(districtCode)}${kindLabel(kind)}（演示）`;

export function demoKeyPlaces(): EntryValues[] {
  return Object.keys(DISTRICT_STATIONS).flatMap((districtCode, d) =>
    KEY_PLACES_PER_DISTRICT.map((kind, k) => ({
      name: keyPlaceName(districtCode, kind),
      kind,
      districtCode,
      coverage: 'continuous',
      checkedOn: `2024-0${1 + ((d + k) % 5)}-${String(10 + k).padStart(2, '0')}`,
      note: null,
    })),
  );
}

/** The i-th of n stations' commissioning day: the build-out speeds up after 2020, as it did. */
function commissionedOn(i: number, n: number): string {
  const t = Math.sqrt((i + 0.5) / n);
  return new Date(FIRST_COMMISSIONING + Math.floor(t * ((LAST_COMMISSIONING - FIRST_COMMISSIONING) / DAY_MS)) * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

export async function demoBaseStations(tx: Tx): Promise<EntryValues[]> {
  const places = (await anyDb(tx).selectFrom('register_key_place').select(['id', 'name']).where('archived', '=', 0).execute()) as {
    id: number;
    name: string;
  }[];
  const placeId = new Map(places.map((p) => [p.name, Number(p.id)]));
  const serials = new Map<string, number>();
  const rows: EntryValues[] = [];
  for (const [districtCode, count] of Object.entries(DISTRICT_STATIONS))
    for (let i = 0; i < count; i++) {
      const mix = OPERATOR_MIX[[0, 0, 0, 0, 1, 1, 2, 2, 3, 3][i % 10]!]!;
      const serial = (serials.get(mix.operator) ?? 0) + 1;
      serials.set(mix.operator, serial);
      const servedKind = i < KEY_PLACES_PER_DISTRICT.length ? KEY_PLACES_PER_DISTRICT[i]! : null;
      rows.push({
        operator: mix.operator,
        siteCode: `${mix.prefix}${String(serial).padStart(5, '0')}`,
        siteName: `${districtName(districtCode)}演示站址${i + 1}号`,
        districtCode,
        band: mix.bands[serial % mix.bands.length]!,
        commissionedOn: commissionedOn(i, count),
        status: 'in_service',
        keyPlaceId: servedKind ? (placeId.get(keyPlaceName(districtCode, servedKind)) ?? null) : null,
      });
    }
  return rows;
}

const DEMO_SOURCE = '演示数据（非城市实际报送）';

/** Reported gigabit-city figures for 2022 and 2023 (demo values), with the population they divide by. */
export function demoGigabitIndicators(): EntryValues[] {
  const figures: Record<number, Record<string, number>> = {
    2022: {
      population: 291.0,
      stations_per_10k: 17.6,
      five_g_user_share: 48.2,
      pon_10g_port_share: 46.0,
      users_500m_share: 28.5,
      household_gigabit_coverage: 104.0,
      key_place_reach: 98.0,
      gigabit_users: 21.3,
    },
    2023: {
      population: 290.9,
      stations_per_10k: 22.7,
      five_g_user_share: 60.4,
      pon_10g_port_share: 55.1,
      users_500m_share: 36.2,
      household_gigabit_coverage: 112.0,
      key_place_reach: 100,
      gigabit_users: 33.8,
    },
  };
  return Object.entries(figures).flatMap(([year, values]) =>
    Object.entries(values).map(([indicator, value]) => ({ indicator, year: Number(year), value, source: DEMO_SOURCE, note: null })),
  );
}

export function demoObstacles(): EntryValues[] {
  const row = (
    kind: string,
    site: string,
    districtCode: string,
    raisedOn: string,
    status: string,
    department: string | null,
    resolvedOn: string | null,
    description: string,
    resolution: string | null = null,
  ) => ({ kind, site, description, districtCode, raisedOn, department, status, resolvedOn, resolution });
  return [
    row(
      'site_refused',
      '环翠区演示小区楼顶站',
      '371002',
      '2023-09-12',
      'resolved',
      '环翠区住建局',
      '2023-11-02',
      '物业拒绝进场安装天线',
      '街道协调业主委员会，同意进场',
    ),
    row(
      'power',
      '荣成市演示渔港站',
      '371082',
      '2023-10-08',
      'resolved',
      '国网荣成市供电公司',
      '2023-12-20',
      '站点市电引入距离远',
      '新建 10 kV 专线',
    ),
    row(
      'permit',
      '文登区演示山体站',
      '371003',
      '2024-01-15',
      'resolved',
      '文登区自然资源局',
      '2024-03-28',
      '林地占用审批未办结',
      '完成临时用地审批',
    ),
    row(
      'site_refused',
      '乳山市演示学校站',
      '371083',
      '2024-02-20',
      'assigned',
      '乳山市教育和体育局',
      null,
      '学校担心辐射，拒绝在教学楼建站',
    ),
    row('power', '临港区演示园区站', '371073', '2024-03-05', 'assigned', '国网威海供电公司', null, '园区变压器容量不足'),
    row('permit', '高区演示道路杆站', '371071', '2024-03-18', 'open', null, null, '智慧杆挂载审批主体不明'),
    row('other', '经区演示商场室分', '371072', '2024-04-02', 'open', null, null, '室内分布系统改造与商场装修冲突'),
    row('site_refused', '荣成市演示景区站', '371082', '2024-04-10', 'assigned', '荣成市文化和旅游局', null, '景区担心景观影响'),
  ];
}
