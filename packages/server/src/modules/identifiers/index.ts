import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';

/** Identifier resolution secondary node (issue 6): registers every route of the module. */
export function registerIdentifiersModule(_app: FastifyInstance, _ctx: AppContext): void {}
