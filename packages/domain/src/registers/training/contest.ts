import { datesInOrder } from '../check.ts';
import type { RegisterDefinition } from '../definition.ts';

// Vocational skills contests (seed §二.5: the city's first municipal vocational skills contest) and who
// took part and won: a contest is the bureau's row, each entrant's result the employer firm's row.

export const CONTEST_LEVELS = [
  { value: 'national', label: { zh: '国家级', en: 'National' } },
  { value: 'provincial', label: { zh: '省级', en: 'Provincial' } },
  { value: 'municipal', label: { zh: '市级', en: 'Municipal' } },
  { value: 'district', label: { zh: '区市级', en: 'District' } },
] as const;

export const CONTEST_AWARDS = [
  { value: 'first', label: { zh: '一等奖', en: 'First prize' } },
  { value: 'second', label: { zh: '二等奖', en: 'Second prize' } },
  { value: 'third', label: { zh: '三等奖', en: 'Third prize' } },
  { value: 'excellence', label: { zh: '优秀奖', en: 'Excellence award' } },
  { value: 'entrant', label: { zh: '参赛', en: 'Entrant' } },
] as const;

const heldFrom = { key: 'heldFrom', label: { zh: '比赛开始日期', en: 'Held from' } };

export const SKILLS_CONTEST_REGISTER: RegisterDefinition = {
  key: 'skills-contests',
  table: 'register_skills_contest',
  group: 'training',
  label: { zh: '职业技能大赛', en: 'Skills contests' },
  itemLabel: { zh: '技能大赛', en: 'skills contest' },
  ownership: 'city',
  fields: [
    {
      key: 'name',
      type: 'text',
      label: { zh: '大赛名称', en: 'Contest' },
      required: true,
      maxLength: 120,
      help: { zh: '全市唯一，成绩表按此名称引用', en: 'Unique; the results sheet refers to it by this name' },
    },
    { key: 'year', type: 'year', label: { zh: '年度', en: 'Year' }, required: true, filter: true },
    { key: 'level', type: 'enum', label: { zh: '级别', en: 'Level' }, options: CONTEST_LEVELS, required: true, filter: true },
    { key: 'organiser', type: 'text', label: { zh: '主办单位', en: 'Organiser' }, required: true },
    { ...heldFrom, type: 'date' },
    { key: 'heldTo', type: 'date', label: { zh: '比赛结束日期', en: 'Held to' } },
    {
      key: 'events',
      type: 'text',
      label: { zh: '竞赛项目', en: 'Events' },
      maxLength: 500,
      help: { zh: '以顿号分隔', en: 'Separated by 、' },
    },
  ],
  titleField: 'name',
  naturalKey: ['name'],
  uniqueBy: [['name']],
  rules: [
    {
      code: 'endAfterStart',
      field: 'heldTo',
      severity: 'error',
      description: { zh: '结束日期不早于开始日期', en: 'The end is not before the start' },
      test: datesInOrder(heldFrom, 'heldTo'),
    },
    {
      code: 'heldInYear',
      field: 'heldFrom',
      severity: 'error',
      description: { zh: '比赛日期在其年度之内', en: 'The contest is held in its year' },
      test: (values) =>
        typeof values.heldFrom === 'string' && typeof values.year === 'number' && values.heldFrom.slice(0, 4) !== String(values.year)
          ? { key: 'training.contestOutsideYear', params: { year: values.year } }
          : null,
    },
  ],
  columns: ['name', 'year', 'level', 'organiser', 'heldFrom'],
  defaultSort: { field: 'year', direction: 'desc' },
};

export const CONTEST_RESULT_REGISTER: RegisterDefinition = {
  key: 'contest-results',
  table: 'register_contest_result',
  group: 'training',
  label: { zh: '技能大赛成绩', en: 'Contest results' },
  itemLabel: { zh: '参赛成绩', en: 'contest result' },
  ownership: 'enterprise',
  fields: [
    {
      key: 'contest',
      type: 'reference',
      register: 'skills-contests',
      label: { zh: '技能大赛', en: 'Contest' },
      required: true,
      filter: true,
      help: { zh: '填大赛名称', en: 'The contest’s name' },
    },
    { key: 'personName', type: 'text', label: { zh: '选手姓名', en: 'Entrant' }, required: true, maxLength: 40 },
    { key: 'enterpriseId', type: 'enterprise', label: { zh: '工作单位', en: 'Employer' }, required: true },
    {
      key: 'event',
      type: 'text',
      label: { zh: '竞赛项目', en: 'Event' },
      required: true,
      maxLength: 60,
      filter: true,
      help: { zh: '如 数控车工、工业机器人系统运维员', en: 'e.g. CNC turning, industrial robot maintenance' },
    },
    { key: 'rank', type: 'integer', label: { zh: '名次', en: 'Rank' }, min: 1, max: 10000 },
    { key: 'award', type: 'enum', label: { zh: '奖项', en: 'Award' }, options: CONTEST_AWARDS, required: true, filter: true },
  ],
  titleField: 'personName',
  uniqueBy: [['contest', 'event', 'personName']],
  columns: ['contest', 'event', 'personName', 'enterpriseId', 'rank', 'award'],
  defaultSort: { field: 'rank', direction: 'asc' },
};
