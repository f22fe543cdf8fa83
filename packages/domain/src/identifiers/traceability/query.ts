import { epcKey } from './epc-key.ts';
import { cbvWord, EPCIS_EVENT_TYPES, quantityElements, stringList, type EpcisEvent } from './events.ts';
import { isEpcPattern, matchesAny, type KeyMatcher } from './patterns.ts';
import { preciseInstant } from './time.ts';
import { locationKey } from './warehouse.ts';

// The EPCIS 2.0 SimpleEventQuery (EPCIS 2.0 §8.2.7.1) over one event, as the REST binding sends it: every
// parameter a string, lists separated by `|` (EPCIS 2.0 REST binding, openapi.yaml "query parameters").
// compileQuery turns the parameters into a predicate that decides by itself, plus what a repository can
// narrow on its indexes first (each narrowing keeps a superset of the predicate's events).

/** A parameter the standard defines but the value cannot be read, or a name it does not define. */
export class QueryParameterProblem extends Error {
  constructor(
    readonly parameter: string,
    readonly reason: 'unknown' | 'value' | 'conflict',
  ) {
    super(`${reason}: ${parameter}`);
  }
}

/** The namespaces (prefix → IRI) an event's document declared in its @context, to expand `prefix:field`. */
export type Namespaces = Record<string, string>;

type Predicate = (event: EpcisEvent, ns: Namespaces) => boolean;

/** Where a MATCH_ parameter looks (EPCIS 2.0 §8.2.7.1). */
export const MATCH_FIELDS = {
  MATCH_epc: ['epcList', 'childEPCs'],
  MATCH_parentID: ['parentID'],
  MATCH_inputEPC: ['inputEPCList'],
  MATCH_outputEPC: ['outputEPCList'],
  MATCH_anyEPC: ['epcList', 'childEPCs', 'parentID', 'inputEPCList', 'outputEPCList'],
  MATCH_epcClass: ['quantityList', 'childQuantityList'],
  MATCH_inputEPCClass: ['inputQuantityList'],
  MATCH_outputEPCClass: ['outputQuantityList'],
  MATCH_anyEPCClass: ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'],
} as const;
export type MatchParameter = keyof typeof MATCH_FIELDS;

/** What a repository may filter on before the predicate (all optional; each a superset). */
export interface QueryNarrowing {
  eventTypes?: string[];
  actions?: string[];
  bizSteps?: string[];
  dispositions?: string[];
  readPoints?: string[];
  bizLocations?: string[];
  eventIds?: string[];
  /** Millisecond UTC bounds, widened so that sub-millisecond bounds keep every candidate. */
  fromTime?: string;
  beforeTime?: string;
  fromRecordTime?: string;
  beforeRecordTime?: string;
  /** Exact identifier keys (no patterns), one entry per MATCH_ parameter: the event names one of them. */
  identifiers: { parameter: MatchParameter; keys: string[] }[];
}

export type OrderField = 'eventTime' | 'recordTime';

export interface CompiledQuery {
  matches: Predicate;
  narrowing: QueryNarrowing;
  /** null: the repository's own order (eventTime ascending). */
  order: { field: OrderField; direction: 'ASC' | 'DESC' } | null;
  eventCountLimit: number | null;
  maxEventCount: number | null;
}

/** The values of a list parameter: `a|b|c` (empty items dropped). */
export const listValue = (value: string): string[] => value.split('|').filter((v) => v !== '');

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const idOf = (v: unknown): string | null => (v && typeof v === 'object' ? str((v as { id?: unknown }).id) : null);
const objects = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x)) : [];

/** Millisecond-floor of a precise instant (`…31.1161Z` → `…31.116Z`), and the next millisecond when digits were cut. */
function msBounds(precise: string): { floor: string; ceil: string } {
  const floor = `${precise.slice(0, 23)}Z`;
  const cut = /[1-9]/.test(precise.slice(23, 29));
  return { floor, ceil: cut ? new Date(Date.parse(floor) + 1).toISOString() : floor };
}

