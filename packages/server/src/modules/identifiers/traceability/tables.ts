import type { EventSummary } from '@zhizao/domain';
import type { Generated } from 'kysely';

// Traceability (EPCIS events, warehouse stock): its tables as Kysely sees them. Merged into IdentifiersTables.
// Migration 0009_traceability.

export interface EpcisCaptureTable {
  id: string;
  enterpriseId: number;
  capturedBy: number | null;
  apiKeyId: string | null;
  /** The request body exactly as sent. */
  document: string;
  eventCount: number;
  createdAt: string;
  /** GS1-Capture-Error-Behaviour: 'rollback' (all or nothing) or 'proceed'. Migration 0031. */
  errorBehaviour: 'rollback' | 'proceed';
  /** JSON: the events a 'proceed' capture refused (RejectedEvent[]), null when none. */
  errors: string | null;
}

/** The indexed summary (domain EventSummary: bare CBV words, UTC eventTime, location keys) and the event as sent. */
export interface EpcisEventTable extends EventSummary {
  id: Generated<number>;
  captureId: string;
  enterpriseId: number;
  /** Position in its capture. */
  seq: number;
  /** JSON.stringify of the parsed event: same keys, order and values as sent. */
  eventJson: string;
  /** The recordTime the repository gave the event (also in eventJson). */
  recordedAt: string;
  /** JSON: prefix → IRI of the @context the event came with, null when it declared none. Migration 0031. */
  namespaces: string | null;
}

export interface EpcisEventEpcTable {
  epcKey: string;
  eventRowId: number;
  /** domain EpcRole */
  role: string;
}

export interface WarehouseStockTable {
  enterpriseId: number;
  location: string;
  product: string;
  uom: string;
  quantityMicro: number;
  updatedAt: string;
}

/** A named query of the EPCIS REST binding (/queries/{name}). Migration 0031. */
export interface EpcisNamedQueryTable {
  enterpriseId: number;
  name: string;
  /** JSON: the query as sent (EPCIS query-schema.json: lists as arrays). */
  query: string;
  createdBy: number | null;
  apiKeyId: string | null;
  createdAt: string;
}

export interface TraceabilityTables {
  epcisNamedQuery: EpcisNamedQueryTable;
  epcisCapture: EpcisCaptureTable;
  epcisEvent: EpcisEventTable;
  epcisEventEpc: EpcisEventEpcTable;
  warehouseStock: WarehouseStockTable;
}
