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
  recordedAt: string;
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

export interface TraceabilityTables {
  epcisCapture: EpcisCaptureTable;
  epcisEvent: EpcisEventTable;
  epcisEventEpc: EpcisEventEpcTable;
  warehouseStock: WarehouseStockTable;
}
