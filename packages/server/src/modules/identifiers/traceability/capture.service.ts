import { randomUUID } from 'node:crypto';
import {
  EPCIS_EVENT_TYPES,
  eventIdentifiers,
  fromMicro,
  locationCode,
  mergeDeltas,
  stockDeltas,
  summariseEvent,
  type EpcisEvent,
} from '@zhizao/domain';
import { constraintViolated, type Tx } from '../../../db/database.ts';
import type { AuditActor } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { addStock, capturedEventIds, insertEpcRows, insertEvents } from './repo.ts';
import { epcisSchemaProblems } from './schema.ts';

// EPCIS 2.0 capture: validate the whole body against GS1's schema, then store every event as sent with
// its identifiers and stock changes, and the audit entry, in one transaction — all or nothing
// (captureErrorBehaviour "rollback", EPCIS 2.0 §12.2 capture interface).

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
}

export interface StockChange {
  location: string;
  product: string;
  uom: string;
  quantity: number;
}

export interface CaptureResult {
  captureId: string;
  eventCount: number;
  createdAt: string;
  stock: StockChange[];
}

export interface PreparedEvent {
  path: string;
  json: string;
  event: EpcisEvent;
  summary: ReturnType<typeof summariseEvent>;
  identifiers: ReturnType<typeof eventIdentifiers>;
}

const isEventType = (t: unknown): boolean => (EPCIS_EVENT_TYPES as readonly unknown[]).includes(t);

/** The events a valid body carries, with their field paths. */
function eventsOf(body: unknown, options: CaptureOptions): { path: string; event: EpcisEvent }[] {
  const type = body && typeof body === 'object' && !Array.isArray(body) ? (body as { type?: unknown }).type : undefined;
  const accepted = isEventType(type) || (!options.singleEvent && type === 'EPCISDocument');
  if (!accepted) throw new AppError(400, 'traceability.notEpcis', {}, 'type');
  // counted before the schema check, which would otherwise walk every one of them
  const sent = (body as { epcisBody?: { eventList?: unknown } }).epcisBody?.eventList;
  if (Array.isArray(sent) && sent.length > CAPTURE_EVENT_LIMIT)
    throw new AppError(413, 'traceability.tooManyEvents', { limit: CAPTURE_EVENT_LIMIT }, 'epcisBody.eventList');
  const problems = options.builtHere ? [] : epcisSchemaProblems(body);
  if (problems.length > 0) throw new AppError(400, 'traceability.schemaInvalid', {}, problems[0]!.field, problems);
  if (type !== 'EPCISDocument') return [{ path: '', event: body as EpcisEvent }];
  const list = (body as { epcisBody: { eventList: EpcisEvent[] } }).epcisBody.eventList;
  return list.map((event, i) => ({ path: `epcisBody.eventList.${i}`, event }));
}

const at = (path: string, field: string) => (path ? `${path}.${field}` : field);

function prepare({ path, event }: { path: string; event: EpcisEvent }): PreparedEvent {
  const summary = summariseEvent(event);
  if (!summary.eventTime) throw new AppError(400, 'validation.format', { format: 'date-time' }, at(path, 'eventTime'));
  const identifiers = eventIdentifiers(event);
  const indexed: [string, string | null][] = [
    ['eventID', summary.eventId],
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
  return { path, event, json: JSON.stringify(event), summary, identifiers };
}

function refuseDuplicates(prepared: PreparedEvent[], already: Set<string>): void {
  const seen = new Set<string>();
  for (const p of prepared) {
    const id = p.summary.eventId;
    if (id === null) continue;
    if (seen.has(id) || already.has(id)) throw new AppError(409, 'traceability.duplicateEvent', { eventId: id }, at(p.path, 'eventID'));
    seen.add(id);
  }
}

/** Validates a body (document or single event) and prepares its events; throws the 4xx that names the problem. */
export function prepareCapture(body: unknown, options: CaptureOptions = {}): PreparedEvent[] {
  const prepared = eventsOf(body, options).map(prepare);
  refuseDuplicates(prepared, new Set());
  return prepared;
}

/**
 * Stores prepared events inside an open transaction: the capture row, each event as sent, its identifiers and
 * the stock changes. Returns the stock lines touched with their new quantities.
 */
export async function storeCapture(
  tx: Tx,
  capturer: Omit<Capturer, 'audit'>,
  captureId: string,
  raw: string,
  prepared: PreparedEvent[],
  createdAt: string,
  options: CaptureOptions = {},
): Promise<StockChange[]> {
  const ids = prepared.flatMap((p) => (p.summary.eventId === null ? [] : [p.summary.eventId]));
  refuseDuplicates(prepared, await capturedEventIds(tx, capturer.enterpriseId, ids));
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
    })
    .execute();
  const epcRows: { epcKey: string; eventRowId: number; role: string }[] = [];
  const rows = prepared.map((p, seq) => {
    const { eventId, ...s } = p.summary;
    return { captureId, enterpriseId: capturer.enterpriseId, seq, eventId, ...s, eventJson: p.json, recordedAt: createdAt };
  });
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
  const prepared = prepareCapture(body, options);
  const captureId = randomUUID();
  const createdAt = new Date().toISOString();
  try {
    const stock = await ctx.db.transaction().execute(async (tx) => {
      const changes = await storeCapture(tx, capturer, captureId, raw, prepared, createdAt, options);
      await ctx.audit.append(tx, capturer.audit, {
        action: 'traceability.capture',
        entityType: 'epcisCapture',
        entityId: captureId,
        after: {
          enterpriseId: capturer.enterpriseId,
          apiKeyId: capturer.apiKeyId,
          eventCount: prepared.length,
          eventIds: prepared.slice(0, 20).map((p) => p.summary.eventId),
          stockChanges: changes.length,
        },
      });
      return changes;
    });
    return { captureId, eventCount: prepared.length, createdAt, stock };
  } catch (error) {
    // two captures of the same eventID racing: the unique index decides
    if (constraintViolated(error) === 'unique') throw new AppError(409, 'traceability.duplicateEvent', { eventId: '' }, 'eventID');
    throw error;
  }
}
