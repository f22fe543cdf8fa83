import {
  cbvWord,
  EPCIS_CONTEXT,
  epcKey,
  INSTANCE_ROLES,
  locationCode,
  locationKey,
  OBJECT_ROLES,
  utcInstant,
  type EpcRole,
} from '@zhizao/domain';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { countEvents, eventsAfter, identifiersOfEvents, pageEvents, type EventCursor, type EventFilter, type EventScope } from './repo.ts';

// Event queries with the EPCIS 2.0 SimpleEventQuery parameter names (EPCIS 2.0 §8.2.7.1; REST binding
// query parameters), for EPCIS clients (an EPCISQueryDocument, keyset pages) and for the web (numbered pages).

export interface EventQuery {
  eventType?: string;
  EQ_bizStep?: string;
  EQ_disposition?: string;
  GE_eventTime?: string;
  LT_eventTime?: string;
  EQ_bizLocation?: string;
  EQ_readPoint?: string;
  MATCH_epc?: string;
  MATCH_epcClass?: string;
  MATCH_anyEPC?: string;
}

// MATCH_epc: epcList and childEPCs (and parentID, the same object's container); MATCH_anyEPC adds inputs and outputs.
const MATCH_ROLES: Record<'MATCH_epc' | 'MATCH_anyEPC' | 'MATCH_epcClass', readonly EpcRole[]> = {
  MATCH_epc: ['epc', 'child', 'parent'],
  MATCH_anyEPC: INSTANCE_ROLES,
  MATCH_epcClass: ['class'],
};

function instant(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const utc = utcInstant(value);
  if (!utc) throw new AppError(400, 'validation.format', { format: 'date-time' }, field);
  return utc;
}

/** The repository filter for a query; `epc` (the path of /epcs/{epc}/events) matches any role. */
export function eventFilter(q: EventQuery, epc?: string): EventFilter {
  const identifiers: EventFilter['identifiers'] = [];
  for (const name of ['MATCH_epc', 'MATCH_anyEPC', 'MATCH_epcClass'] as const) {
    const value = q[name];
    if (value) identifiers.push({ key: epcKey(value), roles: MATCH_ROLES[name] });
  }
  if (epc !== undefined) identifiers.push({ key: epcKey(epc), roles: OBJECT_ROLES });
  return {
    eventType: q.eventType,
    bizStep: q.EQ_bizStep ? cbvWord('bizStep', q.EQ_bizStep) : undefined,
    disposition: q.EQ_disposition ? cbvWord('disposition', q.EQ_disposition) : undefined,
    fromTime: instant(q.GE_eventTime, 'GE_eventTime'),
    beforeTime: instant(q.LT_eventTime, 'LT_eventTime'),
    // a location code typed on the warehouse page (A-01-03) is taken as its urn:zhizao:location URI
    bizLocation: q.EQ_bizLocation ? locationKey(q.EQ_bizLocation) : undefined,
    readPoint: q.EQ_readPoint ? locationKey(q.EQ_readPoint) : undefined,
    identifiers,
  };
}

const encodeCursor = (c: EventCursor) => Buffer.from(JSON.stringify([c.eventTime, c.id])).toString('base64url');

function decodeCursor(token: string | undefined): EventCursor | null {
  if (token === undefined) return null;
  try {
    const [eventTime, id] = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown[];
    if (typeof eventTime === 'string' && Number.isInteger(id)) return { eventTime, id: id as number };
  } catch {
    // falls through to the error below
  }
  throw new AppError(400, 'traceability.badPageToken', {}, 'nextPageToken');
}

export interface EpcisPage {
  /** The EPCISQueryDocument, serialised around the stored events so each is returned byte for byte. */
  body: string;
  nextPageToken: string | null;
}

/** One page of an EPCIS query as an EPCISQueryDocument (EPCIS 2.0 JSON schema, epcisQueryDocument). */
export async function epcisQueryPage(
  ctx: AppContext,
  scope: EventScope,
  filter: EventFilter,
  perPage: number,
  token?: string,
): Promise<EpcisPage> {
  const rows = await eventsAfter(ctx.db, scope, filter, decodeCursor(token), perPage + 1);
  const page = rows.slice(0, perPage);
  const last = page.at(-1);
  const head = JSON.stringify({
    '@context': [EPCIS_CONTEXT],
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
  });
  const body = `${head.slice(0, -1)},"epcisBody":{"queryResults":{"queryName":"SimpleEventQuery","resultsBody":{"eventList":[${page.map((r) => r.eventJson).join(',')}]}}}}`;
  return { body, nextPageToken: rows.length > perPage && last ? encodeCursor(last) : null };
}

/** A numbered page for the web: newest first, with the capturing enterprise and the identifiers named. */
export async function eventList(ctx: AppContext, scope: EventScope, filter: EventFilter, page: number, pageSize: number) {
  const [total, rows] = await Promise.all([
    countEvents(ctx.db, scope, filter),
    pageEvents(ctx.db, scope, filter, (page - 1) * pageSize, pageSize),
  ]);
  const identifiers = await identifiersOfEvents(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map(({ eventJson, ...r }) => ({
      ...r,
      bizLocationCode: r.bizLocation === null ? null : locationCode(r.bizLocation),
      epcs: identifiers.get(r.id) ?? [],
      event: JSON.parse(eventJson) as unknown,
    })),
    total,
    page,
    pageSize,
  };
}
