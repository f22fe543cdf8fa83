import type { RegisterDefinition } from '../definition.ts';

// 5G base stations as the operators report them (seed §一: 7,243 in the city). Operators send the whole
// list by Excel, so the register takes imports far beyond the engine's default size.

/**
 * The day the MIIT granted the 5G commercial licences (China Telecom, China Mobile, China Unicom, China
 * Broadnet): 6 June 2019 (工业和信息化部, 2019-06-06). No 5G station was commissioned before.
 */
export const FIVE_G_LICENCE_DATE = '2019-06-06';

export const OPERATORS = [
  { value: 'china_mobile', label: { zh: '中国移动', en: 'China Mobile' } },
  { value: 'china_unicom', label: { zh: '中国联通', en: 'China Unicom' } },
  { value: 'china_telecom', label: { zh: '中国电信', en: 'China Telecom' } },
  { value: 'china_broadnet', label: { zh: '中国广电', en: 'China Broadnet' } },
] as const;

/** The 5G NR bands Chinese operators use (3GPP TS 38.101-1 band numbers). */
export const BANDS = [
  { value: 'n28', label: { zh: '700 MHz（n28）', en: '700 MHz (n28)' } },
  { value: 'n1', label: { zh: '2.1 GHz（n1）', en: '2.1 GHz (n1)' } },
  { value: 'n41', label: { zh: '2.6 GHz（n41）', en: '2.6 GHz (n41)' } },
  { value: 'n78', label: { zh: '3.5 GHz（n78）', en: '3.5 GHz (n78)' } },
  { value: 'n79', label: { zh: '4.9 GHz（n79）', en: '4.9 GHz (n79)' } },
] as const;

export const STATION_STATUSES = [
  { value: 'in_service', label: { zh: '在网运行', en: 'In service' } },
  { value: 'planned', label: { zh: '规划建设', en: 'Planned' } },
  { value: 'decommissioned', label: { zh: '已退网', en: 'Decommissioned' } },
] as const;

/** Most a base-station import may hold: a whole operator's city network in one sheet. */
export const BASE_STATION_IMPORT_MAX_ROWS = 10_000;

const commissionedOn = { key: 'commissionedOn', label: { zh: '开通日期', en: 'Commissioned on' } };

export const BASE_STATION_REGISTER: RegisterDefinition = {
  key: 'base-stations',
  table: 'register_base_station',
  group: 'network',
  label: { zh: '5G 基站', en: '5G base stations' },
  itemLabel: { zh: '基站', en: 'base station' },
  ownership: 'district',
  importMaxRows: BASE_STATION_IMPORT_MAX_ROWS,
  fields: [
    { key: 'operator', type: 'enum', label: { zh: '运营商', en: 'Operator' }, options: OPERATORS, required: true, filter: true },
    {
      key: 'siteCode',
      type: 'text',
      label: { zh: '站址编码', en: 'Site code' },
      required: true,
      maxLength: 40,
      help: { zh: '运营商的站址编码，同一运营商内唯一', en: "The operator's site code, unique per operator" },
    },
    { key: 'siteName', type: 'text', label: { zh: '站址名称', en: 'Site name' }, required: true },
    { key: 'districtCode', type: 'district', label: { zh: '区市', en: 'District' }, required: true, filter: true },
    { key: 'band', type: 'enum', label: { zh: '频段', en: 'Band' }, options: BANDS, required: true, filter: true },
    {
      ...commissionedOn,
      type: 'date',
      notFuture: true,
      filter: true,
      help: { zh: '不早于 2019-06-06（5G 牌照发放日）', en: 'Not before 2019-06-06 (5G licences granted)' },
    },
    { key: 'status', type: 'enum', label: { zh: '状态', en: 'Status' }, options: STATION_STATUSES, required: true, filter: true },
    { key: 'keyPlaceId', type: 'reference', register: 'key-places', label: { zh: '服务的重点场所', en: 'Key place served' } },
  ],
  titleField: 'siteName',
  uniqueBy: [['operator', 'siteCode']],
  rules: [
    {
      code: 'afterLicence',
      field: 'commissionedOn',
      severity: 'error',
      description: { zh: '开通日期不早于 5G 牌照发放日 2019-06-06', en: 'Commissioned no earlier than the 5G licences (2019-06-06)' },
      test: (values) =>
        typeof values.commissionedOn === 'string' && values.commissionedOn < FIVE_G_LICENCE_DATE
          ? { key: 'registers.network.beforeLicence', params: { date: FIVE_G_LICENCE_DATE } }
          : null,
    },
    {
      code: 'commissioningNeeded',
      field: 'commissionedOn',
      severity: 'error',
      description: { zh: '在网或已退网的基站有开通日期', en: 'A station in service or decommissioned has a commissioning date' },
      test: (values) => (values.status !== 'planned' && !values.commissionedOn ? { key: 'registers.network.commissioningNeeded' } : null),
    },
  ],
  columns: ['siteName', 'siteCode', 'operator', 'districtCode', 'band', 'commissionedOn', 'status'],
  defaultSort: { field: 'commissionedOn', direction: 'desc' },
};
