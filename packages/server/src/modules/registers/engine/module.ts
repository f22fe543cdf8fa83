import type { EntryValues, RegisterDefinition } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import type { Tx } from '../../../db/database.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { RegisterHooks } from './service.ts';

/** Ids a sample row may point at: an enterprise of the district, the district itself, an industry chain. */
export interface SampleContext {
  enterpriseId: number;
  districtCode: string;
  chainCode: string;
  /** A live row of another register, by key (a policy for a reward, a showcase for a visit). */
  rowOf: (register: string) => number;
}

/** What a sample's setup may call: the bureau's API client of the route tests. */
export interface SampleClient {
  post(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
}

/** A register on the server: its definition, what it does beyond the shared rules, and its own routes. */
export interface RegisterModule {
  definition: RegisterDefinition;
  hooks?: RegisterHooks;
  /** Files attached to its rows (engine/files.ts): upload, list, download. */
  files?: boolean;
  /** Routes of its own (a coverage view, a timeline), registered after the shared ones. */
  routes?: (app: FastifyInstance, ctx: AppContext) => void;
  /** One valid row, for the route tests and the bad-input corpus (a fresh one per call: unique keys vary by serial). */
  sample: (context: SampleContext, serial: number) => EntryValues;
  /** What its samples need beyond other registers' rows, made once through the API (a fund to draw on). */
  sampleSetup?: (bureau: SampleClient) => Promise<void>;
  /** The demo city's rows, written through the same checks as typed ones (engine/seed.ts), in catalogue order. */
  demoRows?: (tx: Tx) => Promise<EntryValues[]>;
}