function timeParameter(name: string, value: string): string {
  const t = preciseInstant(value);
  if (!t) throw new QueryParameterProblem(name, 'value');
  return t;
}

function integerParameter(name: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new QueryParameterProblem(name, 'value');
  return Number(value);
}

/** A comparison of a field's value with the parameter's (numbers as numbers, date-times as instants, else text). */
type Comparison = 'EQ' | 'GT' | 'GE' | 'LT' | 'LE';
function compareValues(op: Comparison, actual: unknown, wanted: string[]): boolean {
  if (actual === null || actual === undefined || typeof actual === 'object') return false;
  const text = String(actual);
  if (op === 'EQ') return wanted.some((w) => w === text || (typeof actual === 'number' && Number(w) === actual));
  const want = wanted[0]!;
  let diff: number;
  if (typeof actual === 'number' || (/^-?\d+(\.\d+)?$/.test(text) && /^-?\d+(\.\d+)?$/.test(want))) diff = Number(text) - Number(want);
  else {
    const [a, b] = [preciseInstant(text), preciseInstant(want)];
    if (!a || !b) return false;
    diff = a < b ? -1 : a > b ? 1 : 0;
  }
  return op === 'GT' ? diff > 0 : op === 'GE' ? diff >= 0 : op === 'LT' ? diff < 0 : diff <= 0;
}

/**
 * The value of an extension field named in a query: `prefix:local` as written in the event, or the expanded
 * IRI (namespace + local name) that the event's @context gives it.
 */
function fieldValues(holder: unknown, name: string, ns: Namespaces, inner: boolean): unknown[] {
  const found: unknown[] = [];
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, depth));
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const colon = key.indexOf(':');
      const expanded = colon > 0 && ns[key.slice(0, colon)] ? ns[key.slice(0, colon)]! + key.slice(colon + 1) : key;
      if ((key === name || expanded === name) && (inner ? depth > 0 : depth === 0)) found.push(...(Array.isArray(value) ? value : [value]));
      if (inner && value && typeof value === 'object') visit(value, depth + 1);
    }
  };
  visit(holder, 0);
  return found;
}

// EPCIS 2.0 §8.2.7.1: sensor parameters name fields of sensorMetadata and of each sensorReport.
const SENSOR_METADATA_FIELDS = [
  'time',
  'startTime',
  'endTime',
  'deviceID',
  'deviceMetadata',
  'rawData',
  'dataProcessingMethod',
  'bizRules',
];
const SENSOR_REPORT_FIELDS = [
  'type',
  'exception',
  'deviceID',
  'deviceMetadata',
  'rawData',
  'dataProcessingMethod',
  'time',
  'microorganism',
  'chemicalSubstance',
  'value',
  'component',
  'stringValue',
  'booleanValue',
  'hexBinaryValue',
  'uriValue',
  'minValue',
  'maxValue',
  'meanValue',
  'sDev',
  'percRank',
  'percValue',
  'uom',
  'coordinateReferenceSystem',
];
const SENSOR_FIELDS = new Set([...SENSOR_METADATA_FIELDS, ...SENSOR_REPORT_FIELDS]);

function sensorValues(event: EpcisEvent, field: string): unknown[] {
  const values: unknown[] = [];
  for (const element of objects(event.sensorElementList)) {
    const meta = element.sensorMetadata as Record<string, unknown> | undefined;
    if (meta && SENSOR_METADATA_FIELDS.includes(field) && meta[field] !== undefined) values.push(meta[field]);
    if (SENSOR_REPORT_FIELDS.includes(field))
      for (const report of objects(element.sensorReport)) if (report[field] !== undefined) values.push(report[field]);
  }
  return values;
}

/** Identifier values in the fields a MATCH_ parameter looks at. */
function matchValues(event: EpcisEvent, parameter: MatchParameter): string[] {
  return MATCH_FIELDS[parameter].flatMap((field) =>
    field.endsWith('QuantityList') || field === 'quantityList'
      ? quantityElements(event[field]).map((q) => q.epcClass)
      : field === 'parentID'
        ? stringList([event.parentID])
        : stringList(event[field]),
  );
}

