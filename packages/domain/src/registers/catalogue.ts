import type { RegisterDefinition } from './definition.ts';
import { POLICY_REGISTER } from './policies/policy.ts';
import { UPWARD_RECOMMENDATION_REGISTER } from './recommendations/recommendation.ts';
import { TRAINING_CARRIER_REGISTER } from './talent/carrier.ts';
import { SKILL_HONOUR_REGISTER } from './talent/honour.ts';
import { TALENT_PAYMENT_REGISTER } from './talent/payment.ts';
import { TITLE_REGISTER } from './titles/title.ts';

/** Every register, in menu order. A new register is declared in its folder and listed here. */
export const REGISTERS: readonly RegisterDefinition[] = [
  POLICY_REGISTER,
  TITLE_REGISTER,
  UPWARD_RECOMMENDATION_REGISTER,
  TRAINING_CARRIER_REGISTER,
  SKILL_HONOUR_REGISTER,
  TALENT_PAYMENT_REGISTER,
];

export const registerByKey = (key: string): RegisterDefinition | undefined => REGISTERS.find((r) => r.key === key);
