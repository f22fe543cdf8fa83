import type { RegisterDefinition } from './definition.ts';
import { POLICY_REGISTER } from './policies/policy.ts';
import { SHOWCASE_KPI_REGISTER } from './showcases/kpi.ts';
import { SHOWCASE_REGISTER } from './showcases/showcase.ts';
import { TRAINING_ATTENDEE_REGISTER } from './training/attendee.ts';
import { CONTEST_RESULT_REGISTER, SKILLS_CONTEST_REGISTER } from './training/contest.ts';
import { TRAINING_EVENT_REGISTER } from './training/event.ts';

/** Every register, in menu order. A new register is declared in its folder and listed here. */
export const REGISTERS: readonly RegisterDefinition[] = [
  POLICY_REGISTER,
  SHOWCASE_REGISTER,
  SHOWCASE_KPI_REGISTER,
  TRAINING_EVENT_REGISTER,
  TRAINING_ATTENDEE_REGISTER,
  SKILLS_CONTEST_REGISTER,
  CONTEST_RESULT_REGISTER,
];

export const registerByKey = (key: string): RegisterDefinition | undefined => REGISTERS.find((r) => r.key === key);
