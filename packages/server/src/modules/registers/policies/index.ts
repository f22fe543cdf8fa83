import { POLICY_REGISTER } from '@zhizao/domain';
import type { RegisterModule } from '../engine/module.ts';

export const policyRegister: RegisterModule = { definition: POLICY_REGISTER };
