// Traceability (EPCIS events, warehouse stock): its tables as Kysely sees them. Merged into IdentifiersTables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TraceabilityTables {}
