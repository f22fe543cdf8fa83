import { datesInOrder } from '../check.ts';
import type { RegisterDefinition } from '../definition.ts';
import type { EntryValues } from '../field.ts';
import { RECOGNITION_LEVEL_LABELS, RECOGNITION_LEVELS } from '../../recognition/types.ts';
import { levelOfKindRule, type LevelledOption } from './level-rule.ts';

// Titles a firm holds that were awarded outside the platform's own recognition ladder (seed §一: 65
// industrial-internet pilot and demonstration projects, 100 provincial Morning Star Factories, the 188
// smart-manufacturing demonstration projects of which 160 are the ladder's): who awarded it, when, under
// which document and policy, and until when it is valid.

export const TITLE_KINDS = [
  {
    value: 'sm_demo_factory',
    label: { zh: '智能制造示范工厂', en: 'Smart-manufacturing demonstration factory' },
    levels: ['national'],
  },
  {
    value: 'sm_excellent_scenario',
    label: { zh: '智能制造优秀场景', en: 'Smart-manufacturing excellent scenario' },
    levels: ['national', 'provincial'],
  },
  {
    value: 'sm_other_demonstration',
    label: { zh: '其他智能制造示范项目', en: 'Other smart-manufacturing demonstration project' },
    levels: ['national', 'provincial', 'municipal'],
  },
  {
    value: 'ii_pilot',
    label: { zh: '工业互联网试点示范项目', en: 'Industrial-internet pilot / demonstration project' },
    levels: ['national', 'provincial'],
  },
  { value: 'five_g_factory', label: { zh: '5G工厂', en: '5G factory' }, levels: ['national', 'provincial'] },
  { value: 'morning_star', label: { zh: '数字经济“晨星工厂”', en: 'Morning Star Factory (digital economy)' }, levels: ['provincial'] },
  {
    value: 'specialised',
    label: { zh: '专精特新企业', en: 'Specialised and sophisticated (专精特新) firm' },
    levels: ['national', 'provincial'],
  },
  { value: 'platform', label: { zh: '平台类称号', en: 'Platform title' }, levels: ['national', 'provincial', 'municipal'] },
] as const satisfies readonly LevelledOption[];

export type TitleKindCode = (typeof TITLE_KINDS)[number]['value'];

export const TITLE_LEVELS = RECOGNITION_LEVELS.map((value) => ({ value, label: RECOGNITION_LEVEL_LABELS[value] }));

export const TITLE_STATUSES = [
  { value: 'held', label: { zh: '持有', en: 'Held' } },
  { value: 'revoked', label: { zh: '已撤销', en: 'Revoked' } },
] as const;

/** A title expiring within this many days is shown as expiring, so its renewal can be prepared. */
export const TITLE_EXPIRY_NOTICE_DAYS = 90;

export const TITLE_VALIDITIES = [
  { value: 'valid', label: { zh: '有效', en: 'Valid' } },
  { value: 'expiring', label: { zh: `${TITLE_EXPIRY_NOTICE_DAYS}天内到期`, en: `Expires within ${TITLE_EXPIRY_NOTICE_DAYS} days` } },
  { value: 'expired', label: { zh: '已过期', en: 'Expired' } },
  { value: 'revoked', label: { zh: '已撤销', en: 'Revoked' } },
] as const;

export type TitleValidity = (typeof TITLE_VALIDITIES)[number]['value'];

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Valid, expiring within the notice period, expired — or revoked; a title without an end date stays valid. */
export function titleValidity(values: EntryValues, today: string): TitleValidity {
  if (values.status === 'revoked') return 'revoked';
  if (typeof values.validUntil !== 'string') return 'valid';
  const left = daysBetween(today, values.validUntil);
  if (left < 0) return 'expired';
  return left <= TITLE_EXPIRY_NOTICE_DAYS ? 'expiring' : 'valid';
}

export const titleKindOf = (code: unknown) => TITLE_KINDS.find((k) => k.value === code);

const awardedOn = { key: 'awardedOn', label: { zh: '授予日期', en: 'Awarded on' } };
const validUntil = { key: 'validUntil', label: { zh: '有效期至', en: 'Valid until' } };

