import type { Tenant } from '../src/modules/identifiers/fixtures.test-support.ts';
import { badJsonValues, badUrlValues, withField } from './bad-input.ts';
import { expectErrorShape } from './expect.ts';
import type { TestResponse } from './harness.ts';

// The routes the OpenAPI document leaves out because they speak other systems' protocols (Handle.Net's
// JSON REST API, SNMS, EPCIS 2.0 under /epcis, the Digital Link resolver and identifier redirects), declared
// here for the bad-input corpus: each route's parameters and body fields, and its own error shape.

export interface ProtocolContext {
  owner: Tenant;
  snmsToken: string;
}

export interface ProtocolRequest {
  note: string;
  path: string;
  body?: string;
  contentType?: string;
}

export interface ProtocolRoute {
  name: string;
  method: string;
  headers(c: ProtocolContext): Record<string, string>;
  requests(c: ProtocolContext): Iterable<ProtocolRequest>;
  /** What is wrong with the answer's shape for this protocol; null when it fits. */
  shapeProblem(res: TestResponse): string | null;
}

interface Declared {
  name: string;
  method: string;
  family: keyof typeof SHAPES;
  /** The path, with `segment` (when given) in place of its variable part. */
  path: (c: ProtocolContext, segment?: string) => string;
  /** The variable part of the path is broken too. */
  segmented?: boolean;
  query?: (c: ProtocolContext) => Record<string, string>;
  /** A well-formed body; `item`: its fields are those of the array's first element. */
  body?: (c: ProtocolContext) => unknown;
}

/** Handle.Net: `{ responseCode, handle?, message }` with a code other than 1 on failure, or 401 with an empty body (wrong credentials). */
function handleShape(res: TestResponse): string | null {
  if (res.status < 400) return null;
  if (res.status === 401 && (res.body === null || res.body === '')) return null;
  const code = res.body?.responseCode;
  if (typeof code !== 'number' || code === 1) return 'no failing responseCode';
  if (typeof res.body.message !== 'string') return 'no message';
  if (/\{\w+\}/.test(res.body.message)) return 'a message parameter left unfilled';
  if (code === 2) return 'responseCode 2 (an internal error)';
  return null;
}

/** SNMS: always HTTP 200 with `{ message, status, data }`; a failure is −1 (not logged in), −2 or −3, never −4 (internal). */
function snmsShape(res: TestResponse): string | null {
  if (res.status !== 200) return `HTTP ${res.status}, SNMS answers 200`;
  const { message, status } = res.body ?? {};
  if (typeof message !== 'string' || !('data' in (res.body ?? {}))) return 'not { message, status, data }';
  if (![1, -1, -2, -3].includes(status)) return `status ${status}`;
  if (/\{\w+\}/.test(message)) return 'a message parameter left unfilled';
  return null;
}

/** EPCIS and the redirects: the platform's error shape on 4xx. */
function platformShape(res: TestResponse): string | null {
  if (res.status < 400) return null;
  try {
    expectErrorShape(res);
    return null;
  } catch {
    return 'not in the error shape';
  }
}

/** The EPCIS 2.0 binding under /epcis: RFC 7807 problems typed with an EPCIS exception, the platform's error object inside. */
function epcisShape(res: TestResponse): string | null {
  if (res.status < 400) return null;
  const { type, title, status, detail, error } = res.body ?? {};
  if (typeof type !== 'string' || !/^epcisException:[A-Za-z]+Exception$/.test(type)) return 'no epcisException type';
  if (title !== type.slice('epcisException:'.length) || status !== res.status) return 'title or status do not match';
  if (typeof detail !== 'string' || /\{\w+\}/.test(detail)) return 'no detail, or a message parameter left unfilled';
  if (!(res.headers?.get?.('content-type') ?? 'application/problem+json').startsWith('application/problem+json'))
    return 'not application/problem+json';
  return platformShape({ ...res, body: { error } } as TestResponse);
}

const SHAPES = { handle: handleShape, snms: snmsShape, platform: platformShape, epcis: epcisShape };

