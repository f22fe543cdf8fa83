import type { RegisterDefinition } from './definition.ts';
import { POLICY_REGISTER } from './policies/policy.ts';
import { UPWARD_RECOMMENDATION_REGISTER } from './recommendations/recommendation.ts';
import { TITLE_REGISTER } from './titles/title.ts';

/** Every register, in menu order. A new register is declared in its folder and listed here. */
export const REGISTERS: readonly RegisterDefinition[] = [POLICY_REGISTER, TITLE_REGISTER, UPWARD_RECOMMENDATION_REGISTER];

export const registerByKey = (key: string): RegisterDefinition | undefined => REGISTERS.find((r) => r.key === key);
