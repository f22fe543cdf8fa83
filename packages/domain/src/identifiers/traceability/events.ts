import { epcKey } from './epc-key.ts';

// What the server indexes of an EPCIS 2.0 event, read from the event as sent (never changing it).
// Field names: EPCIS 2.0 JSON schema (shared/standards/epcis/EPCIS-JSON-Schema.json); CBV 2.0 vocabulary
// URIs reduce to their bare words (shared/domain/identifiers.md §8).

export type EpcisEvent = Record<string, unknown>;

export const EPCIS_EVENT_TYPES = [
  'ObjectEvent',
  'AggregationEvent',
  'TransformationEvent',
  'TransactionEvent',
  'AssociationEvent',
] as const;

/**
 * Where an identifier sits in an event: instance EPC lists, a quantity element's class, or — for
 * warehouse lookups, never matched as an EPC — the business location and the source location.
 */
export type EpcRole = 'epc' | 'parent' | 'child' | 'input' | 'output' | 'class' | 'location' | 'source';
export const INSTANCE_ROLES: readonly EpcRole[] = ['epc', 'parent', 'child', 'input', 'output'];
/** The roles in which an event is about an object (what /epcs/{epc}/events and the trace page match). */
export const OBJECT_ROLES: readonly EpcRole[] = [...INSTANCE_ROLES, 'class'];
export const LOCATION_ROLES: readonly EpcRole[] = ['location', 'source'];

// CBV 2.0 §7–8 forms of a vocabulary word: URN (EPCIS 1.x), GS1 Web vocabulary URIs, or the bare word.
const CBV_FORMS: Record<'bizStep' | 'disposition' | 'sdt', RegExp> = {
  bizStep: /^(?:urn:epcglobal:cbv:bizstep:|https?:\/\/ref\.gs1\.org\/cbv\/BizStep-|https?:\/\/gs1\.org\/voc\/BizStep-)(.+)$/,
  disposition: /^(?:urn:epcglobal:cbv:disp:|https?:\/\/ref\.gs1\.org\/cbv\/Disp-|https?:\/\/gs1\.org\/voc\/Disp-)(.+)$/,
  sdt: /^(?:urn:epcglobal:cbv:sdt:|https?:\/\/ref\.gs1\.org\/cbv\/SDT-|https?:\/\/gs1\.org\/voc\/SDT-)(.+)$/,
};

/** A CBV word in its bare form (`shipping`), whichever form was sent; other URIs stay as they are. */
export function cbvWord(vocabulary: keyof typeof CBV_FORMS, value: string): string {
  return CBV_FORMS[vocabulary].exec(value)?.[1] ?? value;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const idOf = (v: unknown): string | null => (v && typeof v === 'object' ? str((v as { id?: unknown }).id) : null);

export interface QuantityElement {
  epcClass: string;
  quantity: number | null;
  uom: string | null;
}

export function quantityElements(v: unknown): QuantityElement[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((q) => {
    const epcClass = q && typeof q === 'object' ? str((q as { epcClass?: unknown }).epcClass) : null;
    if (!epcClass) return [];
    const { quantity, uom } = q as { quantity?: unknown; uom?: unknown };
    return [{ epcClass, quantity: typeof quantity === 'number' ? quantity : null, uom: str(uom) }];
  });
}

export interface EventIdentifier {
  key: string;
  role: EpcRole;
}

/** Every identifier an event names, keyed for lookup, each role once. */
export function eventIdentifiers(event: EpcisEvent): EventIdentifier[] {
  const found: EventIdentifier[] = [];
  const add = (role: EpcRole, values: string[]) => values.forEach((v) => found.push({ key: epcKey(v), role }));
  add('epc', stringList(event.epcList));
  add('parent', stringList([event.parentID]));
  add('child', stringList(event.childEPCs));
  add('input', stringList(event.inputEPCList));
  add('output', stringList(event.outputEPCList));
  for (const list of ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList']) {
    add(
      'class',
      quantityElements(event[list]).map((q) => q.epcClass),
    );
  }
  const location = idOf(event.bizLocation);
  if (location) found.push({ key: epcKey(location), role: 'location' });
  const source = sourceLocation(event);
  if (source) found.push({ key: source, role: 'source' });
  const seen = new Set<string>();
  return found.filter((f) => !seen.has(`${f.role} ${f.key}`) && seen.add(`${f.role} ${f.key}`));
}

export interface EventSummary {
  type: string;
  eventId: string | null;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  /** eventTime in UTC (ISO, milliseconds), for ordering and ranges. */
  eventTime: string;
  eventTimeZoneOffset: string;
  readPoint: string | null;
  bizLocation: string | null;
}

/** Normalises an ISO 8601 date-time with any offset and up to nanosecond digits to UTC milliseconds. */
export function utcInstant(dateTime: string): string | null {
  // JavaScript's parser takes at most millisecond digits reliably: trim longer fractions first.
  const trimmed = dateTime.replace(/(\.\d{3})\d+/, '$1');
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The indexed summary of a schema-valid event. */
export function summariseEvent(event: EpcisEvent): EventSummary {
  const bizStep = str(event.bizStep);
  const disposition = str(event.disposition);
  const readPoint = idOf(event.readPoint);
  const bizLocation = idOf(event.bizLocation);
  return {
    type: str(event.type) ?? '',
    eventId: str(event.eventID),
    action: str(event.action),
    bizStep: bizStep === null ? null : cbvWord('bizStep', bizStep),
    disposition: disposition === null ? null : cbvWord('disposition', disposition),
    eventTime: utcInstant(str(event.eventTime) ?? '') ?? '',
    eventTimeZoneOffset: str(event.eventTimeZoneOffset) ?? '',
    readPoint: readPoint === null ? null : epcKey(readPoint),
    bizLocation: bizLocation === null ? null : epcKey(bizLocation),
  };
}

/** The location a flow came from: the `location` entry of sourceList (CBV source/destination type). */
export function sourceLocation(event: EpcisEvent): string | null {
  if (!Array.isArray(event.sourceList)) return null;
  for (const s of event.sourceList) {
    if (s && typeof s === 'object' && cbvWord('sdt', str((s as { type?: unknown }).type) ?? '') === 'location') {
      const source = str((s as { source?: unknown }).source);
      if (source) return epcKey(source);
    }
  }
  return null;
}
