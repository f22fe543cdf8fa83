import { epcKey, identifierKey } from './epc-key.ts';
import type { EpcisEvent } from './events.ts';
import type { WarehouseStep } from './stock.ts';

// The warehouse form (step, product, quantity, from, to) turned into the EPCIS 2.0 ObjectEvent that
// records it, following the stock rule in stock.ts. CBV 2.0 §7.2 (bizSteps) and §7.3 (dispositions).

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
/** Weihai keeps China Standard Time all year. */
export const CHINA_TIME_ZONE_OFFSET = '+08:00';
const LOCATION_URN = 'urn:zhizao:location:';
const PO_URN = 'urn:zhizao:po:';
// Codes people type for locations and orders (shelf A-01-03, PO-2026-001).
const LOCATION_CODE = /^[A-Za-z0-9._-]{1,64}$/;

const DISPOSITION: Record<WarehouseStep, string> = {
  receiving: 'in_progress',
  storing: 'sellable_not_accessible',
  picking: 'in_progress',
  shipping: 'in_transit',
};
const NEEDS: Record<WarehouseStep, { from: boolean; to: boolean }> = {
  receiving: { from: false, to: true },
  storing: { from: true, to: true },
  picking: { from: true, to: true },
  shipping: { from: true, to: false },
};

export interface WarehouseFlowInput {
  step: WarehouseStep;
  /** An identifier: handle (bare, hdl:, resolver URL), Digital Link, EPC URN or another URI. */
  product: string;
  quantity: number;
  uom?: string;
  from?: string;
  to?: string;
  eventTime?: string;
  /** Purchase order (code or URI), recorded as a CBV `po` business transaction. */
  bizTransaction?: string;
}

export type WarehouseFlowProblemKey =
  | 'traceability.locationRequired'
  | 'traceability.locationInvalid'
  | 'traceability.sameLocation'
  | 'traceability.productInvalid'
  | 'traceability.referenceInvalid';
export interface WarehouseFlowProblem {
  field: 'product' | 'from' | 'to' | 'bizTransaction';
  key: WarehouseFlowProblemKey;
}

/** A location as a URI: a short code becomes `urn:zhizao:location:<code>`; a URI stays. */
export function locationUri(location: string): string | null {
  const t = location.trim();
  if (LOCATION_CODE.test(t)) return LOCATION_URN + t;
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(t) ? t : null;
}

/** The lookup key of a location typed as a code or a URI (what stock rows and event filters compare). */
export const locationKey = (location: string): string => epcKey(locationUri(location) ?? location);

/** A business transaction (purchase order) as a URI: a short code becomes `urn:zhizao:po:<code>`; a URI stays. */
export function purchaseOrderUri(reference: string): string | null {
  const t = reference.trim();
  if (LOCATION_CODE.test(t)) return PO_URN + t;
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(t) ? t : null;
}

/** The short code of a location made by `locationUri`, else the URI itself (for display). */
export const locationCode = (uri: string): string => (uri.startsWith(LOCATION_URN) ? uri.slice(LOCATION_URN.length) : uri);

/** The product as the URI an event carries: handles as `hdl:`, GS1 keys as canonical Digital Link. */
export function productUri(product: string): string | null {
  const id = identifierKey(product);
  if (id.kind === 'handle') return `hdl:${id.handle}`;
  if (id.kind === 'gs1') return id.key;
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(id.key) ? id.key : null;
}

export function warehouseFlowProblems(input: WarehouseFlowInput): WarehouseFlowProblem[] {
  const problems: WarehouseFlowProblem[] = [];
  if (productUri(input.product) === null) problems.push({ field: 'product', key: 'traceability.productInvalid' });
  for (const side of ['from', 'to'] as const) {
    const value = input[side];
    if (NEEDS[input.step][side] && !value?.trim()) problems.push({ field: side, key: 'traceability.locationRequired' });
    else if (value?.trim() && locationUri(value) === null) problems.push({ field: side, key: 'traceability.locationInvalid' });
  }
  const [from, to] = [input.from && locationUri(input.from), input.to && locationUri(input.to)];
  if (NEEDS[input.step].from && NEEDS[input.step].to && from && from === to)
    problems.push({ field: 'to', key: 'traceability.sameLocation' });
  if (input.bizTransaction?.trim() && purchaseOrderUri(input.bizTransaction) === null)
    problems.push({ field: 'bizTransaction', key: 'traceability.referenceInvalid' });
  return problems;
}

/** The ObjectEvent for a checked flow (see warehouseFlowProblems). */
export function warehouseFlowEvent(input: WarehouseFlowInput, eventId: string, now: string): EpcisEvent {
  const from = NEEDS[input.step].from && input.from ? locationUri(input.from) : null;
  const to = NEEDS[input.step].to && input.to ? locationUri(input.to) : null;
  const quantity: Record<string, unknown> = { epcClass: productUri(input.product), quantity: input.quantity };
  if (input.uom) quantity.uom = input.uom;
  return {
    '@context': [EPCIS_CONTEXT],
    type: 'ObjectEvent',
    eventID: eventId,
    eventTime: input.eventTime ?? now,
    eventTimeZoneOffset: CHINA_TIME_ZONE_OFFSET,
    action: 'OBSERVE',
    bizStep: input.step,
    disposition: DISPOSITION[input.step],
    readPoint: { id: (to ?? from)! },
    ...(to ? { bizLocation: { id: to } } : {}),
    quantityList: [quantity],
    ...(from ? { sourceList: [{ type: 'location', source: from }] } : {}),
    ...(input.bizTransaction?.trim()
      ? { bizTransactionList: [{ type: 'po', bizTransaction: purchaseOrderUri(input.bizTransaction)! }] }
      : {}),
  };
}