const HANDLE_VALUES = [
  { index: 1, type: 'URL', data: { format: 'string', value: 'https://example.com/p' } },
  { index: 2, type: 'name', data: { format: 'string', value: '轴承' } },
];
const snmsRecord = (c: ProtocolContext, suffix = 'CORPUS-1') => ({
  handle: `${c.owner.prefix}/${suffix}`,
  templateVersion: '',
  value: [{ index: 1, type: 'URL', auth: '', data: { format: 'string', value: 'https://example.com/s' } }],
});
const EPCIS_EVENT = {
  type: 'ObjectEvent',
  eventTime: '2026-11-27T08:00:00.000+08:00',
  eventTimeZoneOffset: '+08:00',
  epcList: ['https://id.gs1.org/01/09521234543213/21/CORPUS1'],
  action: 'OBSERVE',
  bizStep: 'shipping',
};
const epcisDocument = () => ({
  '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
  type: 'EPCISDocument',
  schemaVersion: '2.0',
  creationDate: '2026-11-27T08:00:00.000+08:00',
  epcisBody: { eventList: [EPCIS_EVENT] },
});
const EPCIS_QUERY = {
  eventType: 'ObjectEvent',
  EQ_bizStep: 'shipping',
  GE_eventTime: '2026-01-01T00:00:00Z',
  perPage: '10',
  nextPageToken: 'x',
};
const handleAuth = (c: ProtocolContext) => ({ authorization: c.owner.basic });
const snmsAuth = (c: ProtocolContext) => ({ authorization: `Bearer ${c.snmsToken}` });

