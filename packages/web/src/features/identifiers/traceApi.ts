import type { EventSummary } from '@zhizao/domain';
import { api, queryString } from '../../app/api/client.ts';

// Traceability routes (EPCIS events, warehouse flows, the public trace), as API-NOTES.md in the worktree describes them.

export interface EventFilter {
  epc?: string;
  bizStep?: string;
  from?: string;
  to?: string;
  location?: string;
}

/** A captured event as the events list shows it: the domain's summary plus where it came from. */
export interface EventRow extends EventSummary {
  id: number;
  bizLocationCode: string | null;
  epcs: string[];
  enterpriseName: string | null;
  event: unknown;
}

export interface StockRow {
  location: string;
  locationCode: string;
  product: string;
  uom: string;
  quantity: number;
  updatedAt: string;
}

/** One receiving, storing, picking or shipping event and the product lines it moved. */
export interface Movement {
  id: number;
  eventId: string | null;
  bizStep: string | null;
  eventTime: string;
  eventTimeZoneOffset: string;
  from: string | null;
  to: string | null;
  items: { product: string; uom: string; quantity: number }[];
}

export const FLOW_STEPS = ['receiving', 'storing', 'picking', 'shipping'] as const;
export type FlowStep = (typeof FLOW_STEPS)[number];

export interface FlowInput {
  step: FlowStep;
  product: string;
  quantity: number;
  uom?: string;
  from?: string;
  to?: string;
  /** Purchase order code or URI. */
  bizTransaction?: string;
}

/** What the public trace page may show: public values only, and events without locations or quantities. */
export interface TraceView {
  id: string;
  kind: 'handle' | 'gs1' | 'other';
  handle: string | null;
  digitalLink: string | null;
  product: {
    handle: string;
    prefix: string;
    enterpriseName: string;
    templateVersion: string | null;
    values: { index: number; type: string; value: string; name?: string | null }[];
  } | null;
  events: {
    type: string;
    action: string | null;
    bizStep: string | null;
    disposition: string | null;
    eventTime: string;
    eventTimeZoneOffset: string;
    enterpriseName: string | null;
  }[];
  eventCount: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

/** The page's filter names mapped onto the server's: `identifier` matches any role (instance lists or quantity classes), the rest are EPCIS names. */
const eventQuery = (f: EventFilter) => ({
  identifier: f.epc,
  EQ_bizStep: f.bizStep,
  GE_eventTime: f.from,
  LT_eventTime: f.to,
  EQ_bizLocation: f.location,
});

export const fetchEvents = (f: EventFilter & { page: number; pageSize: number }, signal?: AbortSignal) =>
  api<Paged<EventRow>>(`/api/traceability/events${queryString({ ...eventQuery(f), page: f.page, pageSize: f.pageSize })}`, { signal });

export const fetchStock = (q: { location?: string; product?: string }) =>
  api<{ items: StockRow[] }>(`/api/traceability/warehouse/stock${queryString(q)}`);
export const fetchMovements = (q: { location?: string; product?: string; page: number; pageSize: number }) =>
  api<Paged<Movement>>(`/api/traceability/warehouse/movements${queryString(q)}`);
export const recordFlow = (body: FlowInput) => api<{ eventId: string }>('/api/traceability/warehouse/flows', { method: 'POST', body });

export const fetchTrace = (id: string) => api<TraceView>(`/api/trace${queryString({ id })}`);
