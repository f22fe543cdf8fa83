import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';

// Excel template, import (validate → preview → commit) and export: built in its own change.
export function registerRegistryExcelRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
