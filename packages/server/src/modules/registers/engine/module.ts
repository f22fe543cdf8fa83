import type { RegisterDefinition } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import type { RegisterHooks } from './service.ts';

/** A register on the server: its definition, what it does beyond the shared rules, and its own routes. */
export interface RegisterModule {
  definition: RegisterDefinition;
  hooks?: RegisterHooks;
  /** Routes of its own (a coverage view, a timeline), registered after the shared ones. */
  routes?: (app: FastifyInstance, ctx: AppContext) => void;
}
