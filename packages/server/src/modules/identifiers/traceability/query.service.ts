import {
  compileQuery,
  EPCIS_CONTEXT,
  epcKey,
  INSTANCE_ROLES,
  locationCode,
  OBJECT_ROLES,
  QueryParameterProblem,
  type CompiledQuery,
  type EpcRole,
  type MatchParameter,
  type Namespaces,
} from '@zhizao/domain';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import {
  countEvents,
  DEFAULT_ORDER,
  eventsAfter,
  identifiersOfEvents,
  pageEvents,
  type EventCursor,
  type EventFilter,
  type EventOrder,
  type EventScope,
} from './repo.ts';

// Event queries with the EPCIS 2.0 SimpleEventQuery parameters (EPCIS 2.0 §8.2.7.1; REST binding query
// parameters). The domain compiles them into a predicate and a narrowing: the database filters on the
// narrowing (indexed columns, a superset), the predicate decides. EPCIS clients get EPCISQueryDocuments in
// keyset pages; the web numbered pages filtered by the database alone.

/** Query parameters as the REST binding sends them (name → value; numbers as Fastify coerced them). */
export type EventQuery = Record<string, string | number | undefined>;

// The roles (domain EpcRole) of the fields each MATCH_ parameter looks at: the index narrows by them.
const MATCH_ROLES: Record<MatchParameter, readonly EpcRole[]> = {
  MATCH_epc: ['epc', 'child'],
  MATCH_parentID: ['parent'],
  MATCH_inputEPC: ['input'],
  MATCH_outputEPC: ['output'],
  MATCH_anyEPC: INSTANCE_ROLES,
  MATCH_epcClass: ['class'],
  MATCH_inputEPCClass: ['class'],
  MATCH_outputEPCClass: ['class'],
  MATCH_anyEPCClass: ['class'],
};

/** Compiles the parameters; a problem becomes a 400 naming the parameter (QueryParameterException). */
export function compiledQuery(q: EventQuery): CompiledQuery {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(q)) if (value !== undefined) params[name] = String(value);
  try {
    return compileQuery(params);
  } catch (error) {
    if (!(error instanceof QueryParameterProblem)) throw error;
    const key =
      error.reason === 'unknown'
        ? 'traceability.unknownQueryParameter'
        : error.reason === 'conflict'
          ? 'traceability.queryConflict'
          : 'traceability.queryParameter';
    throw new AppError(400, key, {}, error.parameter);
  }
}

/** What the database can filter on; `epc` (the path of /epcs/{epc}/events) matches any role. */
export function filterOf(compiled: CompiledQuery, epc?: string): EventFilter {
  const { identifiers, ...lists } = compiled.narrowing;
  const filter: EventFilter = {
    ...lists,
    identifiers: identifiers.map((i) => ({ keys: i.keys, roles: MATCH_ROLES[i.parameter] })),
  };
  if (epc !== undefined) filter.identifiers!.push({ keys: [epcKey(epc)], roles: OBJECT_ROLES });
  return filter;
}

/** The web's filter: the same parameter names, filtered by the database alone. */
export const eventFilter = (q: EventQuery, identifier?: string): EventFilter => filterOf(compiledQuery(q), identifier);

interface PageToken extends EventCursor {
  /** Events already returned (eventCountLimit counts across pages). */
  returned: number;
}

const encodeToken = (t: PageToken) => Buffer.from(JSON.stringify([t.value, t.id, t.returned])).toString('base64url');

function decodeToken(token: string | undefined): PageToken | null {
  if (token === undefined) return null;
  try {
    const [value, id, returned] = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown[];
    if (typeof value === 'string' && Number.isInteger(id) && Number.isInteger(returned))
      return { value, id: id as number, returned: returned as number };
  } catch {
    // falls through to the error below
  }
  throw new AppError(400, 'traceability.badPageToken', {}, 'nextPageToken');
}

type EventRow = Awaited<ReturnType<typeof eventsAfter>>[number];

const parsedNamespaces = (row: { namespaces: string | null }): Namespaces => (row.namespaces ? JSON.parse(row.namespaces) : {});

// Rows read per round when the predicate sets some aside.
const SCAN_BATCH = 200;

