import type { RegisterDefinition } from '../definition.ts';

// Showcases (示范标杆): a firm's case a chain and one of its segments can learn from — the problem it
// had, what it did, and (in the KPI register, kpi.ts) what changed. The seed asks for "a benchmark per
// chain, a demonstration per sector, a model per niche" (seed §三.4: 每条产业链都有标杆、每个行业都有示范、
// 每个细分领域都有样板); coverage.ts shows where one is still missing.

export const SHOWCASE_STATUSES = [
  { value: 'candidate', label: { zh: '培育中', en: 'Candidate' } },
  { value: 'published', label: { zh: '已发布', en: 'Published' } },
  { value: 'withdrawn', label: { zh: '已撤销', en: 'Withdrawn' } },
] as const;
export type ShowcaseStatus = (typeof SHOWCASE_STATUSES)[number]['value'];

export const SHOWCASE_REGISTER: RegisterDefinition = {
  key: 'showcases',
  table: 'register_showcase',
  group: 'showcases',
  label: { zh: '示范标杆', en: 'Showcases' },
  itemLabel: { zh: '示范案例', en: 'showcase' },
  ownership: 'enterprise',
  fields: [
    {
      key: 'name',
      type: 'text',
      label: { zh: '案例名称', en: 'Case' },
      required: true,
      maxLength: 120,
      help: {
        zh: '如 新型注射器智能工厂（全市唯一，其他表按此名称引用）',
        en: 'e.g. 新型注射器智能工厂 (unique; other sheets refer to it by this name)',
      },
    },
    { key: 'enterpriseId', type: 'enterprise', label: { zh: '示范企业', en: 'Showcase firm' }, required: true },
    { key: 'chain', type: 'chain', label: { zh: '产业链', en: 'Industry chain' }, required: true, filter: true },
    {
      key: 'segment',
      type: 'text',
      label: { zh: '细分领域', en: 'Segment' },
      required: true,
      maxLength: 60,
      filter: true,
      help: { zh: '产业链下的细分行业或产品，如 一次性医用耗材', en: 'The niche within the chain, e.g. 一次性医用耗材 (disposables)' },
    },
    { key: 'status', type: 'enum', label: { zh: '状态', en: 'Status' }, options: SHOWCASE_STATUSES, required: true, filter: true },
    { key: 'publishedOn', type: 'date', label: { zh: '发布日期', en: 'Published on' }, notFuture: true, filter: true },
    { key: 'problem', type: 'text', label: { zh: '痛点问题', en: 'Problem' }, multiline: true, required: true },
    { key: 'solution', type: 'text', label: { zh: '解决方案', en: 'Solution' }, multiline: true, required: true },
  ],
  titleField: 'name',
  naturalKey: ['name'],
  uniqueBy: [['name']],
  rules: [
    {
      code: 'publishedHasDate',
      field: 'publishedOn',
      severity: 'error',
      description: { zh: '已发布的案例须填写发布日期', en: 'A published showcase has a publication date' },
      test: (values) => (values.status === 'published' && !values.publishedOn ? { key: 'showcases.publishedOnRequired' } : null),
    },
  ],
  columns: ['name', 'enterpriseId', 'chain', 'segment', 'status', 'publishedOn'],
  defaultSort: { field: 'publishedOn', direction: 'desc' },
};
