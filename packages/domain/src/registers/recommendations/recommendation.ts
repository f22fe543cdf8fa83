import { datesInOrder } from '../check.ts';
import type { RegisterDefinition } from '../definition.ts';
import { levelOfKindRule, type LevelledOption } from '../titles/level-rule.ts';
import { TITLE_LEVELS } from '../titles/title.ts';

// Projects the city recommends upward (seed §三.(一): 国家技改专项、智能制造试点示范项目、省重大贷款贴息和
// 新增财力奖补), with what came of each: "help firms win support at every level", measured.

export const RECOMMENDATION_PROGRAMMES = [
  {
    value: 'national_tech_transformation',
    label: { zh: '国家技改专项', en: 'National technical-transformation fund' },
    levels: ['national'],
  },
  {
    value: 'pilot_demonstration',
    label: { zh: '智能制造试点示范项目', en: 'Smart-manufacturing pilot and demonstration programme' },
    levels: ['national', 'provincial'],
  },
  {
    value: 'major_loan_subsidy',
    label: { zh: '省重大贷款贴息', en: 'Provincial major-loan interest subsidy' },
    levels: ['provincial'],
  },
  {
    value: 'new_revenue_award',
    label: { zh: '新增财力奖补', en: 'New-revenue award' },
    levels: ['provincial'],
  },
  { value: 'other', label: { zh: '其他上级项目', en: 'Other higher-level programme' }, levels: ['national', 'provincial'] },
] as const satisfies readonly LevelledOption[];

export const RECOMMENDATION_OUTCOMES = [
  { value: 'pending', label: { zh: '待公布', en: 'Pending' } },
  { value: 'won', label: { zh: '获批', en: 'Won' } },
  { value: 'not_selected', label: { zh: '未入选', en: 'Not selected' } },
] as const;

const recommendedOn = { key: 'recommendedOn', label: { zh: '推荐日期', en: 'Recommended on' } };

export const UPWARD_RECOMMENDATION_REGISTER: RegisterDefinition = {
  key: 'upward-recommendations',
  table: 'register_upward_recommendation',
  group: 'recommendations',
  label: { zh: '向上推荐项目', en: 'Upward recommendations' },
  itemLabel: { zh: '推荐项目', en: 'recommendation' },
  ownership: 'enterprise',
  fields: [
    { key: 'enterpriseId', type: 'enterprise', label: { zh: '企业', en: 'Enterprise' }, required: true },
    {
      key: 'programme',
      type: 'enum',
      label: { zh: '申报项目类别', en: 'Programme' },
      options: RECOMMENDATION_PROGRAMMES,
      required: true,
      filter: true,
    },
    {
      key: 'level',
      type: 'enum',
      label: { zh: '级别', en: 'Level' },
      options: TITLE_LEVELS.filter((l) => l.value !== 'municipal'),
      required: true,
      filter: true,
    },
    { key: 'year', type: 'year', label: { zh: '年度', en: 'Year' }, required: true, notFuture: true, filter: true },
    { key: 'projectName', type: 'text', label: { zh: '项目名称', en: 'Project' }, required: true, maxLength: 200 },
    {
      key: 'fundingProjectId',
      type: 'integer',
      label: { zh: '智改数转项目编号', en: 'Upgrade project id' },
      min: 1,
      max: 2147483647,
      help: { zh: '项目库中该企业的项目（如有）', en: 'The firm’s project in the project library, if any' },
    },
    { ...recommendedOn, type: 'date', required: true, notFuture: true },
    {
      key: 'outcome',
      type: 'enum',
      label: { zh: '结果', en: 'Outcome' },
      options: RECOMMENDATION_OUTCOMES,
      required: true,
      filter: true,
    },
    { key: 'amountWon', type: 'money', label: { zh: '获批金额', en: 'Amount won' } },
    { key: 'decidedOn', type: 'date', label: { zh: '公布日期', en: 'Decided on' }, notFuture: true },
    { key: 'note', type: 'text', label: { zh: '备注', en: 'Note' }, multiline: true },
  ],
  titleField: 'projectName',
  uniqueBy: [['enterpriseId', 'programme', 'year', 'projectName']],
  rules: [
    levelOfKindRule('programme', RECOMMENDATION_PROGRAMMES, {
      zh: '级别须与申报项目类别相符',
      en: 'The level fits the programme',
    }),
    {
      code: 'decidedAfterRecommended',
      field: 'decidedOn',
      severity: 'error',
      description: { zh: '公布日期不早于推荐日期', en: 'Decided no earlier than recommended' },
      test: datesInOrder(recommendedOn, 'decidedOn'),
    },
    {
      code: 'decidedWhenDecided',
      field: 'decidedOn',
      severity: 'error',
      description: { zh: '已有结果的填写公布日期，待公布的不填', en: 'A decided outcome has its date; a pending one has none' },
      test: (values) => {
        const decided = values.outcome !== 'pending';
        const dated = typeof values.decidedOn === 'string';
        if (decided && !dated) return { key: 'validation.required' };
        return !decided && dated ? { key: 'registers.recommendations.pendingDecided' } : null;
      },
    },
    {
      code: 'amountOnlyWhenWon',
      field: 'amountWon',
      severity: 'error',
      description: { zh: '获批的项目才有获批金额', en: 'Only a project that won has an amount won' },
      test: (values) =>
        typeof values.amountWon === 'number' && values.amountWon > 0 && values.outcome !== 'won'
          ? { key: 'registers.recommendations.amountNotWon' }
          : null,
    },
  ],
  columns: ['projectName', 'enterpriseId', 'programme', 'level', 'year', 'recommendedOn', 'outcome', 'amountWon'],
  defaultSort: { field: 'recommendedOn', direction: 'desc' },
};
