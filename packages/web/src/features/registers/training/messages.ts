import type { Catalog } from '../../../app/i18n/types.ts';

export const trainingMessages = {
  'training.outcomes.title': { zh: '培训成效', en: 'Training outcomes' },
  'training.outcomes.hint': {
    zh: '参训企业在活动开始前最近一次与结束后第一次提交的智能制造能力成熟度自评估，以及活动后启动的智改数转项目',
    en: 'Each attending firm’s last maturity self-assessment before the event and its first after it, and the projects it started afterwards',
  },
  'training.outcomes.event': { zh: '培训活动', en: 'Event' },
  'training.outcomes.firms': { zh: '参训企业', en: 'Attending firms' },
  'training.outcomes.withBoth': { zh: '前后均有自评估', en: 'Assessed before and after' },
  'training.outcomes.meanChange': { zh: '平均得分变化', en: 'Mean score change' },
  'training.outcomes.improved': { zh: '成熟度提升', en: 'Improved' },
  'training.outcomes.startedProject': { zh: '活动后启动项目', en: 'Started a project afterwards' },
  'training.outcomes.enterprise': { zh: '企业', en: 'Enterprise' },
  'training.outcomes.people': { zh: '人数', en: 'People' },
  'training.outcomes.before': { zh: '活动前', en: 'Before' },
  'training.outcomes.after': { zh: '活动后', en: 'After' },
  'training.outcomes.change': { zh: '变化', en: 'Change' },
  'training.outcomes.projects': { zh: '之后启动的项目', en: 'Projects started afterwards' },
  'training.outcomes.point': { zh: '{score} 分 · {level} 级（{on}）', en: '{score} · level {level} ({on})' },
  'training.outcomes.none': { zh: '无', en: 'None' },
  'training.outcomes.noEvents': { zh: '还没有培训活动', en: 'No training events yet' },
  'training.outcomes.noFirms': { zh: '该活动还没有登记参训企业', en: 'No attending firms recorded for this event' },
} as const satisfies Catalog;
