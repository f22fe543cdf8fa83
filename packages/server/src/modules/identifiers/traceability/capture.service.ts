import { createHash, randomUUID } from 'node:crypto';
import {
  eventIdentifiers,
  fromMicro,
  isEpcisEventType,
  locationCode,
  mergeDeltas,
  stockDeltas,
  summariseEvent,
  type EpcisEvent,
  type Namespaces,
} from '@zhizao/domain';
import { constraintViolated, type Tx } from '../../../db/database.ts';
import type { AuditActor } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, type FieldProblemDetail } from '../../../platform/errors.ts';
import { addStock, capturedEventIds, insertEpcRows, insertEvents } from './repo.ts';
import { epcisSchemaProblems } from './schema.ts';

// EPCIS 2.0 capture: validate the body against GS1's schema, then store every event with its identifiers
// and stock changes, and the audit entry, in one transaction. The repository sets each event's recordTime
// (EPCIS 2.0 §7.4.1: a client's value is replaced) and gives an eventID to an event that has none.
// GS1-Capture-Error-Behaviour (EPCIS 2.0 REST binding, capture): 'rollback' stores all or nothing;
// 'proceed' stores the good events and reports each refused one.

/** Who captures: the events belong to this enterprise. */
export interface Capturer {
  enterpriseId: number;
  userId: number | null;
  apiKeyId: string | null;
  audit: AuditActor;
}

/** Limits a capture client can plan for (EPCIS 2.0 REST: GS1-EPCIS-Capture-Limit / -File-Size-Limit). */
export const CAPTURE_EVENT_LIMIT = 10_000;
export const CAPTURE_BYTE_LIMIT = 10 * 1024 * 1024;
// PostgreSQL b-tree entries stop near 2.7 kB; 600 characters of UTF-8 stay below it in any script.
export const INDEXED_VALUE_MAX = 600;

export type CaptureErrorBehaviour = 'rollback' | 'proceed';

export interface CaptureOptions {
  /** Only a single event is accepted (POST /events). */
  singleEvent?: boolean;
  /** Refuse the capture when stock would go below zero (the warehouse form; raw EPCIS records what happened). */
  requireStock?: boolean;
  /**
   * The body was built by our own code from domain builders and a test holds it valid (the demo seed): skips
   * compiling GS1's schema, about a second on a busy 2-core machine, inside the seed's time budget.
   */
  builtHere?: boolean;
  errorBehaviour?: CaptureErrorBehaviour;
}

export interface StockChange {
  location: string;
  product: string;
  uom: string;
  quantity: number;
}

/** An event a 'proceed' capture refused: where it was, its eventID when it had one, and why. */
export interface RejectedEvent {
  path: string;
  eventId: string | null;
  status: number;
  problems: FieldProblemDetail[];
}

export interface CaptureResult {
  captureId: string;
  eventCount: number;
  createdAt: string;
  stock: StockChange[];
  rejected: RejectedEvent[];
  /** The eventIDs stored, in the order sent (given ones or generated). */
  eventIds: string[];
}

export interface PreparedEvent {
  path: string;
  event: EpcisEvent;
  summary: ReturnType<typeof summariseEvent> & { eventId: string };
  identifiers: ReturnType<typeof eventIdentifiers>;
  namespaces: Namespaces | null;
}

interface SentEvent {
  path: string;
  event: EpcisEvent;
}

const DOCUMENT_TYPES = ['EPCISDocument', 'EPCISQueryDocument'];
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The prefixes a JSON-LD @context declares (`{"example": "http://ns.example.com/epcis/"}`), null when none. */
export function namespacesOf(context: unknown): Namespaces | null {
  const found: Namespaces = {};
  for (const entry of Array.isArray(context) ? context : [context])
    if (isObject(entry))
      for (const [prefix, iri] of Object.entries(entry)) if (!prefix.startsWith('@') && typeof iri === 'string') found[prefix] = iri;
  return Object.keys(found).length > 0 ? found : null;
}

