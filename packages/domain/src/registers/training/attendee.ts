import type { RegisterDefinition } from '../definition.ts';

// Who came to a training event: a firm, with a named trainee or the number of people it sent (a site
// visit is counted by firms, a digital-engineer class by persons). Kept as the firm's rows, so district
// staff keep their district's firms and a firm sees and corrects its own.

export const TRAINING_ATTENDEE_REGISTER: RegisterDefinition = {
  key: 'training-attendees',
  table: 'register_training_attendee',
  group: 'training',
  label: { zh: '参训企业与学员', en: 'Attendees' },
  itemLabel: { zh: '参训记录', en: 'attendee' },
  ownership: 'enterprise',
  fields: [
    {
      key: 'event',
      type: 'reference',
      register: 'training-events',
      label: { zh: '培训活动', en: 'Event' },
      required: true,
      filter: true,
      help: { zh: '填培训活动名称', en: 'The event’s name' },
    },
    { key: 'enterpriseId', type: 'enterprise', label: { zh: '企业', en: 'Enterprise' }, required: true },
    {
      key: 'personName',
      type: 'text',
      label: { zh: '学员姓名', en: 'Trainee' },
      maxLength: 40,
      help: { zh: '按人登记时填写；按企业登记时改填参加人数', en: 'For a named trainee; otherwise give the number of people' },
    },
    { key: 'headcount', type: 'integer', label: { zh: '参加人数', en: 'People' }, min: 1, max: 10000 },
    { key: 'attendancePct', type: 'decimal', label: { zh: '出勤率', en: 'Attendance' }, min: 0, max: 100, unit: { zh: '%', en: '%' } },
    { key: 'completed', type: 'boolean', label: { zh: '是否结业', en: 'Completed' }, filter: true },
  ],
  titleField: 'personName',
  uniqueBy: [['event', 'enterpriseId', 'personName']],
  rules: [
    {
      code: 'personOrHeadcount',
      field: 'personName',
      severity: 'error',
      description: { zh: '填写学员姓名或参加人数之一', en: 'Either a trainee’s name or a number of people' },
      test: (values) => {
        const named = typeof values.personName === 'string' && values.personName.trim() !== '';
        const counted = typeof values.headcount === 'number';
        if (named && counted && values.headcount !== 1) return { key: 'training.namedIsOne' };
        return named || counted ? null : { key: 'training.personOrHeadcount' };
      },
    },
  ],
  derived: [
    {
      key: 'people',
      label: { zh: '人数', en: 'People' },
      compute: (values) => (typeof values.headcount === 'number' ? values.headcount : values.personName ? 1 : null),
    },
  ],
  columns: ['event', 'enterpriseId', 'personName', 'people', 'attendancePct', 'completed'],
  defaultSort: { field: 'event', direction: 'desc' },
};