// a location code typed on the warehouse page (A-01-03) stands for its location URI (warehouse.ts)
const sameLocation = (wanted: string[]) => {
  const keys = new Set(wanted.map(locationKey));
  return (value: string | null) => value !== null && keys.has(epcKey(value));
};

/** bizTransaction / source / destination lists: entries whose type is the one named, with one of the values. */
function typedEntries(event: EpcisEvent, list: string, valueField: string, type: string, wanted: string[]): boolean {
  const bare = (t: string) =>
    t.replace(/^(?:urn:epcglobal:cbv:(?:btt|sdt):|https?:\/\/(?:ref\.gs1\.org\/cbv|gs1\.org\/voc)\/(?:BTT|SDT)-)/, '');
  const keys = new Set(wanted.map(epcKey));
  return objects(event[list]).some((entry) => {
    const value = str(entry[valueField]);
    return bare(str(entry.type) ?? '') === bare(type) && value !== null && (wanted.includes(value) || keys.has(epcKey(value)));
  });
}

interface Builder {
  predicates: Predicate[];
  narrowing: QueryNarrowing;
}

const TYPED_LISTS: Record<string, [string, string]> = {
  EQ_bizTransaction_: ['bizTransactionList', 'bizTransaction'],
  EQ_source_: ['sourceList', 'source'],
  EQ_destination_: ['destinationList', 'destination'],
};

type TimeField = 'eventTime' | 'recordTime' | 'errorDeclarationTime';

function addTimeBound(b: Builder, name: string, value: string): void {
  const [op, field] = [name.slice(0, 2), name.slice(3)] as ['GE' | 'LT', TimeField];
  const bound = timeParameter(name, value);
  const actual = (event: EpcisEvent) =>
    field === 'errorDeclarationTime'
      ? str((event.errorDeclaration as { declarationTime?: unknown } | undefined)?.declarationTime)
      : str(event[field]);
  b.predicates.push((event) => {
    const at = preciseInstant(actual(event) ?? '');
    return at !== null && (op === 'GE' ? at >= bound : at < bound);
  });
  const ms = msBounds(bound);
  if (field === 'eventTime') b.narrowing[op === 'GE' ? 'fromTime' : 'beforeTime'] = op === 'GE' ? ms.floor : ms.ceil;
  if (field === 'recordTime') b.narrowing[op === 'GE' ? 'fromRecordTime' : 'beforeRecordTime'] = op === 'GE' ? ms.floor : ms.ceil;
}

function addMatch(b: Builder, name: MatchParameter, values: string[]): void {
  const matcher: KeyMatcher = matchesAny(values);
  b.predicates.push((event) => matchValues(event, name).some((v) => matcher(v)));
  // patterns are left to the predicate; exact values narrow on the identifier index
  if (!values.some(isEpcPattern)) b.narrowing.identifiers.push({ parameter: name, keys: values.map(epcKey) });
}

/** EQ_/GT_/GE_/LT_/LE_/EXISTS_ on an extension field (names with a namespace: `example:myField` or an IRI), ILMD, INNER. */
function addFieldParameter(b: Builder, name: string, value: string): boolean {
  const m = /^(EQ|GT|GE|LT|LE|EXISTS)_(INNER_)?(ILMD_)?(.+)$/.exec(name);
  if (!m || !m[4]!.includes(':')) return false;
  const [op, inner, ilmd, field] = [m[1] as Comparison | 'EXISTS', !!m[2], !!m[3], m[4]!];
  const holder = (event: EpcisEvent) => (ilmd ? event.ilmd : event);
  if (op === 'EXISTS') {
    b.predicates.push((event, ns) => fieldValues(holder(event), field, ns, inner).length > 0);
    return true;
  }
  const wanted = op === 'EQ' ? listValue(value) : [value];
  b.predicates.push((event, ns) => fieldValues(holder(event), field, ns, inner).some((v) => compareValues(op, v, wanted)));
  return true;
}