/** Where a document keeps its events: an EPCISDocument's eventList, or a query document's results (REST binding: both are captured). */
function listOf(body: Record<string, unknown>): { path: string; list: unknown } {
  if (body.type === 'EPCISDocument')
    return { path: 'epcisBody.eventList', list: (body.epcisBody as { eventList?: unknown } | undefined)?.eventList };
  const results = (body.epcisBody as { queryResults?: { resultsBody?: { eventList?: unknown } } } | undefined)?.queryResults;
  return { path: 'epcisBody.queryResults.resultsBody.eventList', list: results?.resultsBody?.eventList };
}

/** The same document with no events: its envelope, checked on its own when bad events are to be skipped. */
function envelopeOf(body: Record<string, unknown>): unknown {
  type Lists = { epcisBody: { eventList: unknown[]; queryResults: { resultsBody: { eventList: unknown[] } } } };
  const copy = structuredClone(body) as Lists;
  if (body.type === 'EPCISDocument') copy.epcisBody.eventList = [];
  else copy.epcisBody.queryResults.resultsBody.eventList = [];
  return copy;
}

const at = (path: string, field: string) => (path ? `${path}.${field}` : field);

function schemaError(problems: FieldProblemDetail[]): AppError {
  return new AppError(400, 'traceability.schemaInvalid', {}, problems[0]!.field, problems);
}

/** The body's type is one we capture, and its event count within the limit. */
function checkShape(body: unknown, options: CaptureOptions): Record<string, unknown> {
  const type = isObject(body) ? body.type : undefined;
  const accepted = isEpcisEventType(type) || (!options.singleEvent && DOCUMENT_TYPES.includes(type as string));
  if (!accepted) throw new AppError(400, 'traceability.notEpcis', {}, 'type');
  const doc = body as Record<string, unknown>;
  if (DOCUMENT_TYPES.includes(type as string)) {
    // counted before the schema check, which would otherwise walk every one of them
    const { path, list } = listOf(doc);
    if (Array.isArray(list) && list.length > CAPTURE_EVENT_LIMIT)
      throw new AppError(413, 'traceability.tooManyEvents', { limit: CAPTURE_EVENT_LIMIT }, path);
  }
  return doc;
}

/** The events of a valid body with their field paths and the namespaces their @context declared. */
function sentEvents(doc: Record<string, unknown>): { events: SentEvent[]; namespaces: Namespaces | null } {
  const namespaces = namespacesOf(doc['@context']);
  if (!DOCUMENT_TYPES.includes(doc.type as string)) return { events: [{ path: '', event: doc }], namespaces };
  const { path, list } = listOf(doc);
  return { events: (list as EpcisEvent[]).map((event, i) => ({ path: `${path}.${i}`, event })), namespaces };
}

/** JSON with keys sorted at every level: the same event gives the same text whatever order its keys came in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * The eventID of an event sent without one: a UUID (RFC 9562 version 8) from the SHA-256 of the event's
 * canonical JSON without recordTime, so the same event sent twice gets the same ID (and is refused as a
 * duplicate). Not the CBV 2.0 §8.9 event hash, whose pre-hash string canonicalises every field's value.
 */
