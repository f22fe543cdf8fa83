import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';

/** Recognition ladder (issue 4): registers every route of the module. */
export function registerRecognitionModule(_app: FastifyInstance, _ctx: AppContext): void {}
