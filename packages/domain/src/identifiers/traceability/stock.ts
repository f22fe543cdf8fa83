import { epcKey, productKeyOfInstance } from './epc-key.ts';
import { quantityElements, sourceLocation, stringList, summariseEvent, type EpcisEvent } from './events.ts';

// Current stock per location and product, derived from EPCIS events. The rule (CBV 2.0 bizSteps,
// shared/domain/identifiers.md §8): goods are where the event's bizLocation says they now are, and a move
// names where they came from as the sourceList entry of type `location`.
//   receiving          + at bizLocation
//   storing, picking   − at the source location, + at bizLocation (moves inside the warehouse)
//   shipping           − at the source location (they leave; any destination is someone else's)
//   TransformationEvent − inputs, + outputs at bizLocation (repacking, kitting)
// Other bizSteps and DELETE actions leave stock alone. Instance EPCs count 1 each under their product
// (a serialised GTIN under its GTIN); quantity elements count their quantity in their unit ("" = each).
// Quantities are kept in millionths as integers, so sums are exact.

export const WAREHOUSE_STEPS = ['receiving', 'storing', 'picking', 'shipping'] as const;
export type WarehouseStep = (typeof WAREHOUSE_STEPS)[number];

export const QUANTITY_SCALE = 1_000_000;
export const toMicro = (quantity: number): number => Math.round(quantity * QUANTITY_SCALE);
export const fromMicro = (micro: number): number => micro / QUANTITY_SCALE;

export interface StockDelta {
  location: string;
  product: string;
  uom: string;
  /** Change in millionths of the unit. */
  micro: number;
}

export interface Goods {
  product: string;
  uom: string;
  micro: number;
}

/** The goods an event moves: its instance EPCs (1 each, under their product) and its quantity elements. */
export function eventGoods(event: EpcisEvent, epcField = 'epcList', quantityField = 'quantityList'): Goods[] {
  const instances = stringList(event[epcField]).map((epc) => ({ product: productKeyOfInstance(epc), uom: '', micro: QUANTITY_SCALE }));
  const quantities = quantityElements(event[quantityField]).flatMap((q) =>
    q.quantity === null ? [] : [{ product: epcKey(q.epcClass), uom: q.uom ?? '', micro: toMicro(q.quantity) }],
  );
  return [...instances, ...quantities];
}

const at = (location: string | null, items: Goods[], sign: 1 | -1): StockDelta[] =>
  location === null ? [] : items.map((g) => ({ location, product: g.product, uom: g.uom, micro: sign * g.micro }));

/** The stock changes one event makes, merged per location, product and unit (zero changes dropped). */
export function stockDeltas(event: EpcisEvent): StockDelta[] {
  const s = summariseEvent(event);
  let deltas: StockDelta[] = [];
  if (s.type === 'TransformationEvent') {
    deltas = [
      ...at(s.bizLocation, eventGoods(event, 'inputEPCList', 'inputQuantityList'), -1),
      ...at(s.bizLocation, eventGoods(event, 'outputEPCList', 'outputQuantityList'), 1),
    ];
  } else if (s.type === 'ObjectEvent' && s.action !== 'DELETE') {
    const items = eventGoods(event, 'epcList', 'quantityList');
    const from = sourceLocation(event);
    if (s.bizStep === 'receiving') deltas = at(s.bizLocation, items, 1);
    else if (s.bizStep === 'storing' || s.bizStep === 'picking') deltas = [...at(from, items, -1), ...at(s.bizLocation, items, 1)];
    else if (s.bizStep === 'shipping') deltas = at(from, items, -1);
  }
  return mergeDeltas(deltas);
}

export function mergeDeltas(deltas: StockDelta[]): StockDelta[] {
  const merged = new Map<string, StockDelta>();
  for (const d of deltas) {
    const key = JSON.stringify([d.location, d.product, d.uom]);
    const prior = merged.get(key);
    merged.set(key, prior ? { ...prior, micro: prior.micro + d.micro } : { ...d });
  }
  return [...merged.values()].filter((d) => d.micro !== 0);
}

export interface StockLine {
  location: string;
  product: string;
  uom: string;
  quantity: number;
}

/** Stock from scratch: the sum of every event's changes (the projection must always equal this). */
export function deriveStock(events: EpcisEvent[]): StockLine[] {
  return mergeDeltas(events.flatMap(stockDeltas))
    .map((d) => ({ location: d.location, product: d.product, uom: d.uom, quantity: fromMicro(d.micro) }))
    .sort((a, b) => a.location.localeCompare(b.location) || a.product.localeCompare(b.product) || a.uom.localeCompare(b.uom));
}
