import type { RegisterDefinition } from '../definition.ts';
import { datesInOrder } from '../check.ts';

// The library of policy documents the programme rests on (seed §二.(一): the three-year action plan
// 2023–2025, the digital-economy opinions, the advanced-manufacturing policies, the 20 talent measures).
// Funding rules, talent rewards and titles point at the document they come from.

export const POLICY_LEVELS = [
  { value: 'national', label: { zh: '国家级', en: 'National' } },
  { value: 'provincial', label: { zh: '省级', en: 'Provincial' } },
  { value: 'municipal', label: { zh: '市级', en: 'Municipal' } },
  { value: 'district', label: { zh: '区市级', en: 'District' } },
] as const;

export const POLICY_KINDS = [
  { value: 'plan', label: { zh: '规划计划', en: 'Plan' } },
  { value: 'opinion', label: { zh: '实施意见', en: 'Opinion' } },
  { value: 'support', label: { zh: '支持政策', en: 'Support policy' } },
  { value: 'talent', label: { zh: '人才政策', en: 'Talent policy' } },
  { value: 'management', label: { zh: '管理办法', en: 'Management rules' } },
  { value: 'notice', label: { zh: '通知', en: 'Notice' } },
] as const;

export const POLICY_STATUSES = [
  { value: 'in_force', label: { zh: '现行有效', en: 'In force' } },
  { value: 'revised', label: { zh: '已修订', en: 'Revised' } },
  { value: 'repealed', label: { zh: '已废止', en: 'Repealed' } },
] as const;

const issuedOn = { key: 'issuedOn', label: { zh: '印发日期', en: 'Issued on' } };
const effectiveFrom = { key: 'effectiveFrom', label: { zh: '施行日期', en: 'Effective from' } };

export const POLICY_REGISTER: RegisterDefinition = {
  key: 'policies',
  table: 'register_policy',
  group: 'policies',
  label: { zh: '政策文件库', en: 'Policy library' },
  itemLabel: { zh: '政策文件', en: 'policy document' },
  ownership: 'city',
  fields: [
    { key: 'title', type: 'text', label: { zh: '文件名称', en: 'Title' }, required: true, maxLength: 300 },
    { key: 'issuer', type: 'text', label: { zh: '发文机关', en: 'Issuer' }, required: true, filter: true },
    {
      key: 'documentNumber',
      type: 'text',
      label: { zh: '文号', en: 'Document number' },
      maxLength: 80,
      help: { zh: '如 威政发〔2023〕5号', en: 'e.g. 威政发〔2023〕5号' },
    },
    { key: 'level', type: 'enum', label: { zh: '层级', en: 'Level' }, options: POLICY_LEVELS, required: true, filter: true },
    { key: 'kind', type: 'enum', label: { zh: '类别', en: 'Kind' }, options: POLICY_KINDS, required: true, filter: true },
    { ...issuedOn, type: 'date', required: true, notFuture: true },
    { ...effectiveFrom, type: 'date' },
    { key: 'effectiveTo', type: 'date', label: { zh: '有效期至', en: 'Effective to' } },
    { key: 'status', type: 'enum', label: { zh: '状态', en: 'Status' }, options: POLICY_STATUSES, required: true, filter: true },
    {
      key: 'url',
      type: 'text',
      label: { zh: '原文链接', en: 'Link to the text' },
      maxLength: 500,
      pattern: {
        source: '^https?://\\S+$',
        hint: { zh: '以 http:// 或 https:// 开头的网址', en: 'a web address starting with http:// or https://' },
      },
    },
    { key: 'summary', type: 'text', label: { zh: '主要内容', en: 'Summary' }, multiline: true },
  ],
  titleField: 'title',
  naturalKey: ['documentNumber'],
  uniqueBy: [['documentNumber'], ['title', 'issuedOn']],
  rules: [
    {
      code: 'effectiveAfterIssue',
      field: 'effectiveFrom',
      severity: 'error',
      description: { zh: '施行日期不早于印发日期', en: 'Effective no earlier than issued' },
      test: datesInOrder(issuedOn, 'effectiveFrom'),
    },
    {
      code: 'endAfterStart',
      field: 'effectiveTo',
      severity: 'error',
      description: { zh: '有效期至不早于施行日期', en: 'The end of validity is not before its start' },
      test: (values) => datesInOrder(effectiveFrom, 'effectiveTo')(values) ?? datesInOrder(issuedOn, 'effectiveTo')(values),
    },
  ],
  derived: [
    {
      key: 'validity',
      label: { zh: '时效', en: 'Validity' },
      options: [
        { value: 'valid', label: { zh: '有效', en: 'Valid' } },
        { value: 'notYet', label: { zh: '尚未施行', en: 'Not yet effective' } },
        { value: 'lapsed', label: { zh: '已失效', en: 'Lapsed' } },
      ],
      compute: (values, today) => {
        if (values.status !== 'in_force') return 'lapsed';
        if (typeof values.effectiveFrom === 'string' && values.effectiveFrom > today) return 'notYet';
        if (typeof values.effectiveTo === 'string' && values.effectiveTo < today) return 'lapsed';
        return 'valid';
      },
    },
  ],
  columns: ['title', 'documentNumber', 'issuer', 'level', 'kind', 'issuedOn', 'validity'],
  defaultSort: { field: 'issuedOn', direction: 'desc' },
};
