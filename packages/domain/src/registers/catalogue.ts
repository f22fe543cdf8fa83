import type { RegisterDefinition } from './definition.ts';
import { POLICY_REGISTER } from './policies/policy.ts';

/** Every register, in menu order. A new register is declared in its folder and listed here. */
export const REGISTERS: readonly RegisterDefinition[] = [POLICY_REGISTER];

export const registerByKey = (key: string): RegisterDefinition | undefined => REGISTERS.find((r) => r.key === key);
