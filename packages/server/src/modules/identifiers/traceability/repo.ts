import { INSTANCE_ROLES, OBJECT_ROLES, type EpcRole, type StockDelta } from '@zhizao/domain';
import { sql, type Insertable, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { EpcisEventTable } from './tables.ts';
import type { Executor } from '../../../db/database.ts';

// One place per query of the traceability part. Every method takes the database or an open transaction.

/** Whose events a reader sees: one enterprise's, or (the node operator) everyone's. */
export interface EventScope {
  enterpriseId: number | null;
}

/** What the database filters on (exact values; lists match any of their values). UTC ISO millisecond bounds. */
export interface EventFilter {
  eventTypes?: readonly string[];
  actions?: readonly string[];
  bizSteps?: readonly string[];
  dispositions?: readonly string[];
  readPoints?: readonly string[];
  bizLocations?: readonly string[];
  eventIds?: readonly string[];
  fromTime?: string;
  beforeTime?: string;
  fromRecordTime?: string;
  beforeRecordTime?: string;
  /** Identifier keys the event must name, each entry in one of its roles (every entry must match). */
  identifiers?: { keys: readonly string[]; roles: readonly EpcRole[] }[];
}

/** The order of an EPCIS query: by eventTime or recordTime, then by row. */
export interface EventOrder {
  column: 'eventTime' | 'recordedAt';
  direction: 'asc' | 'desc';
}
export const DEFAULT_ORDER: EventOrder = { column: 'eventTime', direction: 'asc' };

/** Keyset position: the order column's value and the row id of the last event returned. */
export interface EventCursor {
  value: string;
  id: number;
}

const CHUNK = 500;

type EventsQuery = SelectQueryBuilder<Database & { e: EpcisEventTable }, 'e', object>;

/**
 * Events naming an identifier, driven from the identifier's rows (a few) rather than from the owner's events
 * (maybe millions): SQLite's planner would otherwise walk the owner-and-time index to save a sort. CROSS JOIN
 * keeps the order in SQLite; PostgreSQL plans it as an ordinary join. The alias x is never selected.
 */
function eventsNaming(db: Executor, identifier: { keys: readonly string[]; roles: readonly EpcRole[] }): EventsQuery {
  const rows = db
    .selectFrom('epcisEventEpc')
    .select('eventRowId')
    .distinct()
    .where('epcKey', 'in', [...identifier.keys])
    .where('role', 'in', [...identifier.roles]);
  return db.selectFrom(rows.as('x')).crossJoin('epcisEvent as e').whereRef('e.id', '=', 'x.eventRowId') as unknown as EventsQuery;
}

function filteredEvents(db: Executor, scope: EventScope, f: EventFilter) {
  const [first, ...others] = f.identifiers ?? [];
  let q: EventsQuery = first ? eventsNaming(db, first) : db.selectFrom('epcisEvent as e');
  if (scope.enterpriseId !== null) q = q.where('e.enterpriseId', '=', scope.enterpriseId);
  const lists = [
    ['e.type', f.eventTypes],
    ['e.action', f.actions],
    ['e.bizStep', f.bizSteps],
    ['e.disposition', f.dispositions],
    ['e.readPoint', f.readPoints],
    ['e.bizLocation', f.bizLocations],
    ['e.eventId', f.eventIds],
  ] as const;
  for (const [column, values] of lists) if (values) q = q.where(column, 'in', [...values]);
  if (f.fromTime) q = q.where('e.eventTime', '>=', f.fromTime);
  if (f.beforeTime) q = q.where('e.eventTime', '<', f.beforeTime);
  if (f.fromRecordTime) q = q.where('e.recordedAt', '>=', f.fromRecordTime);
  if (f.beforeRecordTime) q = q.where('e.recordedAt', '<', f.beforeRecordTime);
  for (const identifier of others) {
    q = q.where('e.id', 'in', (eb) =>
      eb
        .selectFrom('epcisEventEpc')
        .select('eventRowId')
        .where('epcKey', 'in', [...identifier.keys])
        .where('role', 'in', [...identifier.roles]),
    );
  }
  return q;
}

export async function countEvents(db: Executor, scope: EventScope, f: EventFilter): Promise<number> {
  const row = await filteredEvents(db, scope, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const EVENT_COLUMNS = [
  'e.id',
  'e.captureId',
  'e.enterpriseId',
  'e.eventId',
  'e.type',
  'e.action',
  'e.bizStep',
  'e.disposition',
  'e.eventTime',
  'e.eventTimeZoneOffset',
  'e.readPoint',
  'e.bizLocation',
  'e.eventJson',
] as const;

/** A page by offset (the web's numbered pages). */
export async function pageEvents(db: Executor, scope: EventScope, f: EventFilter, offset: number, limit: number) {
  return filteredEvents(db, scope, f)
    .innerJoin('enterprise as en', 'en.id', 'e.enterpriseId')
    .select([...EVENT_COLUMNS, 'en.name as enterpriseName'])
    .orderBy('e.eventTime', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** The events after a cursor in an order (EPCIS query paging), with what the query document needs of each. */
export async function eventsAfter(
  db: Executor,
  scope: EventScope,
  f: EventFilter,
  order: EventOrder,
  after: EventCursor | null,
  limit: number,
) {
  const column = `e.${order.column}` as const;
  const beyond = order.direction === 'asc' ? '>' : '<';
  let q = filteredEvents(db, scope, f);
  if (after)
    q = q.where((eb) => eb.or([eb(column, beyond, after.value), eb.and([eb(column, '=', after.value), eb('e.id', beyond, after.id)])]));
  return q
    .select(['e.id', 'e.eventTime', 'e.recordedAt', 'e.eventJson', 'e.namespaces'])
    .orderBy(column, order.direction)
    .orderBy('e.id', order.direction)
    .limit(limit)
    .execute();
}

export async function eventById(db: Executor, scope: EventScope, eventId: string) {
  let q = db.selectFrom('epcisEvent as e').select(['e.eventJson', 'e.namespaces']).where('e.eventId', '=', eventId);
  if (scope.enterpriseId !== null) q = q.where('e.enterpriseId', '=', scope.enterpriseId);
  return q.orderBy('e.id').executeTakeFirst();
}

/** The identifiers of some events (for the web list), by event row. */
export async function identifiersOfEvents(db: Executor, rowIds: readonly number[]): Promise<Map<number, string[]>> {
  const byEvent = new Map<number, string[]>();
  for (let i = 0; i < rowIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('epcisEventEpc')
      .select(['eventRowId', 'epcKey'])
      .where('eventRowId', 'in', rowIds.slice(i, i + CHUNK))
      .orderBy('epcKey')
      .execute();
    for (const r of rows) byEvent.set(r.eventRowId, [...(byEvent.get(r.eventRowId) ?? []), r.epcKey]);
  }
  return byEvent;
}

/**
 * Only the public fields of the events naming an identifier, oldest first (the public trace page); when
 * `recordedBy` is given, only the events those enterprises captured.
 */
export async function publicEventsOf(db: Executor, key: string, limit: number, recordedBy: number[] | null) {
  let q = eventsNaming(db, { keys: [key], roles: OBJECT_ROLES });
  if (recordedBy) q = q.where('e.enterpriseId', 'in', recordedBy);
  return q
    .innerJoin('enterprise as en', 'en.id', 'e.enterpriseId')
    .select(['e.type', 'e.action', 'e.bizStep', 'e.disposition', 'e.eventTime', 'e.eventTimeZoneOffset', 'en.name as enterpriseName'])
    .orderBy('e.eventTime')
    .orderBy('e.id')
    .limit(limit)
    .execute();
}

/** The enterprises an identifier prefix's owner has granted (its supply-chain partners). */
export async function prefixGrantees(db: Executor, prefixKey: string): Promise<number[]> {
  const rows = await db.selectFrom('idGrant').select('granteeEnterpriseId').where('prefix', '=', prefixKey).execute();
  return rows.map((r) => r.granteeEnterpriseId);
}

export async function captureRow(db: Executor, scope: EventScope, captureId: string) {
  let q = db.selectFrom('epcisCapture').selectAll().where('id', '=', captureId);
  if (scope.enterpriseId !== null) q = q.where('enterpriseId', '=', scope.enterpriseId);
  return q.executeTakeFirst();
}

/** A reader's capture jobs, newest first. */
export async function captureRows(db: Executor, scope: EventScope, offset: number, limit: number) {
  let q = db.selectFrom('epcisCapture').selectAll();
  if (scope.enterpriseId !== null) q = q.where('enterpriseId', '=', scope.enterpriseId);
  return q.orderBy('createdAt', 'desc').orderBy('id').limit(limit).offset(offset).execute();
}

export type DistinctColumn = 'type' | 'bizStep' | 'disposition' | 'readPoint' | 'bizLocation' | 'epc';

/** The values a reader's events use in a column (or, for 'epc', the instance identifiers they name), sorted. */
export async function distinctValues(db: Executor, scope: EventScope, column: DistinctColumn, offset: number, limit: number) {
  if (column === 'epc') {
    let q = db
      .selectFrom('epcisEventEpc as x')
      .innerJoin('epcisEvent as e', 'e.id', 'x.eventRowId')
      .select('x.epcKey as value')
      .distinct()
      .where('x.role', 'in', [...INSTANCE_ROLES]);
    if (scope.enterpriseId !== null) q = q.where('e.enterpriseId', '=', scope.enterpriseId);
    return (await q.orderBy('x.epcKey').limit(limit).offset(offset).execute()).map((r) => r.value);
  }
  let q = db.selectFrom('epcisEvent as e').select(`e.${column} as value`).distinct().where(`e.${column}`, 'is not', null);
  if (scope.enterpriseId !== null) q = q.where('e.enterpriseId', '=', scope.enterpriseId);
  return (await q.orderBy(`e.${column}`).limit(limit).offset(offset).execute()).map((r) => r.value as string);
}

/** Which of these eventIDs an enterprise has already captured. */
export async function capturedEventIds(db: Executor, enterpriseId: number, eventIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < eventIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('epcisEvent')
      .select('eventId')
      .where('enterpriseId', '=', enterpriseId)
      .where('eventId', 'in', eventIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) if (r.eventId) found.add(r.eventId);
  }
  return found;
}

// 15 columns a row: 500 rows stay under SQLite's 32,766 bound variables.
const EVENT_CHUNK = 500;

/** Inserts events in batches; returns each row's id with its position in the capture. */
export async function insertEvents(tx: Executor, rows: Insertable<EpcisEventTable>[]): Promise<{ id: number; seq: number }[]> {
  const inserted: { id: number; seq: number }[] = [];
  for (let i = 0; i < rows.length; i += EVENT_CHUNK)
    inserted.push(
      ...(await tx
        .insertInto('epcisEvent')
        .values(rows.slice(i, i + EVENT_CHUNK))
        .returning(['id', 'seq'])
        .execute()),
    );
  return inserted;
}

export async function insertEpcRows(tx: Executor, rows: { epcKey: string; eventRowId: number; role: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await tx
      .insertInto('epcisEventEpc')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

/** Adds a stock change and returns the new quantity (one upsert: concurrent captures add up under the row lock). */
export async function addStock(tx: Executor, enterpriseId: number, d: StockDelta, at: string): Promise<number> {
  const row = await tx
    .insertInto('warehouseStock')
    .values({ enterpriseId, location: d.location, product: d.product, uom: d.uom, quantityMicro: d.micro, updatedAt: at })
    .onConflict((oc) =>
      oc
        .columns(['enterpriseId', 'location', 'product', 'uom'])
        .doUpdateSet({ quantityMicro: sql`warehouse_stock.quantity_micro + excluded.quantity_micro`, updatedAt: sql`excluded.updated_at` }),
    )
    .returning('quantityMicro')
    .executeTakeFirstOrThrow();
  return Number(row.quantityMicro);
}

export async function stockRows(db: Executor, enterpriseId: number, f: { location?: string; product?: string }) {
  let q = db
    .selectFrom('warehouseStock')
    .select(['location', 'product', 'uom', 'quantityMicro', 'updatedAt'])
    .where('enterpriseId', '=', enterpriseId)
    .where('quantityMicro', '!=', 0);
  if (f.location) q = q.where('location', '=', f.location);
  if (f.product) q = q.where('product', '=', f.product);
  return q.orderBy('location').orderBy('product').orderBy('uom').execute();
}

/** An enterprise's named queries, by name. */
export async function namedQueries(db: Executor, enterpriseId: number) {
  return db
    .selectFrom('epcisNamedQuery')
    .select(['name', 'query', 'createdAt'])
    .where('enterpriseId', '=', enterpriseId)
    .orderBy('name')
    .execute();
}

export async function namedQuery(db: Executor, enterpriseId: number, name: string) {
  return db
    .selectFrom('epcisNamedQuery')
    .select(['name', 'query', 'createdAt'])
    .where('enterpriseId', '=', enterpriseId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertNamedQuery(tx: Executor, row: Insertable<Database['epcisNamedQuery']>): Promise<void> {
  await tx.insertInto('epcisNamedQuery').values(row).execute();
}

export async function deleteNamedQuery(tx: Executor, enterpriseId: number, name: string): Promise<boolean> {
  const result = await tx
    .deleteFrom('epcisNamedQuery')
    .where('enterpriseId', '=', enterpriseId)
    .where('name', '=', name)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