const DECLARED: (Declared & { auth?: (c: ProtocolContext) => Record<string, string> })[] = [
  // Handle.Net REST
  {
    name: '/api/handles/{handle}',
    method: 'GET',
    family: 'handle',
    auth: handleAuth,
    segmented: true,
    path: (c, s = 'CORPUS-H1') => `/api/handles/${c.owner.prefix}/${s}`,
    query: () => ({ type: 'URL', index: '1', auth: 'true', publicOnly: 'false', pretty: 'true' }),
  },
  {
    name: '/api/handles/{handle}',
    method: 'PUT',
    family: 'handle',
    auth: handleAuth,
    segmented: true,
    path: (c, s = 'CORPUS-H2') => `/api/handles/${c.owner.prefix}/${s}`,
    query: () => ({ overwrite: 'true', mintNewSuffix: 'false', index: '1' }),
    body: () => HANDLE_VALUES,
  },
  {
    name: '/api/handles/{handle}',
    method: 'DELETE',
    family: 'handle',
    auth: handleAuth,
    segmented: true,
    path: (c, s = 'CORPUS-NONE') => `/api/handles/${c.owner.prefix}/${s}`,
    query: () => ({ index: '1' }),
  },
  {
    name: '/api/handles?prefix=',
    method: 'GET',
    family: 'handle',
    auth: handleAuth,
    path: () => '/api/handles',
    query: (c) => ({ prefix: c.owner.prefix, page: '0', pageSize: '10' }),
  },
  { name: '/api/prefixes', method: 'GET', family: 'handle', path: () => '/api/prefixes', query: () => ({ page: '0', pageSize: '10' }) },
  // SNMS
  {
    name: '/identity/token',
    method: 'POST',
    family: 'snms',
    path: () => '/identity/token',
    body: (c) => ({ username: c.owner.keyId, password: 'wrong-secret' }),
  },
  {
    name: '/identity/token/v1',
    method: 'POST',
    family: 'snms',
    path: () => '/identity/token/v1',
    body: (c) => ({ username: c.owner.keyId, password: '0'.repeat(64) }),
  },
  {
    name: '/identityv2/data/detail',
    method: 'GET',
    family: 'snms',
    auth: snmsAuth,
    path: () => '/identityv2/data/detail',
    query: (c) => ({ handle: `${c.owner.prefix}/CORPUS-S1` }),
  },
  { name: '/identityv2/data', method: 'POST', family: 'snms', auth: snmsAuth, path: () => '/identityv2/data', body: (c) => snmsRecord(c) },
  { name: '/identityv2/data', method: 'PUT', family: 'snms', auth: snmsAuth, path: () => '/identityv2/data', body: (c) => snmsRecord(c) },
  {
    name: '/identityv2/data/batchCreate',
    method: 'POST',
    family: 'snms',
    auth: snmsAuth,
    path: () => '/identityv2/data/batchCreate',
    body: (c) => [snmsRecord(c, 'CORPUS-B1')],
  },
  {
    name: '/identityv2/data/batchUpdate',
    method: 'PUT',
    family: 'snms',
    auth: snmsAuth,
    path: () => '/identityv2/data/batchUpdate',
    body: (c) => [snmsRecord(c, 'CORPUS-B1')],
  },
  {
    name: '/identityv2/data',
    method: 'DELETE',
    family: 'snms',
    auth: snmsAuth,
    path: () => '/identityv2/data',
    query: (c) => ({ handle: `${c.owner.prefix}/CORPUS-NONE` }),
  },
  {
    name: '/identityv2/data/batchDelete',
    method: 'DELETE',
    family: 'snms',
    auth: snmsAuth,
    path: () => '/identityv2/data/batchDelete',
    body: (c) => [`${c.owner.prefix}/CORPUS-NONE`],
  },
  ...['v3', 'v5'].flatMap((v) => [
    {
      name: `/snms/api/${v}/template`,
      method: 'GET',
      family: 'snms' as const,
      auth: snmsAuth,
      path: () => `/snms/api/${v}/template`,
      query: (c: ProtocolContext) => ({ prefix: c.owner.prefix, version: '1.0' }),
    },
    {
      name: `/snms/api/${v}/template`,
      method: 'POST',
      family: 'snms' as const,
      auth: snmsAuth,
      path: () => `/snms/api/${v}/template`,
      body: (c: ProtocolContext) => ({
        prefix: c.owner.prefix,
        version: `corpus-${v}`,
        industryCategory: 'C',
        industrySpecific: '34',
        industryTrade: '348',
        industrySubclass: '3484',
        type: 1,
        description: '语料',
        items: [{ idIndex: 2000, idType: 'name', name: '名称', required: true, metadata: { type: 'string' } }],
      }),
    },
    {
      name: `/snms/api/${v}/template`,
      method: 'DELETE',
      family: 'snms' as const,
      auth: snmsAuth,
      path: () => `/snms/api/${v}/template`,
      body: (c: ProtocolContext) => ({ prefix: c.owner.prefix, version: 'none' }),
    },
  ]),
  {
    name: '/snms/api/v5/template',
    method: 'PUT',
    family: 'snms',
    auth: snmsAuth,
    path: () => '/snms/api/v5/template',
    body: (c) => ({
      prefix: c.owner.prefix,
      version: 'corpus-none',
      industryCategory: 'C',
      industrySpecific: '34',
      industryTrade: '348',
      industrySubclass: '3484',
      type: 1,
      items: [{ idIndex: 2000, idType: 'name', name: '名称', state: 1, metadata: { type: 'string' } }],
    }),
  },
  // EPCIS 2.0 under /epcis (the /api/epcis twins are in the OpenAPI document)
  { name: '/epcis/capture', method: 'POST', family: 'epcis', auth: handleAuth, path: () => '/epcis/capture', body: epcisDocument },
  { name: '/epcis/events', method: 'POST', family: 'epcis', auth: handleAuth, path: () => '/epcis/events', body: () => EPCIS_EVENT },
  { name: '/epcis/events', method: 'GET', family: 'epcis', auth: handleAuth, path: () => '/epcis/events', query: () => EPCIS_QUERY },
  {
    name: '/epcis/events/{eventId}',
    method: 'GET',
    family: 'epcis',
    auth: handleAuth,
    segmented: true,
    path: (_, s = 'ni%3A%2F%2F%2Fsha-256%3Bx') => `/epcis/events/${s}`,
  },
  {
    name: '/epcis/capture/{captureId}',
    method: 'GET',
    family: 'epcis',
    auth: handleAuth,
    segmented: true,
    path: (_, s = 'none') => `/epcis/capture/${s}`,
  },
  {
    name: '/epcis/epcs/{epc}/events',
    method: 'GET',
    family: 'epcis',
    auth: handleAuth,
    segmented: true,
    path: (_, s = encodeURIComponent('https://id.gs1.org/01/09521234543213/21/CORPUS1')) => `/epcis/epcs/${s}/events`,
    query: () => EPCIS_QUERY,
  },
  // the binding's top-level resources and discovery (only under /epcis)
  ...['eventTypes', 'bizSteps', 'dispositions', 'readPoints', 'bizLocations', 'epcs', 'capture'].map(
    (resource): Declared & { auth: typeof handleAuth } => ({
      name: `/epcis/${resource}`,
      method: 'GET',
      family: 'epcis',
      auth: handleAuth,
      path: () => `/epcis/${resource}`,
      query: () => ({ perPage: '10', nextPageToken: '10' }),
    }),
  ),
  ...(
    [
      ['eventTypes', 'ObjectEvent'],
      ['bizSteps', 'shipping'],
      ['dispositions', 'in_transit'],
      ['readPoints', encodeURIComponent('urn:epc:id:sgln:0614141.07346.1234')],
      ['bizLocations', encodeURIComponent('urn:epc:id:sgln:0614141.00888.0')],
    ] as const
  ).flatMap(([resource, value]): (Declared & { auth: typeof handleAuth })[] => [
    {
      name: `/epcis/${resource}/{value}`,
      method: 'GET',
      family: 'epcis',
      auth: handleAuth,
      segmented: true,
      path: (_, s = value) => `/epcis/${resource}/${s}`,
    },
    {
      name: `/epcis/${resource}/{value}/events`,
      method: 'GET',
      family: 'epcis',
      auth: handleAuth,
      segmented: true,
      path: (_, s = value) => `/epcis/${resource}/${s}/events`,
      query: () => EPCIS_QUERY,
    },
  ]),
  {
    name: '/epcis/epcs/{epc}',
    method: 'GET',
    family: 'epcis',
    auth: handleAuth,
    segmented: true,
    path: (_, s = encodeURIComponent('urn:epc:id:sgtin:0614141.107346.2017')) => `/epcis/epcs/${s}`,
  },
  { name: '/epcis', method: 'GET', family: 'epcis', auth: handleAuth, path: () => '/epcis' },
  { name: '/epcis/queries', method: 'GET', family: 'epcis', auth: handleAuth, path: () => '/epcis/queries' },
  {
    name: '/epcis/queries',
    method: 'POST',
    family: 'epcis',
    auth: handleAuth,
    path: () => '/epcis/queries',
    body: () => ({ name: 'corpus', query: { eventType: ['ObjectEvent'], EQ_bizStep: ['shipping'], GE_eventTime: '2026-01-01T00:00:00Z' } }),
  },
  ...(['', '/events'] as const).map((tail): Declared & { auth: typeof handleAuth } => ({
    name: `/epcis/queries/{name}${tail}`,
    method: 'GET',
    family: 'epcis',
    auth: handleAuth,
    segmented: true,
    path: (_, s = 'corpus') => `/epcis/queries/${s}${tail}`,
    ...(tail ? { query: () => ({ perPage: '10', nextPageToken: 'x' }) } : {}),
  })),
  {
    name: '/epcis/queries/{name}',
    method: 'DELETE',
    family: 'epcis',
    auth: handleAuth,
    segmented: true,
    path: (_, s = 'corpus-none') => `/epcis/queries/${s}`,
  },
  { name: '/epcis (OPTIONS)', method: 'OPTIONS', family: 'epcis', auth: handleAuth, path: () => '/epcis/capture' },
  // identifier and GS1 Digital Link redirects to the trace data
  {
    name: '/{prefix}/{suffix}',
    method: 'GET',
    family: 'platform',
    segmented: true,
    path: (c, s = 'CORPUS-T1') => `/${c.owner.prefix}/${s}`,
  },
  {
    name: '/01/{gtin}/21/{serial}',
    method: 'GET',
    family: 'platform',
    segmented: true,
    path: (_, s = '09521234543213') => `/01/${s}/21/CORPUS1`,
  },
  {
    name: '/01/{gtin}/10/{lot}/21/{serial}',
    method: 'GET',
    family: 'platform',
    segmented: true,
    path: (_, s = 'LOT1') => `/01/09521234543213/10/${s}/21/CORPUS1`,
    query: () => ({ linkType: 'all', '17': '261231' }),
  },
  { name: '/00/{sscc}', method: 'GET', family: 'platform', segmented: true, path: (_, s = '106141412345678908') => `/00/${s}` },
  {
    name: '/414/{gln}/254/{extension}',
    method: 'GET',
    family: 'platform',
    segmented: true,
    path: (_, s = '9521321000018') => `/414/${s}/254/1`,
    query: () => ({ linkType: 'gs1:traceability' }),
  },
  {
    name: '/{prefix}/{suffix} (linkset)',
    method: 'GET',
    family: 'platform',
    segmented: true,
    path: (c, s = 'CORPUS-T1') => `/${c.owner.prefix}/${s}`,
    query: () => ({ linkType: 'all' }),
  },
  { name: '/.well-known/gs1resolver', method: 'GET', family: 'platform', path: () => '/.well-known/gs1resolver' },
];

