import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';

/** Projects and subsidy funds (issue 5): registers every route of the module. */
export function registerFundingModule(_app: FastifyInstance, _ctx: AppContext): void {}
