import type { RegisterModule } from '../engine/module.ts';
import { trainingCarrierRegister } from './carriers.ts';
import { skillHonourRegister } from './honours.ts';
import { talentPaymentRegister } from './payments.ts';
import { registerTalentRoutes } from './routes.ts';

// The talent registers (seed §二.(五)), in catalogue order: payments point at honours. The figures route
// rides on the payments' module, whose readers it serves.
export const TALENT_REGISTERS: readonly RegisterModule[] = [
  trainingCarrierRegister,
  skillHonourRegister,
  { ...talentPaymentRegister, routes: registerTalentRoutes },
];
