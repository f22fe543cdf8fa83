import type { TraceabilityTables } from './traceability/tables.ts';

// Identifier resolution secondary node (issue 6): the module's tables, as Kysely sees them (CamelCase). Merged into Database (db/schema.ts).
// Migration 0008_identifiers; the design is in the module's routes' comments and API notes.

export interface IdPrefixTable {
  /** `88.999.7`: the node prefix and the serial. */
  prefix: string;
  enterpriseId: number;
  status: string;
  creditCode: string;
  enterpriseName: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  purpose: string;
  appliedBy: number | null;
  appliedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  decisionNote: string | null;
  serial: number;
  version: number;
}

export interface IdTemplateTable {
  prefix: string;
  version: string;
  /** TemplateDefinition (domain identifiers/template.ts) as JSON. */
  definitionJson: string;
  createdBy: number | null;
  createdAt: string;
}

export interface IdIdentifierTable {
  /** ASCII-upper-cased handle: handles are case-insensitive. */
  handleKey: string;
  /** As first registered. */
  handle: string;
  templateVersion: string | null;
  /** HandleValue[] (domain identifiers/handle.ts) as JSON. */
  valuesJson: string;
  createdAt: string;
  updatedAt: string;
}

export interface IdGrantTable {
  prefix: string;
  granteeEnterpriseId: number;
  createdBy: number | null;
  createdAt: string;
}

export interface IdApiKeyTable {
  id: string;
  enterpriseId: number;
  /** SM3 of the secret. */
  secretHash: string;
  /** SHA-256 of the secret, for SNMS's digest login (`/identity/token/v1`); null on keys made before it. */
  secretSha256: string | null;
  label: string;
  createdBy: number | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface IdTokenTable {
  tokenHash: string;
  enterpriseId: number;
  apiKeyId: string;
  expiresAt: string;
}

export interface IdStatDailyTable {
  day: string;
  enterpriseId: number;
  registrations: number;
  resolutions: number;
}

export interface IdUploadJobTable {
  id: string;
  enterpriseId: number;
  userId: number;
  fileName: string;
  prefix: string;
  templateVersion: string;
  status: string;
  total: number;
  processed: number;
  registered: number;
  errorsJson: string;
  createdAt: string;
  finishedAt: string | null;
}

export interface IdentifiersTables extends TraceabilityTables {
  idPrefix: IdPrefixTable;
  idTemplate: IdTemplateTable;
  idIdentifier: IdIdentifierTable;
  idGrant: IdGrantTable;
  idApiKey: IdApiKeyTable;
  idToken: IdTokenTable;
  idStatDaily: IdStatDailyTable;
  idUploadJob: IdUploadJobTable;
}
