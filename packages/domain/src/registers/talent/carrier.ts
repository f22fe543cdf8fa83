import type { RegisterDefinition } from '../definition.ts';
import { TALENT_LEVELS } from './levels.ts';
import { tenureAfterYear, tenureDerived } from './tenure.ts';

// Talent-training carriers (seed §二.(五): 77 carriers — skill-master studios, high-skill talent training
// bases, technician stations). The kinds follow the human-resources departments' programmes: national
// and provincial 技能大师工作室 and 高技能人才培训基地, provincial and municipal 技师工作站.

export const CARRIER_KINDS = [
  { value: 'master_studio', label: { zh: '技能大师工作室', en: 'Skill-master studio' } },
  { value: 'training_base', label: { zh: '高技能人才培训基地', en: 'High-skill talent training base' } },
  { value: 'technician_station', label: { zh: '技师工作站', en: 'Technician station' } },
  { value: 'public_training_base', label: { zh: '公共实训基地', en: 'Public training base' } },
] as const;

export const TRAINING_CARRIER_REGISTER: RegisterDefinition = {
  key: 'training-carriers',
  table: 'register_training_carrier',
  group: 'talent',
  label: { zh: '人才培养载体', en: 'Talent-training carriers' },
  itemLabel: { zh: '培养载体', en: 'training carrier' },
  ownership: 'district',
  fields: [
    { key: 'name', type: 'text', label: { zh: '载体名称', en: 'Name' }, required: true, maxLength: 120 },
    { key: 'kind', type: 'enum', label: { zh: '类别', en: 'Kind' }, options: CARRIER_KINDS, required: true, filter: true },
    { key: 'level', type: 'enum', label: { zh: '级别', en: 'Level' }, options: TALENT_LEVELS, required: true, filter: true },
    {
      key: 'enterpriseId',
      type: 'enterprise',
      label: { zh: '依托企业', en: 'Host enterprise' },
      help: { zh: '依托企业时选择；依托院校时填写右侧院校名称', en: 'For a carrier hosted by a firm; for a school, name it instead' },
    },
    { key: 'hostSchool', type: 'text', label: { zh: '依托院校', en: 'Host school' }, maxLength: 120 },
    { key: 'districtCode', type: 'district', label: { zh: '区市', en: 'District' }, required: true, filter: true },
    { key: 'establishedYear', type: 'year', label: { zh: '设立年份', en: 'Year set up' }, required: true, notFuture: true, filter: true },
    {
      key: 'tenureEnd',
      type: 'date',
      label: { zh: '期满日期', en: 'Tenure ends' },
      help: { zh: '有建设或考核期的填写', en: 'Where the carrier is granted for a term' },
    },
    { key: 'note', type: 'text', label: { zh: '备注', en: 'Note' }, multiline: true },
  ],
  titleField: 'name',
  naturalKey: ['name'],
  uniqueBy: [['name', 'kind', 'level']],
  rules: [
    {
      code: 'hostNamed',
      field: 'hostSchool',
      severity: 'error',
      description: { zh: '依托企业或依托院校至少填一项', en: 'A host enterprise or a host school is named' },
      test: (values) =>
        (values.enterpriseId === null || values.enterpriseId === undefined) && !values.hostSchool
          ? { key: 'registers.carrierHostRequired' }
          : null,
    },
    {
      code: 'tenureAfterSetUp',
      field: 'tenureEnd',
      severity: 'error',
      description: { zh: '期满日期不早于设立年份', en: 'The tenure does not end before the year set up' },
      test: tenureAfterYear('establishedYear'),
    },
  ],
  derived: [tenureDerived],
  columns: ['name', 'kind', 'level', 'enterpriseId', 'hostSchool', 'districtCode', 'establishedYear', 'tenureState'],
  defaultSort: { field: 'establishedYear', direction: 'desc' },
};
