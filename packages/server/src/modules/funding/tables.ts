// Projects and subsidy funds (issue 5): the module's tables, as Kysely sees them (CamelCase). Merged into Database (db/schema.ts).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FundingTables {}