function addSensorParameter(b: Builder, name: string, value: string): boolean {
  const m = /^(EQ|GT|GE|LT|LE|EXISTS)_(.+)$/.exec(name);
  if (!m || !SENSOR_FIELDS.has(m[2]!)) return false;
  const [op, field] = [m[1] as Comparison | 'EXISTS', m[2]!];
  if (op === 'EXISTS') b.predicates.push((event) => sensorValues(event, field).length > 0);
  else {
    const wanted = op === 'EQ' ? listValue(value) : [value];
    b.predicates.push((event) => sensorValues(event, field).some((v) => compareValues(op, v, wanted)));
  }
  return true;
}

/** The quantity parameters (EPCIS 2.0 keeps them for QuantityEvent-like extensions): any quantity element, or a `quantity` field. */
function addQuantity(b: Builder, name: string, value: string): void {
  const op = name.slice(0, 2) as Comparison;
  if (Number.isNaN(Number(value))) throw new QueryParameterProblem(name, 'value');
  b.predicates.push((event) => {
    const quantities: unknown[] = MATCH_FIELDS.MATCH_anyEPCClass.flatMap((list) => quantityElements(event[list]).map((q) => q.quantity));
    if (typeof event.quantity === 'number') quantities.push(event.quantity);
    return quantities.some((q) => compareValues(op, q, [value]));
  });
}

function addParameter(b: Builder, name: string, value: string): void {
  const list = listValue(value);
  const { predicates, narrowing } = b;
  switch (name) {
    case 'eventType':
      narrowing.eventTypes = list;
      return void predicates.push((e) => list.includes(str(e.type) ?? ''));
    case 'EQ_action':
      if (!list.every((a) => ['ADD', 'OBSERVE', 'DELETE'].includes(a))) throw new QueryParameterProblem(name, 'value');
      narrowing.actions = list;
      return void predicates.push((e) => list.includes(str(e.action) ?? ''));
    case 'EQ_bizStep':
    case 'EQ_disposition': {
      const vocabulary = name === 'EQ_bizStep' ? 'bizStep' : 'disposition';
      const words = list.map((v) => cbvWord(vocabulary, v));
      narrowing[vocabulary === 'bizStep' ? 'bizSteps' : 'dispositions'] = words;
      return void predicates.push((e) => words.includes(cbvWord(vocabulary, str(e[vocabulary]) ?? '')));
    }
    case 'EQ_persistentDisposition_set':
    case 'EQ_persistentDisposition_unset': {
      const words = list.map((v) => cbvWord('disposition', v));
      const part = name.endsWith('_set') ? 'set' : 'unset';
      return void predicates.push((e) =>
        stringList((e.persistentDisposition as Record<string, unknown> | undefined)?.[part]).some((d) =>
          words.includes(cbvWord('disposition', d)),
        ),
      );
    }
    // Without vocabulary master data no location has descendants: WD_ matches the locations themselves.
    case 'EQ_readPoint':
    case 'WD_readPoint':
    case 'EQ_bizLocation':
    case 'WD_bizLocation': {
      const field = name.endsWith('readPoint') ? 'readPoint' : 'bizLocation';
      const same = sameLocation(list);
      narrowing[field === 'readPoint' ? 'readPoints' : 'bizLocations'] = list.map(locationKey);
      return void predicates.push((e) => same(idOf(e[field])));
    }
    case 'EQ_transformationID':
      return void predicates.push((e) => list.includes(str(e.transformationID) ?? ''));
    case 'EQ_eventID':
      narrowing.eventIds = list;
      return void predicates.push((e) => list.includes(str(e.eventID) ?? ''));
    case 'EXISTS_errorDeclaration':
      return void predicates.push((e) => !!e.errorDeclaration && typeof e.errorDeclaration === 'object');
    case 'EQ_errorReason': {
      const bare = (r: string) => r.replace(/^(?:urn:epcglobal:cbv:er:|https?:\/\/(?:ref\.gs1\.org\/cbv|gs1\.org\/voc)\/ER-)/, '');
      const reasons = list.map(bare);
      return void predicates.push((e) =>
        reasons.includes(bare(str((e.errorDeclaration as { reason?: unknown } | undefined)?.reason) ?? '')),
      );
    }
    case 'EQ_correctiveEventID':
      return void predicates.push((e) =>
        stringList((e.errorDeclaration as { correctiveEventIDs?: unknown } | undefined)?.correctiveEventIDs).some((id) =>
          list.includes(id),
        ),
      );
    case 'GE_eventTime':
    case 'LT_eventTime':
    case 'GE_recordTime':
    case 'LT_recordTime':
    case 'GE_errorDeclarationTime':
    case 'LT_errorDeclarationTime':
      return addTimeBound(b, name, value);
    case 'EQ_quantity':
    case 'GT_quantity':
    case 'GE_quantity':
    case 'LT_quantity':
    case 'LE_quantity':
      return addQuantity(b, name, value);
  }
  if (name in MATCH_FIELDS) return addMatch(b, name as MatchParameter, list);
  const typed = Object.keys(TYPED_LISTS).find((p) => name.startsWith(p) && name.length > p.length);
  if (typed) {
    const [listField, valueField] = TYPED_LISTS[typed]!;
    return void predicates.push((e) => typedEntries(e, listField, valueField, name.slice(typed.length), list));
  }
  // Master-data attributes: no vocabulary master data is captured, so no element has one.
  if (/^(HASATTR|EQATTR)_./.test(name)) return void predicates.push(() => false);
  if (addFieldParameter(b, name, value) || addSensorParameter(b, name, value)) return;
  throw new QueryParameterProblem(name, 'unknown');
}

