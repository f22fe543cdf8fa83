import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type Json, type TestClient } from '../../../../test/harness.ts';
import { epcisSchemaProblems } from './schema.ts';
import {
  API_KEY_ID,
  API_KEY_SECRET,
  basic,
  EXAMPLE_FILES,
  exampleText,
  seedIdentifierFixtures,
  storedCounts,
} from './traceability.fixtures.ts';

// The EPCIS 2.0 conformance suite, through the REST binding under /epcis as a client written from the
// standard's OpenAPI document uses it: GS1's examples (shared/standards/epcis/examples, copied to
// gs1/examples) and a few events of our own are captured, then a table of queries — one case at least for
// every SimpleEventQuery parameter family (EPCIS 2.0 §8.2.7.1): lists, patterns, boundaries, ordering,
// paging — each with the eventIDs it must return; capture with GS1-Capture-Error-Behaviour proceed and
// rollback; every top-level endpoint with its content type; RFC 7807 problems.

const CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { example: 'http://ns.example.com/epcis/' }];
const enc = encodeURIComponent;
// a web build, so that the web app's fallback is there to be avoided
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'zhizao-web-'));
fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>web app</title>');

const X2 = 'urn:uuid:5b0c6f1e-0000-4000-8000-0000000000c2';
const X3 = 'urn:uuid:5b0c6f1e-0000-4000-8000-0000000000c3';
const ownDocument = {
  '@context': CONTEXT,
  type: 'EPCISDocument',
  schemaVersion: '2.0',
  creationDate: '2026-01-04T00:00:00Z',
  epcisBody: {
    eventList: [
      {
        // no eventID, and a recordTime the repository must replace
        type: 'ObjectEvent',
        action: 'ADD',
        bizStep: 'commissioning',
        epcList: ['urn:epc:id:sgtin:0614141.107346.9001'],
        eventTime: '2026-01-01T00:00:00.000123Z',
        eventTimeZoneOffset: '+00:00',
        recordTime: '2000-01-01T00:00:00.000Z',
        persistentDisposition: { set: ['completeness_verified'] },
      },
      {
        eventID: X2,
        type: 'example:CustomEvent',
        eventTime: '2026-01-02T00:00:00Z',
        eventTimeZoneOffset: '+00:00',
        'example:myField': 'custom',
      },
      {
        eventID: X3,
        type: 'ObjectEvent',
        action: 'DELETE',
        epcList: ['urn:epc:id:sgtin:4012345.011122.77'],
        eventTime: '2026-01-03T00:00:00Z',
        eventTimeZoneOffset: '+00:00',
        errorDeclaration: { declarationTime: '2026-01-03T12:00:00Z', reason: 'incorrect_data', correctiveEventIDs: [X2] },
        sensorElementList: [
          { sensorMetadata: { time: '2026-01-03T00:00:00Z' }, sensorReport: [{ type: 'Temperature', value: 26, uom: 'CEL' }] },
        ],
      },
    ],
  },
};

type QueryDoc = { epcisBody: { queryResults: { resultsBody: { eventList: Record<string, unknown>[] } } } };
const eventsOf = (doc: QueryDoc) => doc.epcisBody.queryResults.resultsBody.eventList;

async function call(c: TestClient, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await c.raw(method, url, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/ld+json' }), ...headers },
  });
  const text = await response.text();
  let json: Json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // HTML or other text stays in `text`
  }
  return { status: response.status, headers: response.headers, text, body: json, type: response.headers.get('content-type') ?? '' };
}

