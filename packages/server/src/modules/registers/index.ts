import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerCorrectionRoutes } from './engine/corrections.routes.ts';
import { registerFileRoutes } from './engine/files.routes.ts';
import type { RegisterModule } from './engine/module.ts';
import { registerEntryRoutes } from './engine/routes.ts';
import { NETWORK_REGISTERS } from './network/index.ts';
import { policyRegister } from './policies/index.ts';
import { TALENT_REGISTERS } from './talent/index.ts';
import { upwardRecommendationRegister } from './recommendations/index.ts';
import { titleRegister } from './titles/index.ts';
import { showcaseKpiRegister, showcaseRegister } from './showcases/index.ts';
import { contestResultRegister, skillsContestRegister, trainingAttendeeRegister, trainingEventRegister } from './training/index.ts';

// The programme's registers (titles, network, talent, training, showcases, policies, upward
// recommendations): each declared in the domain, served by the shared engine, with routes of its own.

export const REGISTER_MODULES: readonly RegisterModule[] = [
  policyRegister,
  titleRegister,
  upwardRecommendationRegister,
  ...TALENT_REGISTERS,
  ...NETWORK_REGISTERS,
  showcaseRegister,
  showcaseKpiRegister,
  trainingEventRegister,
  trainingAttendeeRegister,
  skillsContestRegister,
  contestResultRegister,
];

export function registerRegistersModule(app: FastifyInstance, ctx: AppContext): void {
  // the shared corrections list before the registers' /:id routes, so "corrections" is never read as an id
  registerCorrectionRoutes(app, ctx, REGISTER_MODULES);
  for (const module of REGISTER_MODULES) {
    registerEntryRoutes(app, ctx, module);
    if (module.files) registerFileRoutes(app, ctx, module);
    module.routes?.(app, ctx);
  }
}

export { seedRegisters } from './engine/seed.ts';