/** Parameters that shape the result rather than select events, and the REST binding's paging. */
const CONTROL = new Set(['orderBy', 'orderDirection', 'eventCountLimit', 'maxEventCount', 'perPage', 'nextPageToken']);

/** Compiles REST query parameters (name → value as sent); throws QueryParameterProblem naming the parameter. */
export function compileQuery(params: Record<string, string>): CompiledQuery {
  const b: Builder = { predicates: [], narrowing: { identifiers: [] } };
  for (const [name, value] of Object.entries(params)) {
    if (CONTROL.has(name)) continue;
    if (value === '' && !name.startsWith('EXISTS_')) throw new QueryParameterProblem(name, 'value');
    addParameter(b, name, value);
  }
  const { orderBy, orderDirection, eventCountLimit, maxEventCount } = params;
  if (orderBy !== undefined && orderBy !== 'eventTime' && orderBy !== 'recordTime') throw new QueryParameterProblem('orderBy', 'value');
  if (orderDirection !== undefined && orderDirection !== 'ASC' && orderDirection !== 'DESC')
    throw new QueryParameterProblem('orderDirection', 'value');
  // §8.2.7.1: both limits at once is an error
  if (eventCountLimit !== undefined && maxEventCount !== undefined) throw new QueryParameterProblem('maxEventCount', 'conflict');
  const predicates = b.predicates;
  return {
    matches: (event, ns) => predicates.every((p) => p(event, ns)),
    narrowing: b.narrowing,
    // orderDirection without orderBy orders by eventTime; the standard's default direction is DESC
    order:
      orderBy !== undefined || orderDirection !== undefined
        ? { field: (orderBy ?? 'eventTime') as OrderField, direction: (orderDirection ?? 'DESC') as 'ASC' | 'DESC' }
        : null,
    eventCountLimit: eventCountLimit === undefined ? null : integerParameter('eventCountLimit', eventCountLimit, 1),
    maxEventCount: maxEventCount === undefined ? null : integerParameter('maxEventCount', maxEventCount, 0),
  };
}

/** Whether an event type is one the standard defines or a namespaced extension type (`example:CustomEvent`). */
export const isEpcisEventType = (type: unknown): boolean =>
  typeof type === 'string' && ((EPCIS_EVENT_TYPES as readonly string[]).includes(type) || /^[A-Za-z][\w.-]*:\S+$/.test(type));