/** Up to `needed` events matching the whole query after a position, reading the narrowed rows in order. */
async function matchingEvents(
  ctx: AppContext,
  scope: EventScope,
  compiled: CompiledQuery,
  filter: EventFilter,
  order: EventOrder,
  after: EventCursor | null,
  needed: number,
): Promise<EventRow[]> {
  const found: EventRow[] = [];
  let cursor = after;
  const batch = Math.min(Math.max(needed, SCAN_BATCH), 1000);
  while (found.length < needed) {
    const rows = await eventsAfter(ctx.db, scope, filter, order, cursor, batch);
    for (const row of rows) {
      if (compiled.matches(JSON.parse(row.eventJson), parsedNamespaces(row))) found.push(row);
      if (found.length === needed) break;
    }
    if (rows.length < batch) break;
    const last = rows.at(-1)!;
    cursor = { value: order.column === 'eventTime' ? last.eventTime : last.recordedAt, id: last.id };
  }
  return found;
}

/** The namespaces some events were captured with (the first IRI of a prefix wins). */
export function namespacesOfRows(rows: { namespaces: string | null }[]): Namespaces {
  const namespaces: Namespaces = {};
  for (const row of rows) for (const [prefix, iri] of Object.entries(parsedNamespaces(row))) namespaces[prefix] ??= iri;
  return namespaces;
}

/** The query document's @context: EPCIS 2.0's, then the namespaces its events were captured with. */
function contextOf(rows: { namespaces: string | null }[]): unknown[] {
  const namespaces = namespacesOfRows(rows);
  return Object.keys(namespaces).length > 0 ? [EPCIS_CONTEXT, namespaces] : [EPCIS_CONTEXT];
}

/** An EPCISQueryDocument (EPCIS 2.0 JSON schema, epcisQueryDocument) around stored events, each byte for byte as stored. */
export function queryDocument(rows: { eventJson: string; namespaces: string | null }[]): string {
  const head = JSON.stringify({
    '@context': contextOf(rows),
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
  });
  return `${head.slice(0, -1)},"epcisBody":{"queryResults":{"queryName":"SimpleEventQuery","resultsBody":{"eventList":[${rows.map((r) => r.eventJson).join(',')}]}}}}`;
}

export interface EpcisPage {
  body: string;
  nextPageToken: string | null;
  /** The extension namespaces of the page's events (the GS1-Extensions header). */
  namespaces: Namespaces;
}

/** One page of an EPCIS query as an EPCISQueryDocument. */
export async function epcisQueryPage(
  ctx: AppContext,
  scope: EventScope,
  compiled: CompiledQuery,
  perPage: number,
  token?: string,
  epc?: string,
): Promise<EpcisPage> {
  const filter = filterOf(compiled, epc);
  const order: EventOrder = compiled.order
    ? {
        column: compiled.order.field === 'eventTime' ? 'eventTime' : 'recordedAt',
        direction: compiled.order.direction === 'ASC' ? 'asc' : 'desc',
      }
    : DEFAULT_ORDER;
  const position = decodeToken(token);
  const returned = position?.returned ?? 0;
  const left = compiled.eventCountLimit === null ? Infinity : compiled.eventCountLimit - returned;
  const size = Math.min(perPage, left);
  // maxEventCount: more matching events than allowed is an error, not a truncated answer (§8.2.7.1)
  const max = compiled.maxEventCount;
  const needed = max !== null && !position ? Math.max(max + 1, size + 1) : size + 1;
  const rows = size > 0 ? await matchingEvents(ctx, scope, compiled, filter, order, position, needed) : [];
  if (max !== null && !position && rows.length > max)
    throw new AppError(413, 'traceability.queryTooLarge', { limit: max }, 'maxEventCount');
  const page = rows.slice(0, size);
  const last = page.at(-1);
  const more = rows.length > size && size < left && last;
  return {
    body: queryDocument(page),
    namespaces: namespacesOfRows(page),
    nextPageToken: more
      ? encodeToken({
          value: order.column === 'eventTime' ? last.eventTime : last.recordedAt,
          id: last.id,
          returned: returned + page.length,
        })
      : null,
  };
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