export const PROTOCOL_ROUTES: ProtocolRoute[] = DECLARED.map((d) => ({
  name: d.name,
  method: d.method,
  headers: (c) => d.auth?.(c) ?? {},
  shapeProblem: SHAPES[d.family],
  requests: (c) => protocolRequests(d, c),
}));

function* protocolRequests(d: Declared, c: ProtocolContext): Generator<ProtocolRequest> {
  const query = d.query?.(c) ?? {};
  const queryText = (override?: { name: string; text: string | null }) => {
    const pairs = Object.entries(query)
      .filter(([name]) => name !== override?.name)
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
    if (override?.text != null) pairs.push(`${override.name}=${override.text}`);
    return pairs.length ? `?${pairs.join('&')}` : '';
  };
  const base = d.body?.(c);
  const json = base === undefined ? undefined : JSON.stringify(base);
  const withJson = (r: ProtocolRequest): ProtocolRequest =>
    json === undefined ? r : { body: json, contentType: 'application/json', ...r };

  yield withJson({ note: 'as is', path: d.path(c) + queryText() });
  if (d.segmented)
    for (const v of badUrlValues(undefined, true)) yield withJson({ note: `path: ${v.note}`, path: d.path(c, v.text) + queryText() });
  for (const name of Object.keys(query)) {
    yield withJson({ note: `query ${name} missing`, path: d.path(c) + queryText({ name, text: null }) });
    for (const v of badUrlValues(undefined, false))
      yield withJson({ note: `query ${name}: ${v.note}`, path: d.path(c) + queryText({ name, text: v.text }) });
  }
  if (base === undefined) return;
  const path = d.path(c) + queryText();
  const item = Array.isArray(base) ? base[0] : base;
  const wrap = (text: string) => (Array.isArray(base) ? `[${text}]` : text);
  if (item && typeof item === 'object')
    for (const name of Object.keys(item)) {
      const { [name]: _dropped, ...rest } = item as Record<string, unknown>;
      yield { note: `body ${name} missing`, path, body: wrap(JSON.stringify(rest)), contentType: 'application/json' };
      for (const v of badJsonValues(undefined))
        yield {
          note: `body ${name}: ${v.note}`,
          path,
          body: wrap(withField(item as Record<string, unknown>, name, v.json)),
          contentType: 'application/json',
        };
    }
  for (const v of badJsonValues(undefined)) yield { note: `whole body: ${v.note}`, path, body: v.json, contentType: 'application/json' };
  for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded'])
    yield { note: `body as ${type}`, path, body: json, contentType: type };
}
