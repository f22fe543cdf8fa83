import type { RegisterDefinition } from '../definition.ts';

// Talent money paid out (seed §二.(五): ¥14.285 M of high-skill talent rewards; ¥160 M of living
// allowances for graduates in 2023), each payment under the policy it rests on (the 20 talent measures).
// A row is a payment: the server posts it as a line of the funding ledger, on the envelope of its kind
// in its year's talent fund, so the totals are sums of the ledger and the envelope cannot be overspent.

export const TALENT_PAYMENT_KINDS = [
  { value: 'high_skill_reward', label: { zh: '高技能人才奖励', en: 'High-skill talent reward' } },
  { value: 'graduate_allowance', label: { zh: '高校毕业生生活补贴', en: 'Graduate living allowance' } },
] as const;

export type TalentPaymentKind = (typeof TALENT_PAYMENT_KINDS)[number]['value'];

export const TALENT_PAYMENT_REGISTER: RegisterDefinition = {
  key: 'talent-payments',
  table: 'register_talent_payment',
  group: 'talent',
  label: { zh: '人才奖补发放', en: 'Talent payments' },
  itemLabel: { zh: '发放记录', en: 'payment' },
  ownership: 'city',
  fields: [
    { key: 'kind', type: 'enum', label: { zh: '类别', en: 'Kind' }, options: TALENT_PAYMENT_KINDS, required: true, filter: true },
    {
      key: 'honourId',
      type: 'reference',
      register: 'skill-honours',
      label: { zh: '奖励对象（荣誉人才）', en: 'Honoured person rewarded' },
      help: { zh: '表格中填写：姓名 工作单位 获评年份', en: 'In sheets: name, employer and year, separated by spaces' },
    },
    {
      key: 'recipientGroup',
      type: 'text',
      label: { zh: '发放对象（毕业生批次）', en: 'Graduate group' },
      maxLength: 120,
      help: { zh: '如 2023年3月来威就业高校毕业生', en: 'e.g. graduates who took up jobs in Weihai in March 2023' },
    },
    { key: 'recipients', type: 'integer', label: { zh: '发放人数', en: 'People paid' }, min: 1, max: 1_000_000 },
    {
      key: 'policyId',
      type: 'reference',
      register: 'policies',
      label: { zh: '政策依据', en: 'Policy' },
      required: true,
      help: { zh: '表格中填写政策文号', en: 'In sheets: the policy’s document number' },
    },
    { key: 'paidOn', type: 'date', label: { zh: '发放日期', en: 'Paid on' }, required: true, notFuture: true, filter: true },
    { key: 'amountFen', type: 'money', label: { zh: '发放金额（元）', en: 'Amount (yuan)' }, required: true },
    { key: 'batch', type: 'text', label: { zh: '批次号', en: 'Batch' }, required: true, maxLength: 40 },
  ],
  titleField: 'batch',
  uniqueBy: [
    ['honourId', 'paidOn'],
    ['recipientGroup', 'paidOn'],
  ],
  rules: [
    {
      code: 'rewardNamesHonour',
      field: 'honourId',
      severity: 'error',
      description: { zh: '高技能人才奖励关联荣誉人才', en: 'A high-skill reward names the honoured person' },
      test: (values) => (values.kind === 'high_skill_reward' && !values.honourId ? { key: 'registers.paymentHonourRequired' } : null),
    },
    {
      code: 'allowanceNamesGroup',
      field: 'recipientGroup',
      severity: 'error',
      description: { zh: '生活补贴填写发放对象', en: 'A living allowance names its graduate group' },
      test: (values) => (values.kind === 'graduate_allowance' && !values.recipientGroup ? { key: 'registers.paymentGroupRequired' } : null),
    },
    {
      code: 'positiveAmount',
      field: 'amountFen',
      severity: 'error',
      description: { zh: '发放金额大于零', en: 'An amount above zero' },
      test: (values) => (values.amountFen === 0 ? { key: 'validation.minimum', params: { limit: '0.01' } } : null),
    },
  ],
  columns: ['kind', 'batch', 'honourId', 'recipientGroup', 'recipients', 'paidOn', 'amountFen', 'policyId'],
  defaultSort: { field: 'paidOn', direction: 'desc' },
};