export function stableEventId(event: EpcisEvent, namespaces: Namespaces | null): string {
  const { recordTime: _recordTime, eventID: _eventId, ...rest } = event;
  const hex = createHash('sha256')
    .update(canonicalJson({ event: rest, namespaces }))
    .digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function prepare({ path, event }: SentEvent, namespaces: Namespaces | null): PreparedEvent {
  const summary = summariseEvent(event);
  if (!summary.eventTime) throw new AppError(400, 'validation.format', { format: 'date-time' }, at(path, 'eventTime'));
  const identifiers = eventIdentifiers(event);
  const eventId = summary.eventId ?? stableEventId(event, namespaces);
  const indexed: [string, string | null][] = [
    ['type', summary.type],
    ['eventID', eventId],
    ['bizStep', summary.bizStep],
    ['disposition', summary.disposition],
    ['readPoint.id', summary.readPoint],
    ['bizLocation.id', summary.bizLocation],
    ...identifiers.map((i): [string, string] => [i.role, i.key]),
  ];
  for (const [field, value] of indexed) {
    if (value !== null && value.length > INDEXED_VALUE_MAX)
      throw new AppError(400, 'validation.maxLength', { limit: INDEXED_VALUE_MAX }, at(path, field));
  }
  return { path, event, summary: { ...summary, eventId }, identifiers, namespaces };
}

const duplicate = (p: PreparedEvent) =>
  new AppError(409, 'traceability.duplicateEvent', { eventId: p.summary.eventId }, at(p.path, 'eventID'));

/** The events whose eventID came earlier in the body or was captured before. */
function duplicatesOf(prepared: PreparedEvent[], already: Set<string>): Set<PreparedEvent> {
  const seen = new Set<string>();
  const found = new Set<PreparedEvent>();
  for (const p of prepared) {
    const id = p.summary.eventId;
    if (seen.has(id) || already.has(id)) found.add(p);
    seen.add(id);
  }
  return found;
}

function refuseDuplicates(prepared: PreparedEvent[], already: Set<string>): void {
  const [first] = duplicatesOf(prepared, already);
  if (first) throw duplicate(first);
}

const rejection = (path: string, event: unknown, error: AppError): RejectedEvent => ({
  path,
  eventId: isObject(event) && typeof event.eventID === 'string' ? event.eventID : null,
  status: error.status,
  problems: error.problems ?? [{ field: error.field ?? path, key: error.key, params: error.params }],
});

/** Validates a body (document or single event) and prepares its events; throws the 4xx that names the problem. */
export function prepareCapture(body: unknown, options: CaptureOptions = {}): PreparedEvent[] {
  const doc = checkShape(body, options);
  const problems = options.builtHere ? [] : epcisSchemaProblems(doc);
  if (problems.length > 0) throw schemaError(problems);
  const { events, namespaces } = sentEvents(doc);
  const prepared = events.map((e) => prepare(e, namespaces));
  refuseDuplicates(prepared, new Set());
  return prepared;
}

/** 'proceed': the envelope must be valid; each event is checked on its own, the bad ones set aside. */
function prepareEach(body: unknown, options: CaptureOptions): { prepared: PreparedEvent[]; rejected: RejectedEvent[] } {
  const doc = checkShape(body, options);
  // a single event, or a document without an event list: nothing to set aside, the whole body is checked
  if (!DOCUMENT_TYPES.includes(doc.type as string) || !Array.isArray(listOf(doc).list))
    return { prepared: prepareCapture(doc, options), rejected: [] };
  const envelope = epcisSchemaProblems(envelopeOf(doc));
  if (envelope.length > 0) throw schemaError(envelope);
  const { events, namespaces } = sentEvents(doc);
  const prepared: PreparedEvent[] = [];
  const rejected: RejectedEvent[] = [];
  for (const sent of events) {
    // an event inside a document is valid as a single event with the document's @context
    const problems = epcisSchemaProblems({ '@context': doc['@context'], ...sent.event }).map((p) => ({
      ...p,
      field: at(sent.path, p.field),
    }));
    try {
      if (problems.length > 0) throw schemaError(problems);
      prepared.push(prepare(sent, namespaces));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      rejected.push(rejection(sent.path, sent.event, error));
    }
  }
  return { prepared, rejected };
}

/** The event as stored and queried: as sent, with the eventID given when it had none and the repository's recordTime. */
function storedEvent(p: PreparedEvent, recordTime: string): EpcisEvent {
  const withId = typeof p.event.eventID === 'string' ? p.event : { eventID: p.summary.eventId, ...p.event };
  return { ...withId, recordTime };
}

/**
 * Stores prepared events inside an open transaction: the capture row, each event, its identifiers and the
 * stock changes. Returns the stock lines touched with their new quantities. With 'proceed', events already
 * captured are set aside into `rejected` instead of refusing the capture.
 */
export async function storeCapture(
  tx: Tx,
  capturer: Omit<Capturer, 'audit'>,
  captureId: string,
  raw: string,
  all: PreparedEvent[],
  createdAt: string,
  options: CaptureOptions = {},
  rejected: RejectedEvent[] = [],
): Promise<StockChange[]> {
  const already = await capturedEventIds(
    tx,
    capturer.enterpriseId,
    all.map((p) => p.summary.eventId),
  );
  let prepared = all;
  if (options.errorBehaviour === 'proceed') {
    const duplicates = duplicatesOf(all, already);
    for (const p of duplicates) rejected.push(rejection(p.path, p.event, duplicate(p)));
    prepared = all.filter((p) => !duplicates.has(p));
  } else refuseDuplicates(prepared, already);
  await tx
    .insertInto('epcisCapture')
    .values({
      id: captureId,
      enterpriseId: capturer.enterpriseId,
      capturedBy: capturer.userId,
      apiKeyId: capturer.apiKeyId,
      document: raw,
      eventCount: prepared.length,
      createdAt,
      errorBehaviour: options.errorBehaviour ?? 'rollback',
      errors: rejected.length > 0 ? JSON.stringify(rejected) : null,
    })
    .execute();
  const epcRows: { epcKey: string; eventRowId: number; role: string }[] = [];
  const rows = prepared.map((p, seq) => ({
    captureId,
    enterpriseId: capturer.enterpriseId,
    seq,
    ...p.summary,
    eventJson: JSON.stringify(storedEvent(p, createdAt)),
    recordedAt: createdAt,
    namespaces: p.namespaces ? JSON.stringify(p.namespaces) : null,
  }));
  for (const inserted of await insertEvents(tx, rows)) {
    for (const i of prepared[inserted.seq]!.identifiers) epcRows.push({ epcKey: i.key, eventRowId: inserted.id, role: i.role });
  }
  await insertEpcRows(tx, epcRows);
  const changes: StockChange[] = [];
  for (const d of mergeDeltas(prepared.flatMap((p) => stockDeltas(p.event)))) {
    const quantity = fromMicro(await addStock(tx, capturer.enterpriseId, d, createdAt));
    if (options.requireStock && quantity < 0) {
      throw new AppError(
        409,
        'traceability.stockInsufficient',
        { location: locationCode(d.location), available: quantity - fromMicro(d.micro) },
        'quantity',
      );
    }
    changes.push({ location: d.location, product: d.product, uom: d.uom, quantity });
  }
  return changes;
}

/** Validates and stores a capture (document or single event) with its audit entry. `raw` is the body exactly as sent. */
export async function captureEpcis(
  ctx: AppContext,
  capturer: Capturer,
  raw: string,
  body: unknown,
  options: CaptureOptions = {},
): Promise<CaptureResult> {
  const { prepared, rejected } =
    options.errorBehaviour === 'proceed' ? prepareEach(body, options) : { prepared: prepareCapture(body, options), rejected: [] };
  const captureId = randomUUID();
  const createdAt = new Date().toISOString();
  const refusedBefore = rejected.length;
  const storedCount = () => prepared.length - (rejected.length - refusedBefore);
  try {
    const stock = await ctx.db.transaction().execute(async (tx) => {
      const changes = await storeCapture(tx, capturer, captureId, raw, prepared, createdAt, options, rejected);
      await ctx.audit.append(tx, capturer.audit, {
        action: 'traceability.capture',
        entityType: 'epcisCapture',
        entityId: captureId,
        after: {
          enterpriseId: capturer.enterpriseId,
          apiKeyId: capturer.apiKeyId,
          eventCount: storedCount(),
          eventIds: prepared.slice(0, 20).map((p) => p.summary.eventId),
          rejectedCount: rejected.length,
          stockChanges: changes.length,
        },
      });
      return changes;
    });
    const refused = new Set(rejected.map((r) => r.path));
    const eventIds = prepared.filter((p) => !refused.has(p.path)).map((p) => p.summary.eventId);
    return { captureId, eventCount: storedCount(), createdAt, stock, rejected, eventIds };
  } catch (error) {
    // two captures of the same eventID racing: the unique index decides
    if (constraintViolated(error) === 'unique') throw new AppError(409, 'traceability.duplicateEvent', { eventId: '' }, 'eventID');
    throw error;
  }
}
