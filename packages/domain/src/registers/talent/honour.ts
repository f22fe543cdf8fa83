import type { RegisterDefinition } from '../definition.ts';
import { TALENT_LEVELS, type TalentLevel } from './levels.ts';
import { tenureAfterYear, tenureDerived } from './tenure.ts';

// People holding a national, provincial or municipal skill honour (seed §二.(五): 254 people). The honours
// are those of the national skills-commendation system (中华技能大奖, 全国技术能手) and Shandong's and
// Weihai's own (齐鲁首席技师, 山东省技术能手, 威海市首席技师, 威海市技术能手). Chief technicians hold
// their title for a term (tenure end); the keeper sees it coming up before it lapses. No ID numbers are
// kept: a person is told apart by name and employer.

export const SKILL_HONOURS = [
  { value: 'china_skill_award', label: { zh: '中华技能大奖', en: 'China Skills Award' }, level: 'national' },
  { value: 'national_technical_expert', label: { zh: '全国技术能手', en: 'National technical expert' }, level: 'national' },
  { value: 'qilu_chief_technician', label: { zh: '齐鲁首席技师', en: 'Qilu chief technician' }, level: 'provincial' },
  { value: 'provincial_technical_expert', label: { zh: '山东省技术能手', en: 'Shandong technical expert' }, level: 'provincial' },
  { value: 'municipal_chief_technician', label: { zh: '威海市首席技师', en: 'Weihai chief technician' }, level: 'municipal' },
  { value: 'municipal_technical_expert', label: { zh: '威海市技术能手', en: 'Weihai technical expert' }, level: 'municipal' },
] as const satisfies readonly { value: string; label: { zh: string; en: string }; level: TalentLevel }[];

export type SkillHonour = (typeof SKILL_HONOURS)[number]['value'];

export const honourLevelOf = (honour: string): TalentLevel | null => SKILL_HONOURS.find((h) => h.value === honour)?.level ?? null;

export const SKILL_HONOUR_REGISTER: RegisterDefinition = {
  key: 'skill-honours',
  table: 'register_skill_honour',
  group: 'talent',
  label: { zh: '技能荣誉人才', en: 'Skill honours' },
  itemLabel: { zh: '荣誉人才', en: 'honoured person' },
  ownership: 'district',
  fields: [
    { key: 'personName', type: 'text', label: { zh: '姓名', en: 'Name' }, required: true, maxLength: 40 },
    {
      key: 'honour',
      type: 'enum',
      label: { zh: '荣誉称号', en: 'Honour' },
      options: SKILL_HONOURS.map(({ value, label }) => ({ value, label })),
      required: true,
      filter: true,
    },
    { key: 'year', type: 'year', label: { zh: '获评年份', en: 'Year' }, required: true, notFuture: true, filter: true },
    { key: 'occupation', type: 'text', label: { zh: '职业（工种）', en: 'Occupation' }, maxLength: 60 },
    {
      key: 'employerName',
      type: 'text',
      label: { zh: '工作单位', en: 'Employer' },
      required: true,
      maxLength: 120,
      filter: true,
      help: { zh: '姓名与工作单位区分同名人员（不登记身份证号）', en: 'Name and employer tell people apart (no ID numbers are kept)' },
    },
    {
      key: 'enterpriseId',
      type: 'enterprise',
      label: { zh: '所在企业（企业库）', en: 'Employer in the registry' },
      help: { zh: '工作单位为企业库中企业时选择', en: 'When the employer is an enterprise of the registry' },
    },
    { key: 'districtCode', type: 'district', label: { zh: '区市', en: 'District' }, required: true, filter: true },
    {
      key: 'tenureEnd',
      type: 'date',
      label: { zh: '聘期届满', en: 'Tenure ends' },
      help: { zh: '首席技师等有聘期的称号填写', en: 'For honours held for a term, such as chief technicians' },
    },
  ],
  titleField: 'personName',
  // how a payment sheet names the person it rewards
  naturalKey: ['personName', 'employerName', 'year'],
  // a person honoured twice for the same honour in the same year is one honour entered twice
  uniqueBy: [['personName', 'employerName', 'honour', 'year']],
  rules: [
    {
      code: 'tenureAfterHonour',
      field: 'tenureEnd',
      severity: 'error',
      description: { zh: '聘期届满不早于获评年份', en: 'The tenure does not end before the year honoured' },
      test: tenureAfterYear('year'),
    },
  ],
  derived: [
    {
      key: 'level',
      label: { zh: '级别', en: 'Level' },
      options: TALENT_LEVELS,
      compute: (values) => (typeof values.honour === 'string' ? honourLevelOf(values.honour) : null),
    },
    tenureDerived,
  ],
  columns: ['personName', 'honour', 'level', 'year', 'employerName', 'districtCode', 'tenureEnd', 'tenureState'],
  defaultSort: { field: 'year', direction: 'desc' },
};
