import type { RegisterDefinition } from './definition.ts';
import { BASE_STATION_REGISTER } from './network/base-station.ts';
import { GIGABIT_INDICATOR_REGISTER } from './network/gigabit-indicator.ts';
import { KEY_PLACE_REGISTER } from './network/key-place.ts';
import { OBSTACLE_REGISTER } from './network/obstacle.ts';
import { POLICY_REGISTER } from './policies/policy.ts';
import { UPWARD_RECOMMENDATION_REGISTER } from './recommendations/recommendation.ts';
import { TRAINING_CARRIER_REGISTER } from './talent/carrier.ts';
import { SKILL_HONOUR_REGISTER } from './talent/honour.ts';
import { TALENT_PAYMENT_REGISTER } from './talent/payment.ts';
import { TITLE_REGISTER } from './titles/title.ts';
import { SHOWCASE_KPI_REGISTER } from './showcases/kpi.ts';
import { SHOWCASE_REGISTER } from './showcases/showcase.ts';
import { TRAINING_ATTENDEE_REGISTER } from './training/attendee.ts';
import { CONTEST_RESULT_REGISTER, SKILLS_CONTEST_REGISTER } from './training/contest.ts';
import { TRAINING_EVENT_REGISTER } from './training/event.ts';

/** Every register, in menu order. A new register is declared in its folder and listed here. */
export const REGISTERS: readonly RegisterDefinition[] = [
  POLICY_REGISTER,
  TITLE_REGISTER,
  UPWARD_RECOMMENDATION_REGISTER,
  TRAINING_CARRIER_REGISTER,
  SKILL_HONOUR_REGISTER,
  TALENT_PAYMENT_REGISTER,
  // network: key places before the base stations that serve them
  KEY_PLACE_REGISTER,
  BASE_STATION_REGISTER,
  GIGABIT_INDICATOR_REGISTER,
  OBSTACLE_REGISTER,
  SHOWCASE_REGISTER,
  SHOWCASE_KPI_REGISTER,
  TRAINING_EVENT_REGISTER,
  TRAINING_ATTENDEE_REGISTER,
  SKILLS_CONTEST_REGISTER,
  CONTEST_RESULT_REGISTER,
];

export const registerByKey = (key: string): RegisterDefinition | undefined => REGISTERS.find((r) => r.key === key);
