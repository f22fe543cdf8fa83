import type { RegisterDefinition } from '../definition.ts';

// The key places whose 5G coverage the city answers for (seed §二.(二): "5G coverage of key places 100 %").
// The MIIT's gigabit-city evaluation counts hospitals, universities, tourist areas, railway stations,
// airports and main roads; the programme adds its own: industrial parks, factories, ports.

export const KEY_PLACE_KINDS = [
  { value: 'industrial_park', label: { zh: '工业园区', en: 'Industrial park' } },
  { value: 'factory', label: { zh: '工厂', en: 'Factory' } },
  { value: 'port', label: { zh: '港口', en: 'Port' } },
  { value: 'transport_hub', label: { zh: '交通枢纽', en: 'Transport hub' } },
  { value: 'school', label: { zh: '学校', en: 'School' } },
  { value: 'hospital', label: { zh: '医院', en: 'Hospital' } },
  { value: 'tourism', label: { zh: '文化旅游重点区域', en: 'Tourist area' } },
  { value: 'road', label: { zh: '重点道路', en: 'Main road' } },
  { value: 'other', label: { zh: '其他', en: 'Other' } },
] as const;

/** Only continuous outdoor coverage counts as reached (重点场所 5G 网络通达率). */
export const COVERAGE_STATES = [
  { value: 'continuous', label: { zh: '室外连续覆盖', en: 'Covered continuously outdoors' } },
  { value: 'partial', label: { zh: '部分覆盖', en: 'Partly covered' } },
  { value: 'none', label: { zh: '未覆盖', en: 'Not covered' } },
] as const;

export const KEY_PLACE_REGISTER: RegisterDefinition = {
  key: 'key-places',
  table: 'register_key_place',
  group: 'network',
  label: { zh: '重点场所 5G 覆盖', en: 'Key places (5G coverage)' },
  itemLabel: { zh: '重点场所', en: 'key place' },
  ownership: 'district',
  fields: [
    { key: 'name', type: 'text', label: { zh: '场所名称', en: 'Name' }, required: true },
    { key: 'kind', type: 'enum', label: { zh: '场所类型', en: 'Kind' }, options: KEY_PLACE_KINDS, required: true, filter: true },
    { key: 'districtCode', type: 'district', label: { zh: '区市', en: 'District' }, required: true, filter: true },
    {
      key: 'coverage',
      type: 'enum',
      label: { zh: '覆盖情况', en: 'Coverage' },
      options: COVERAGE_STATES,
      required: true,
      filter: true,
      help: { zh: '只有室外连续覆盖计入通达', en: 'Only continuous outdoor coverage counts as reached' },
    },
    { key: 'checkedOn', type: 'date', label: { zh: '核查日期', en: 'Checked on' }, required: true, notFuture: true, filter: true },
    { key: 'note', type: 'text', label: { zh: '备注', en: 'Note' }, multiline: true },
  ],
  titleField: 'name',
  naturalKey: ['name'],
  uniqueBy: [['name']],
  columns: ['name', 'kind', 'districtCode', 'coverage', 'checkedOn'],
  defaultSort: { field: 'name', direction: 'asc' },
};
