import { CONTEST_RESULT_REGISTER, SKILLS_CONTEST_REGISTER, TRAINING_ATTENDEE_REGISTER, TRAINING_EVENT_REGISTER } from '@zhizao/domain';
import type { RegisterModule } from '../engine/module.ts';
import { demoAttendees, demoContests, demoEvents, demoResults } from './demo.ts';
import { registerOutcomeRoutes } from './outcomes.ts';

export const trainingEventRegister: RegisterModule = {
  definition: TRAINING_EVENT_REGISTER,
  routes: registerOutcomeRoutes,
  sample: (context, serial) => ({
    name: `测试培训班 ${serial}`,
    kind: 'site_visit',
    organiser: '威海市工业和信息化局',
    topic: '智能工厂现场观摩',
    startDate: '2024-04-10',
    endDate: null,
    chain: context.chainCode,
    hostShowcase: context.rowOf('showcases'),
    plannedPlaces: 30,
  }),
  demoRows: demoEvents,
};

export const trainingAttendeeRegister: RegisterModule = {
  definition: TRAINING_ATTENDEE_REGISTER,
  sample: (context, serial) => ({
    event: context.rowOf('training-events'),
    enterpriseId: context.enterpriseId,
    personName: `测试学员${serial}`,
    headcount: null,
    attendancePct: 95,
    completed: true,
  }),
  demoRows: demoAttendees,
};

export const skillsContestRegister: RegisterModule = {
  definition: SKILLS_CONTEST_REGISTER,
  sample: (_context, serial) => ({
    name: `测试职业技能大赛 ${serial}`,
    year: 2024,
    level: 'municipal',
    organiser: '威海市人力资源和社会保障局',
    heldFrom: '2024-10-08',
    heldTo: '2024-10-10',
    events: '数控车工、电工',
  }),
  demoRows: demoContests,
};

export const contestResultRegister: RegisterModule = {
  definition: CONTEST_RESULT_REGISTER,
  sample: (context, serial) => ({
    contest: context.rowOf('skills-contests'),
    personName: `测试选手${serial}`,
    enterpriseId: context.enterpriseId,
    event: '数控车工',
    rank: 1,
    award: 'first',
  }),
  demoRows: demoResults,
};