describeEachDatabase(
  'EPCIS 2.0 conformance (REST binding under /epcis)',
  (server) => {
    let client: TestClient;
    const auth = { authorization: basic(API_KEY_ID, API_KEY_SECRET) };
    const ids = new Map<string, string>();
    let between = '';
    const get = (url: string, headers: Record<string, string> = {}) => call(client, 'GET', url, undefined, { ...auth, ...headers });
    const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
      call(client, 'POST', url, body, { ...auth, ...headers });
    const names = async (query: string) => {
      const res = await get(`/epcis/events?perPage=1000&${query}`);
      expect(res.status, `${query} → ${res.text.slice(0, 300)}`).toBe(200);
      const byId = new Map([...ids].map(([name, id]) => [id, name]));
      return eventsOf(res.body).map((e) => byId.get(e.eventID as string) ?? String(e.eventID));
    };

    beforeAll(async () => {
      await seedIdentifierFixtures(server());
      client = server().client();
      const short = ['A', 'B', 'C', 'D', 'DA', 'DB', 'DC', 'DD'];
      for (const [i, file] of EXAMPLE_FILES.entries()) {
        const res = await call(client, 'POST', '/epcis/capture', JSON.parse(exampleText(file)), auth);
        expect(res.status, `${file} ${res.text}`).toBe(202);
        const doc = JSON.parse(exampleText(file)) as { epcisBody: { eventList: { eventID: string }[] } };
        const prefix = short[EXAMPLE_FILES.length === 8 ? i : 0]!;
        doc.epcisBody.eventList.forEach((e, n) => ids.set(doc.epcisBody.eventList.length > 1 ? `${prefix}${n}` : prefix, e.eventID));
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
      between = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const own = await post('/epcis/capture', ownDocument);
      expect(own.status, own.text).toBe(202);
      const x1 = await get(`/epcis/events?EQ_bizStep=commissioning&eventType=ObjectEvent`);
      ids.set('X1', eventsOf(x1.body)[0]!.eventID as string);
      ids.set('X2', X2);
      ids.set('X3', X3);
    });

    it('sets recordTime itself and gives an eventID to an event sent without one (B1)', async () => {
      const res = await get(`/epcis/events/${enc(ids.get('X1')!)}`);
      const [event] = eventsOf(res.body);
      expect(event!.eventID).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(event!.recordTime).not.toBe('2000-01-01T00:00:00.000Z');
      expect(event!.recordTime! > between).toBe(true);
      // the same event sent again gets the same eventID, so it is a duplicate
      const again = await post('/epcis/capture', { ...ownDocument, epcisBody: { eventList: [ownDocument.epcisBody.eventList[0]] } });
      expect(again.status).toBe(409);
      expect(await names('LT_recordTime=2001-01-01T00:00:00Z')).toEqual([]);
      expect((await names(`GE_recordTime=${enc(between)}`)).sort()).toEqual(['X1', 'X2', 'X3']);
      expect(await names(`LT_recordTime=${enc(between)}&eventType=TransformationEvent`)).toEqual(['D', 'DD']);
    });

    // [query, expected events in the repository's order (eventTime, then capture order)]
    const TABLE: [string, string[]][] = [
      // lists (B3) and extension event types (B6)
      ['eventType=AggregationEvent|TransformationEvent', ['C', 'DC', 'D', 'DD']],
      [`eventType=${enc('example:CustomEvent')}`, ['X2']],
      ['EQ_action=DELETE', ['X3']],
      ['EQ_action=ADD|DELETE', ['X1', 'X3']],
      ['EQ_bizStep=shipping|commissioning', ['A0', 'DA0', 'D', 'DD', 'X1']],
      [`EQ_bizStep=${enc('https://ref.gs1.org/cbv/BizStep-shipping')}`, ['A0', 'DA0']],
      ['EQ_disposition=in_transit|in_progress', ['A0', 'DA0', 'A1', 'DA1', 'B', 'C', 'DB', 'DC', 'D', 'DD']],
      ['EQ_persistentDisposition_set=completeness_verified', ['X1']],
      ['EQ_persistentDisposition_unset=completeness_verified', []],
      [`EQ_eventID=${'$A0'}|${'$B'}`, ['A0', 'B']],
      // time boundaries, sub-millisecond digits compared exactly (B10)
      [`GE_eventTime=${enc('2005-04-04T02:33:31.116Z')}&LT_eventTime=${enc('2005-04-04T02:33:31.1161Z')}`, ['A0', 'DA0']],
      [`GE_eventTime=${enc('2005-04-04T02:33:31.1161Z')}&LT_eventTime=${enc('2005-04-05T00:00:00Z')}`, []],
      [`LT_eventTime=${enc('2005-04-04T02:33:31.116Z')}`, []],
      [`GE_eventTime=${enc('2026-01-01T00:00:00.000123Z')}`, ['X1', 'X2', 'X3']],
      [`GE_eventTime=${enc('2026-01-01T00:00:00.0001231Z')}`, ['X2', 'X3']],
      [
        `GE_eventTime=${enc('2005-04-04T20:33:31.116-06:00')}&LT_eventTime=${enc('2013-06-08T14:58:56.592Z')}`,
        ['A1', 'DA1', 'B', 'C', 'DB', 'DC'],
      ],
      // locations, with descendants (no master data: the locations themselves)
      [`EQ_readPoint=${enc('urn:epc:id:sgln:0614141.07346.1234')}|${enc('urn:epc:id:sgln:0012345.11111.400')}`, ['A0', 'DA0', 'A1', 'DA1']],
      [`WD_readPoint=${enc('urn:epc:id:sgln:0614141.07346.1234')}`, ['A0', 'DA0']],
      [`EQ_bizLocation=${enc('urn:epc:id:sgln:0614141.00888.0')}`, ['B', 'C', 'DB', 'DC']],
      [`WD_bizLocation=${enc('urn:epc:id:sgln:0012345.11111.0')}`, ['A1', 'DA1']],
      // EPCs: MATCH_epc is epcList and childEPCs only (B2); patterns (B8)
      [`MATCH_epc=${enc('urn:epc:id:sscc:0614141.1234567890')}`, []],
      [`MATCH_parentID=${enc('urn:epc:id:sscc:0614141.1234567890')}`, ['C', 'DC']],
      [`MATCH_epc=${enc('urn:epc:idpat:sgtin:0614141.107346.*')}`, ['A0', 'A1', 'C', 'X1']],
      [`MATCH_anyEPC=${enc('urn:epc:idpat:sgtin:0614141.*.*')}`, ['A0', 'DA0', 'A1', 'DA1', 'C', 'DC', 'X1']],
      [
        `MATCH_epc=${enc('https://id.gs1.org/01/70614141123451/21/2017')}|${enc('urn:epc:id:sgtin:4012345.011122.77')}`,
        ['DA0', 'DC', 'X3'],
      ],
      [`MATCH_inputEPC=${enc('urn:epc:id:sgtin:4000001.065432.99886655')}`, ['D', 'DD']],
      [`MATCH_outputEPC=${enc('urn:epc:idpat:sgtin:4012345.077889.*')}`, ['D', 'DD']],
      [`MATCH_anyEPC=${enc('urn:epc:id:sgtin:4012345.077889.25')}`, ['D', 'DD']],
      [`MATCH_epcClass=${enc('urn:epc:class:lgtin:4012345.012345.998877')}`, ['B', 'C', 'DC']],
      [`MATCH_inputEPCClass=${enc('urn:epc:class:lgtin:4012345.011111.4444')}`, ['D', 'DD']],
      [`MATCH_outputEPCClass=${enc('urn:epc:class:lgtin:4012345.011111.4444')}`, []],
      [`MATCH_anyEPCClass=${enc('urn:epc:idpat:sgtin:4012345.066666.*')}`, ['D', 'DD']],
      ['GE_quantity=200', ['B', 'C', 'DB', 'DC', 'D', 'DD']],
      ['LT_quantity=10', []],
      // business transactions, sources and destinations by type
      [`EQ_bizTransaction_desadv=${enc('urn:epcglobal:cbv:bt:0614141073467:1152')}`, ['A1', 'DA1']],
      [`EQ_source_location=${enc('urn:epc:id:sgln:4012345.00225.0')}`, ['B', 'DB']],
      [`EQ_destination_owning_party=${enc('urn:epc:id:sgln:0614141.00001.0')}`, ['B', 'DB']],
      // error declarations
      ['EXISTS_errorDeclaration', ['X3']],
      ['EQ_errorReason=incorrect_data', ['X3']],
      [`EQ_correctiveEventID=${enc(X2)}`, ['X3']],
      [`GE_errorDeclarationTime=${enc('2026-01-03T12:00:00Z')}`, ['X3']],
      [`LT_errorDeclarationTime=${enc('2026-01-03T12:00:00Z')}`, []],
      // extension fields, by prefix or by IRI, and ILMD
      [`${enc('EQ_example:myField')}=${enc('Example of a vendor/user extension')}`, ['A1', 'DA1', 'B', 'C', 'DB', 'DC', 'D', 'DD']],
      [`${enc('EQ_http://ns.example.com/epcis/myField')}=custom`, ['X2']],
      [`${enc('EXISTS_example:myField')}&eventType=ObjectEvent|${enc('example:CustomEvent')}`, ['A1', 'DA1', 'B', 'DB', 'X2']],
      [`${enc('EQ_ILMD_example:batch')}=XYZ|ABC`, ['D', 'DD']],
      [`${enc('EXISTS_ILMD_example:bestBeforeDate')}`, ['D', 'DD']],
      // sensor reports
      ['EQ_type=Temperature', ['X3']],
      ['GT_value=25&LE_value=26', ['X3']],
      ['LT_value=25', []],
      ['EQ_uom=CEL', ['X3']],
      [`GE_time=${enc('2026-01-03T00:00:00Z')}`, ['X3']],
      // master-data attributes: none captured
      ['HASATTR_readPoint=x', []],
    ];

    it('answers every query of the table with exactly the events it names (B2, B3, B6, B8, B10 and the standard parameters)', async () => {
      for (const [query, expected] of TABLE) {
        const q = query.replace(/\$(\w+)/g, (_, name: string) => enc(ids.get(name)!));
        expect(await names(q), q).toEqual(expected);
      }
    });

    it('orders by eventTime or recordTime in either direction, limits and pages', async () => {
      expect(await names('eventType=ObjectEvent&orderBy=eventTime&orderDirection=DESC')).toEqual([
        'X3',
        'X1',
        'DB',
        'B',
        'DA1',
        'A1',
        'DA0',
        'A0',
      ]);
      expect(await names('orderBy=recordTime&orderDirection=ASC&eventCountLimit=3')).toEqual(['A0', 'A1', 'B']);
      expect(await names('orderBy=recordTime&eventCountLimit=2')).toEqual(['X3', 'X2']);
      expect(await names('eventType=ObjectEvent&maxEventCount=8')).toHaveLength(8);
      const tooMany = await get('/epcis/events?eventType=ObjectEvent&maxEventCount=7');
      expect([tooMany.status, tooMany.body.type]).toEqual([413, 'epcisException:QueryTooLargeException']);
      const both = await get('/epcis/events?eventCountLimit=1&maxEventCount=1');
      expect([both.status, both.body.type]).toEqual([400, 'epcisException:QueryParameterException']);
      // pages follow the order and the limit across pages
      const pagesOf = async (first: string) => {
        const seen: string[] = [];
        const byId = new Map([...ids].map(([name, id]) => [id, name]));
        let next: string | null = first;
        let pages = 0;
        while (next) {
          const page = await get(next);
          expect(page.status, page.text).toBe(200);
          pages++;
          seen.push(...eventsOf(page.body).map((e) => byId.get(e.eventID as string)!));
          next = /<([^>]+)>; rel="next"/.exec(page.headers.get('link') ?? '')?.[1] ?? null;
        }
        return { seen, pages };
      };
      const desc = await pagesOf('/epcis/events?eventType=ObjectEvent&orderDirection=DESC&perPage=3');
      expect(desc).toEqual({ seen: ['X3', 'X1', 'DB', 'B', 'DA1', 'A1', 'DA0', 'A0'], pages: 3 });
      const limited = await pagesOf('/epcis/events?EQ_disposition=in_progress&eventCountLimit=5&perPage=2');
      expect(limited).toEqual({ seen: ['A1', 'DA1', 'B', 'C', 'DB'], pages: 3 });
      // a predicate the index cannot narrow still fills its pages
      const field = await pagesOf(`/epcis/events?${enc('EXISTS_example:myField')}&perPage=4`);
      expect(field.seen).toEqual(['A1', 'DA1', 'B', 'C', 'DB', 'DC', 'D', 'DD', 'X2']);
    });

    it("declares in the query document's @context the namespaces the events were captured with (B4)", async () => {
      const res = await get(`/epcis/events?EQ_eventID=${enc(ids.get('A1')!)}`);
      expect(res.body['@context']).toEqual(CONTEXT);
      expect(res.headers.get('gs1-extensions')).toBe('example=http://ns.example.com/epcis/');
      expect(eventsOf(res.body)[0]!['example:myField']).toBe('Example of a vendor/user extension');
      expect(epcisSchemaProblems(res.body)).toEqual([]);
    });

    it('answers GET /events/{eventID} with a query document (B7)', async () => {
      const res = await get(`/epcis/events/${enc(X2)}`);
      expect(res.status).toBe(200);
      expect(res.body.type).toBe('EPCISQueryDocument');
      expect(eventsOf(res.body).map((e) => e.eventID)).toEqual([X2]);
      expect(epcisSchemaProblems(res.body)).toEqual([]);
    });

    it('answers every top-level endpoint of the REST binding in JSON, never the web app (B5)', async () => {
      const member = async (url: string) => {
        const res = await get(url);
        expect([res.status, res.type], `${url} ${res.text.slice(0, 200)}`).toEqual([200, 'application/json; charset=utf-8']);
        expect(res.body.type, url).toBe('Collection');
        return res.body.member as string[];
      };
      expect(await member('/epcis')).toEqual(expect.arrayContaining(['events', 'eventTypes', 'epcs', 'bizSteps', 'capture', 'queries']));
      expect(await member('/epcis/eventTypes')).toEqual(expect.arrayContaining(['ObjectEvent', 'AssociationEvent', 'example:CustomEvent']));
      expect(await member('/epcis/eventTypes/ObjectEvent')).toEqual(['events']);
      expect(await member('/epcis/bizSteps')).toEqual(['commissioning', 'receiving', 'shipping']);
      expect(await member('/epcis/dispositions')).toEqual(['in_progress', 'in_transit']);
      expect(await member('/epcis/readPoints')).toHaveLength(4);
      expect(await member('/epcis/bizLocations')).toHaveLength(2);
      const epcs = await member('/epcis/epcs?perPage=1000');
      expect(epcs).toContain('https://id.gs1.org/01/10614141073464/21/2017');
      expect(await member(`/epcis/epcs/${enc('urn:epc:id:sgtin:0614141.107346.2017')}`)).toEqual(['events']);
      const paged = await get('/epcis/epcs?perPage=2');
      expect(paged.body.member).toHaveLength(2);
      expect(paged.headers.get('link')).toContain('nextPageToken=2');

      const byResource: [string, string[]][] = [
        ['/epcis/eventTypes/AggregationEvent/events', ['C', 'DC']],
        [`/epcis/eventTypes/${enc('example:CustomEvent')}/events`, ['X2']],
        ['/epcis/bizSteps/shipping/events', ['A0', 'DA0']],
        ['/epcis/dispositions/in_transit/events', ['A0', 'DA0']],
        [`/epcis/readPoints/${enc('urn:epc:id:sgln:0012345.11111.400')}/events`, ['A1', 'DA1']],
        [`/epcis/bizLocations/${enc('urn:epc:id:sgln:0614141.00888.0')}/events?eventType=AggregationEvent`, ['C', 'DC']],
        [`/epcis/epcs/${enc('urn:epc:id:sscc:0614141.1234567890')}/events`, ['C', 'DC']],
      ];
      const byId = new Map([...ids].map(([name, id]) => [id, name]));
      for (const [url, expected] of byResource) {
        const res = await get(url);
        expect([res.status, res.type], url).toEqual([200, 'application/json; charset=utf-8']);
        expect(
          eventsOf(res.body).map((e) => byId.get(e.eventID as string)),
          url,
        ).toEqual(expected);
      }
      const conflict = await get('/epcis/bizSteps/shipping/events?EQ_bizStep=receiving');
      expect([conflict.status, conflict.body.type]).toEqual([400, 'epcisException:QueryParameterException']);

      const jobs = await get('/epcis/capture');
      expect(jobs.status).toBe(200);
      expect(jobs.body.length).toBeGreaterThanOrEqual(9);
      expect(jobs.body[0]).toMatchObject({ running: false, success: true, captureErrorBehaviour: 'rollback' });

      const options = await call(client, 'OPTIONS', '/epcis/capture');
      expect(options.status).toBe(204);
      expect(options.headers.get('allow')).toBe('OPTIONS, GET, POST');
      expect(options.headers.get('gs1-epcis-capture-limit')).toBe('10000');
      expect((await call(client, 'OPTIONS', '/epcis')).headers.get('gs1-epcis-version')).toBe('2.0.0');
      for (const url of ['/epcis/nothing', '/epcis/eventTypes/ObjectEvent/other/deeper']) {
        const missing = await get(url);
        expect([missing.status, missing.type, missing.body?.type], url).toEqual([
          404,
          'application/problem+json; charset=utf-8',
          'epcisException:NoSuchResourceException',
        ]);
      }
      // the web app still answers its own pages
      expect((await call(client, 'GET', '/traceability')).text).toContain('web app');
    });

    it('captures EPCISQueryDocuments too, and refuses nothing a client of the standard sends (B6)', async () => {
      const queried = await get(`/epcis/events?EQ_eventID=${enc(X2)}`);
      const copy = structuredClone(queried.body);
      const event = eventsOf(copy)[0]!;
      event.eventID = 'urn:uuid:5b0c6f1e-0000-4000-8000-0000000000d1';
      delete event.recordTime;
      const res = await post('/epcis/capture', copy);
      expect(res.status, res.text).toBe(202);
      expect((await get(`/epcis/events/${enc(event.eventID as string)}`)).status).toBe(200);
      // an extension type as a full IRI, longer than the standard's names
      const type = 'https://ns.example.com/epcis/vocabulary/ColdChainInspectionEvent';
      const long = await post('/epcis/capture', {
        '@context': CONTEXT,
        type,
        eventID: 'urn:uuid:5b0c6f1e-0000-4000-8000-0000000000d2',
        eventTime: '2026-01-05T00:00:00Z',
        eventTimeZoneOffset: '+00:00',
      });
      expect(long.status, long.text).toBe(202);
      expect(eventsOf((await get(`/epcis/events?eventType=${enc(type)}`)).body)).toHaveLength(1);
    });

    it('keeps named queries of the enterprise and runs them, paged like /events', async () => {
      expect(await get('/epcis/queries')).toMatchObject({ status: 200, body: [] });
      const query = {
        eventType: ['ObjectEvent', 'AggregationEvent'],
        EQ_bizStep: ['receiving'],
        orderDirection: 'ASC',
        orderBy: 'eventTime',
      };
      const created = await post('/epcis/queries', { name: 'receipts', query });
      expect([created.status, created.headers.get('location')]).toEqual([201, '/epcis/queries/receipts']);
      expect((await post('/epcis/queries', { name: 'receipts', query })).status).toBe(409);
      const wrong = await post('/epcis/queries', { name: 'wrong', query: { EQ_colour: ['red'] } });
      expect([wrong.status, wrong.body.error.field]).toEqual([400, 'EQ_colour']);
      expect((await get('/epcis/queries')).body).toEqual([{ name: 'receipts', query, createdAt: expect.any(String) }]);
      expect((await get('/epcis/queries/receipts')).body.query).toEqual(query);
      const byId = new Map([...ids].map(([name, id]) => [id, name]));
      const first = await get('/epcis/queries/receipts/events?perPage=3');
      expect(eventsOf(first.body).map((e) => byId.get(e.eventID as string))).toEqual(['A1', 'DA1', 'B']);
      const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')![1]!;
      expect(eventsOf((await get(next)).body).map((e) => byId.get(e.eventID as string))).toEqual(['C', 'DB', 'DC']);
      expect((await call(client, 'DELETE', '/epcis/queries/receipts', undefined, auth)).status).toBe(204);
      expect((await get('/epcis/queries/receipts/events')).status).toBe(404);
      expect((await call(client, 'DELETE', '/epcis/queries/receipts', undefined, auth)).status).toBe(404);
    });

    it('with GS1-Capture-Error-Behaviour: proceed stores the good events and reports the bad; rollback stores none (B9)', async () => {
      const good = (n: number) => ({
        eventID: `urn:uuid:5b0c6f1e-0000-4000-8000-00000000e00${n}`,
        type: 'ObjectEvent',
        action: 'OBSERVE',
        epcList: ['urn:epc:id:sgtin:0614141.107346.5000'],
        eventTime: '2026-02-01T00:00:00Z',
        eventTimeZoneOffset: '+00:00',
      });
      const doc = {
        '@context': CONTEXT,
        type: 'EPCISDocument',
        schemaVersion: '2.0',
        creationDate: '2026-02-01T00:00:00Z',
        epcisBody: { eventList: [good(1), { ...good(2), action: 'JUMP' }, good(3), { ...good(4), eventID: X2 }] },
      };
      const before = await storedCounts(server());
      for (const headers of [{}, { 'GS1-Capture-Error-Behaviour': 'rollback' }] as Record<string, string>[]) {
        const refused = await post('/epcis/capture', doc, headers);
        expect([refused.status, refused.type, refused.body.type]).toEqual([
          400,
          'application/problem+json; charset=utf-8',
          'epcisException:ValidationException',
        ]);
        expect(refused.body.error.code).toBe('traceability.schemaInvalid');
      }
      expect(await storedCounts(server())).toEqual(before);

      const res = await post('/epcis/capture', doc, { 'GS1-Capture-Error-Behaviour': 'proceed' });
      expect(res.status, res.text).toBe(202);
      expect(res.body.eventCount).toBe(2);
      expect(res.body.errors.map((e: { instance: string; status: number }) => [e.instance, e.status])).toEqual([
        ['#/epcisBody/eventList/1', 400],
        ['#/epcisBody/eventList/3', 409],
      ]);
      const job = await get(res.headers.get('location')!);
      expect(job.body).toMatchObject({ success: false, captureErrorBehaviour: 'proceed', eventCount: 2 });
      expect(job.body.errors[0]).toMatchObject({ type: 'epcisException:ValidationException', eventID: good(2).eventID });
      expect(await names(`MATCH_epc=${enc('urn:epc:id:sgtin:0614141.107346.5000')}`)).toEqual([good(1).eventID, good(3).eventID]);
      const bad = await post('/epcis/capture', doc, { 'GS1-Capture-Error-Behaviour': 'sometimes' });
      expect(bad.status).toBe(400);
    });

    it('answers errors as RFC 7807 problems with the standard exception types, 401 with WWW-Authenticate, and the GS1 headers', async () => {
      const unknown = await get('/epcis/events?EQ_colour=red');
      expect([unknown.status, unknown.type]).toEqual([400, 'application/problem+json; charset=utf-8']);
      expect(unknown.body).toMatchObject({
        type: 'epcisException:QueryParameterException',
        title: 'QueryParameterException',
        status: 400,
        instance: '/epcis/events',
        error: { code: 'traceability.unknownQueryParameter', field: 'EQ_colour' },
      });
      expect(typeof unknown.body.detail).toBe('string');
      for (const bad of ['EQ_action=JUMP', 'GE_eventTime=yesterday', 'orderBy=colour', 'eventCountLimit=0']) {
        const res = await get(`/epcis/events?${bad}`);
        expect([res.status, res.body.type], bad).toEqual([400, 'epcisException:QueryParameterException']);
      }
      const anonymous = await call(client, 'GET', '/epcis/events');
      expect([anonymous.status, anonymous.body.type]).toEqual([401, 'epcisException:SecurityException']);
      expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="EPCIS", charset="UTF-8"');
      const api = await call(client, 'GET', '/api/epcis/events');
      expect(api.headers.get('www-authenticate')).toBe('Basic realm="EPCIS", charset="UTF-8"');
      expect(Object.keys(api.body)).toEqual(['error']); // /api keeps the platform's shape
      const xml = await get('/epcis/events', { accept: 'application/xml' });
      expect([xml.status, xml.body.type]).toEqual([406, 'epcisException:NotAcceptableException']);
      const future = await get('/epcis/events', { 'GS1-EPCIS-Min': '3.0.0' });
      expect(future.status).toBe(406);
      const ok = await get('/epcis/events?perPage=1', { accept: 'application/ld+json' });
      expect(ok.status).toBe(200);
      for (const [header, value] of [
        ['gs1-epcis-version', '2.0.0'],
        ['gs1-cbv-version', '2.0.0'],
        ['gs1-epcis-min', '2.0.0'],
        ['gs1-epcis-max', '2.0.0'],
        ['gs1-epc-format', 'Never_Translates'],
      ] as const)
        expect(ok.headers.get(header), header).toBe(value);
    });
  },
  { ZHIZAO_WEB_DIST: webDist },
);
