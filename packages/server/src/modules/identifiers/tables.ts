import type { TraceabilityTables } from './traceability/tables.ts';

// Identifier resolution secondary node (issue 6): the module's tables, as Kysely sees them (CamelCase). Merged into Database (db/schema.ts).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IdentifiersTables extends TraceabilityTables {}
