import { datesInOrder } from '../check.ts';
import type { RegisterDefinition } from '../definition.ts';

// Training the programme gives firms (seed §二.5 customised training, §三.3 vocational programmes, §三.4
// "organise training and site visits at the showcases"): courses, customised classes, thematic trainings
// and site visits are one register, as each is a dated event firms send people to; which firms came is
// one register of attendees (attendee.ts), so their maturity before and after and the projects they
// started afterwards are worked out the same way for every kind of event (outcomes.ts).

export const TRAINING_EVENT_KINDS = [
  { value: 'course', label: { zh: '培训课程', en: 'Course' } },
  { value: 'customised_class', label: { zh: '定制化培训班', en: 'Customised class' } },
  { value: 'thematic_training', label: { zh: '专题培训', en: 'Thematic training' } },
  { value: 'site_visit', label: { zh: '现场观摩', en: 'Site visit' } },
] as const;
export type TrainingEventKind = (typeof TRAINING_EVENT_KINDS)[number]['value'];

const startDate = { key: 'startDate', label: { zh: '开始日期', en: 'Start date' } };

export const TRAINING_EVENT_REGISTER: RegisterDefinition = {
  key: 'training-events',
  table: 'register_training_event',
  group: 'training',
  label: { zh: '培训与观摩活动', en: 'Training and site visits' },
  itemLabel: { zh: '培训活动', en: 'training event' },
  ownership: 'city',
  fields: [
    {
      key: 'name',
      type: 'text',
      label: { zh: '活动名称', en: 'Name' },
      required: true,
      maxLength: 120,
      help: {
        zh: '全市唯一，学员表按此名称引用；如 数字工程师培育班（第一期）',
        en: 'Unique; the attendee sheet refers to it by this name',
      },
    },
    { key: 'kind', type: 'enum', label: { zh: '类型', en: 'Kind' }, options: TRAINING_EVENT_KINDS, required: true, filter: true },
    {
      key: 'organiser',
      type: 'text',
      label: { zh: '主办单位', en: 'Organiser' },
      required: true,
      filter: true,
      help: { zh: '如 高校数字工程师学院、市工业和信息化局', en: 'e.g. a university’s digital-engineer school, the bureau' },
    },
    { key: 'topic', type: 'text', label: { zh: '主题', en: 'Topic' }, required: true, maxLength: 200 },
    { ...startDate, type: 'date', required: true, filter: true },
    {
      key: 'endDate',
      type: 'date',
      label: { zh: '结束日期', en: 'End date' },
      help: { zh: '一天的活动可不填', en: 'Leave empty for a one-day event' },
    },
    { key: 'chain', type: 'chain', label: { zh: '面向产业链', en: 'For chain' }, filter: true },
    {
      key: 'hostShowcase',
      type: 'reference',
      register: 'showcases',
      label: { zh: '观摩示范案例', en: 'Host showcase' },
      filter: true,
      help: { zh: '现场观摩须填写，填示范案例名称', en: 'Required for a site visit: the showcase’s case name' },
    },
    { key: 'plannedPlaces', type: 'integer', label: { zh: '计划人数', en: 'Places' }, min: 1, max: 100000 },
  ],
  titleField: 'name',
  naturalKey: ['name'],
  uniqueBy: [['name']],
  rules: [
    {
      code: 'endAfterStart',
      field: 'endDate',
      severity: 'error',
      description: { zh: '结束日期不早于开始日期', en: 'The end is not before the start' },
      test: datesInOrder(startDate, 'endDate'),
    },
    {
      code: 'siteVisitHasHost',
      field: 'hostShowcase',
      severity: 'error',
      description: { zh: '现场观摩须指明观摩的示范案例', en: 'A site visit names the showcase it visits' },
      test: (values) => (values.kind === 'site_visit' && !values.hostShowcase ? { key: 'training.siteVisitHost' } : null),
    },
  ],
  derived: [
    {
      key: 'state',
      label: { zh: '进度', en: 'State' },
      options: [
        { value: 'planned', label: { zh: '未开始', en: 'Planned' } },
        { value: 'running', label: { zh: '进行中', en: 'Running' } },
        { value: 'held', label: { zh: '已结束', en: 'Held' } },
      ],
      compute: (values, today) => {
        const start = values.startDate as string | null;
        const end = (values.endDate as string | null) ?? start;
        if (!start || !end) return null;
        return start > today ? 'planned' : end >= today ? 'running' : 'held';
      },
    },
  ],
  columns: ['name', 'kind', 'organiser', 'startDate', 'endDate', 'chain', 'state'],
  defaultSort: { field: 'startDate', direction: 'desc' },
};

/** The last day of an event: its end, or its start for a one-day event. */
export const lastDayOf = (event: { startDate: string; endDate: string | null }) => event.endDate ?? event.startDate;