export const TITLE_REGISTER: RegisterDefinition = {
  key: 'titles',
  table: 'register_title',
  group: 'titles',
  label: { zh: '企业荣誉称号', en: 'Titles held' },
  itemLabel: { zh: '称号', en: 'title' },
  ownership: 'enterprise',
  fields: [
    { key: 'enterpriseId', type: 'enterprise', label: { zh: '企业', en: 'Enterprise' }, required: true },
    {
      key: 'kind',
      type: 'enum',
      label: { zh: '称号类别', en: 'Kind' },
      options: TITLE_KINDS,
      required: true,
      filter: true,
      help: {
        zh: '平台认定体系（市级—省级—国家级智能工厂和数字化车间）内的认定不在此登记',
        en: 'Recognitions of the platform’s own ladder (municipal → provincial → national) are not entered here',
      },
    },
    { key: 'level', type: 'enum', label: { zh: '级别', en: 'Level' }, options: TITLE_LEVELS, required: true, filter: true },
    {
      key: 'name',
      type: 'text',
      label: { zh: '称号名称', en: 'Title' },
      required: true,
      maxLength: 200,
      help: {
        zh: '按授予文件填写全称；同一年获多个项目或场景的，写明项目或场景名称',
        en: 'As the awarding document has it; for several projects or scenarios in one year, name each',
      },
    },
    { key: 'awardingBody', type: 'text', label: { zh: '授予单位', en: 'Awarding body' }, required: true, filter: true },
    { key: 'year', type: 'year', label: { zh: '年度', en: 'Year' }, required: true, notFuture: true, filter: true },
    { key: 'documentNumber', type: 'text', label: { zh: '文号', en: 'Document number' }, maxLength: 80 },
    { key: 'policyId', type: 'reference', register: 'policies', label: { zh: '依据政策', en: 'Policy' } },
    { ...awardedOn, type: 'date', notFuture: true },
    { ...validUntil, type: 'date', help: { zh: '称号有有效期的填写', en: 'Where the title has an end' } },
    {
      key: 'renewedOn',
      type: 'date',
      label: { zh: '最近复核日期', en: 'Last renewed on' },
      notFuture: true,
      help: { zh: '复核通过后填写，并更新有效期至', en: 'After a renewal review passes; update the end date too' },
    },
    { key: 'status', type: 'enum', label: { zh: '状态', en: 'Status' }, options: TITLE_STATUSES, required: true, filter: true },
    { key: 'note', type: 'text', label: { zh: '备注', en: 'Note' }, multiline: true },
  ],
  titleField: 'name',
  uniqueBy: [['enterpriseId', 'name', 'year']],
  rules: [
    levelOfKindRule('kind', TITLE_KINDS, { zh: '级别须与称号类别相符', en: 'The level fits the kind of title' }),
    {
      code: 'awardedInYear',
      field: 'awardedOn',
      severity: 'error',
      description: { zh: '授予日期不早于称号年度', en: 'Awarded no earlier than the title’s year' },
      test: (values) =>
        typeof values.awardedOn === 'string' && typeof values.year === 'number' && Number(values.awardedOn.slice(0, 4)) < values.year
          ? { key: 'registers.titles.awardedBeforeYear', params: { year: values.year } }
          : null,
    },
    {
      code: 'validAfterAward',
      field: 'validUntil',
      severity: 'error',
      description: { zh: '有效期至不早于授予日期', en: 'Valid until is not before the award' },
      test: datesInOrder(awardedOn, 'validUntil'),
    },
    {
      code: 'renewedAfterAward',
      field: 'renewedOn',
      severity: 'error',
      description: { zh: '复核日期不早于授予日期', en: 'Renewed no earlier than awarded' },
      test: datesInOrder(awardedOn, 'renewedOn'),
    },
    {
      code: 'renewalNeedsExpiry',
      field: 'renewedOn',
      severity: 'error',
      description: { zh: '有有效期的称号才有复核', en: 'Only a title with an end date is renewed' },
      test: (values) =>
        typeof values.renewedOn === 'string' && typeof values.validUntil !== 'string'
          ? { key: 'registers.titles.renewalNeedsExpiry' }
          : null,
    },
    {
      // 优质中小企业梯度培育管理暂行办法 (工信部企业〔2022〕63号): 专精特新 titles are valid for three years
      code: 'specialisedExpires',
      field: 'validUntil',
      severity: 'warning',
      description: {
        zh: '专精特新称号有效期三年（工信部企业〔2022〕63号），应填写有效期至',
        en: 'A 专精特新 title is valid for three years (MIIT 〔2022〕63): enter its end date',
      },
      test: (values) =>
        values.kind === 'specialised' && typeof values.validUntil !== 'string' ? { key: 'registers.titles.expiryMissing' } : null,
    },
  ],
  derived: [
    {
      key: 'validity',
      label: { zh: '有效状态', en: 'Validity' },
      options: TITLE_VALIDITIES,
      compute: titleValidity,
    },
  ],
  columns: ['name', 'enterpriseId', 'kind', 'level', 'year', 'awardingBody', 'validUntil', 'validity'],
  defaultSort: { field: 'year', direction: 'desc' },
};
