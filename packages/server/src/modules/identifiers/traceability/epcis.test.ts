import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../../test/harness.ts';
import { epcisSchemaProblems } from './schema.ts';
import {
  API_KEY_ID,
  API_KEY_SECRET,
  basic,
  EXAMPLE_FILES,
  exampleText,
  otherEnterpriseUser,
  seedIdentifierFixtures,
  storedCounts,
} from './traceability.fixtures.ts';

// EPCIS 2.0 capture and query over real HTTP: GS1's examples stored as sent, schema errors returned with
// nothing stored, queries by EPC (any URI form), bizStep, time range and location, and who sees what.

type Doc = { epcisBody: { eventList: Record<string, unknown>[] } } & Record<string, unknown>;
const CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'];
const enc = encodeURIComponent;

async function sendRaw(c: TestClient, path: string, body: string, headers: Record<string, string> = {}) {
  const response = await c.raw('POST', path, { body, headers: { 'content-type': 'application/ld+json', ...headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null };
}

async function getText(c: TestClient, path: string, headers: Record<string, string> = {}) {
  const response = await c.raw('GET', path, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null };
}

/** The one event of a GET /events/{eventID} answer (a query document), checked to be the event as sent plus the repository's recordTime. */
async function storedEvent(c: TestClient, path: string, sent: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await getText(c, path, headers);
  expect(res.status, res.text).toBe(200);
  expect(res.body.type).toBe('EPCISQueryDocument');
  const [event, ...others] = res.body.epcisBody.queryResults.resultsBody.eventList;
  expect(others).toEqual([]);
  expect(JSON.stringify(event)).toBe(JSON.stringify({ ...sent, recordTime: event.recordTime }));
  expect(Date.parse(event.recordTime)).not.toBeNaN();
  return event;
}

const eventIds = (doc: { epcisBody: { queryResults: { resultsBody: { eventList: { eventID?: string }[] } } } }) =>
  doc.epcisBody.queryResults.resultsBody.eventList.map((e) => e.eventID);

describeEachDatabase('EPCIS 2.0 capture and query', (server) => {
  let enterprise: TestClient;
  let bureau: TestClient;
  let other: TestClient;
  const idsOf = (file: string) => (JSON.parse(exampleText(file)) as Doc).epcisBody.eventList.map((e) => e.eventID as string);

  beforeAll(async () => {
    await seedIdentifierFixtures(server());
    enterprise = await server().as('enterprise_user');
    bureau = await server().as('bureau_admin');
    other = await otherEnterpriseUser(server(), 't-wendeng-epcis');
  });

  it('stores every GS1 example as sent and gives each document back byte for byte, each event with the recordTime it set', async () => {
    expect(EXAMPLE_FILES).toHaveLength(8);
    for (const file of EXAMPLE_FILES) {
      const text = exampleText(file);
      const res = await sendRaw(enterprise, '/api/epcis/capture', text);
      expect(res.status, `${file} ${res.text}`).toBe(202);
      const doc = JSON.parse(text) as Doc;
      expect(res.body).toEqual({ captureID: expect.any(String), eventCount: doc.epcisBody.eventList.length, errors: [] });
      expect(res.headers.get('location')).toBe(`/api/epcis/capture/${res.body.captureID}`);
      expect(res.headers.get('gs1-epcis-version')).toBe('2.0.0');

      const job = await enterprise.get(res.headers.get('location')!);
      expect(job.body).toMatchObject({
        captureID: res.body.captureID,
        running: false,
        success: true,
        eventCount: doc.epcisBody.eventList.length,
      });
      const stored = await getText(enterprise, `/api/epcis/capture/${res.body.captureID}/document`);
      expect(stored.text).toBe(text);
      for (const event of doc.epcisBody.eventList)
        await storedEvent(enterprise, `/api/epcis/events/${enc(event.eventID as string)}`, event);
    }
  });

  it('captures a single event (with its @context) on /capture and on /events, the latter 201 with the event as Location', async () => {
    const event = {
      '@context': CONTEXT,
      type: 'ObjectEvent',
      eventID: 'urn:uuid:7a1c2a40-0c31-4f52-9a7e-000000000001',
      action: 'OBSERVE',
      bizStep: 'inspecting',
      epcList: ['hdl:88.999.1/PUMP-X200'],
      eventTime: '2026-11-20T09:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
      readPoint: { id: 'urn:zhizao:location:QC-1' },
    };
    const res = await sendRaw(enterprise, '/api/epcis/events', JSON.stringify(event), { 'content-type': 'application/json' });
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/epcis/events/${enc(event.eventID)}`);
    await storedEvent(enterprise, res.headers.get('location')!, event);
    const single = await sendRaw(
      enterprise,
      '/api/epcis/capture',
      JSON.stringify({ ...event, eventID: 'urn:uuid:7a1c2a40-0c31-4f52-9a7e-000000000002' }),
    );
    expect(single.status).toBe(202);
    expect(single.body.eventCount).toBe(1);
    // the bare /epcis base serves EPCIS clients the same way
    await storedEvent(enterprise, `/epcis/events/${enc(event.eventID)}`, event);
    expectError(
      await enterprise.post('/api/epcis/events', JSON.parse(exampleText(EXAMPLE_FILES[0]!))),
      400,
      'traceability.notEpcis',
      'type',
    );
  });

  it('returns the schema errors field by field for a malformed document and stores nothing', async () => {
    const before = await storedCounts(server());
    const good = JSON.parse(exampleText(EXAMPLE_FILES[0]!)) as Doc;
    const bad = structuredClone(good);
    bad.creationDate = 'yesterday';
    bad.epcisBody.eventList[0]!.eventID = 'urn:uuid:00000000-0000-4000-8000-00000000bad1';
    bad.epcisBody.eventList[1]!.action = 'TELEPORT';
    delete bad.epcisBody.eventList[1]!.eventTimeZoneOffset;
    bad.epcisBody.eventList[1]!.epcList = ['88.999.1/PUMP-X200'];
    const res = await sendRaw(enterprise, '/api/epcis/capture', JSON.stringify(bad));
    expectError({ status: res.status, body: res.body, headers: res.headers }, 400, 'traceability.schemaInvalid');
    const fields = (res.body.error.details as { field: string; code: string; message: string }[]).map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'creationDate',
        'epcisBody.eventList.1.action',
        'epcisBody.eventList.1.eventTimeZoneOffset',
        'epcisBody.eventList.1.epcList.0',
      ]),
    );
    const action = res.body.error.details.find((d: { field: string }) => d.field === 'epcisBody.eventList.1.action');
    expect(action).toEqual({
      field: 'epcisBody.eventList.1.action',
      code: 'validation.enum',
      message: '字段「epcisBody.eventList.1.action」取值应为：OBSERVE, ADD, DELETE',
    });
    const english = await sendRaw(enterprise, '/api/epcis/capture', JSON.stringify(bad), { 'accept-language': 'en' });
    expect(english.body.error.details.find((d: { field: string }) => d.field === 'creationDate').message).toBe(
      'Field "creationDate" must be a valid date-time',
    );
    expect(await storedCounts(server())).toEqual(before);

    // one event already captured: the whole document is refused, its new event not stored either
    const again = structuredClone(good);
    again.epcisBody.eventList[0]!.eventID = 'urn:uuid:00000000-0000-4000-8000-00000000bad2';
    const dup = await sendRaw(enterprise, '/api/epcis/capture', JSON.stringify(again));
    expectError(
      { status: dup.status, body: dup.body, headers: dup.headers },
      409,
      'traceability.duplicateEvent',
      'epcisBody.eventList.1.eventID',
    );
    expect(await storedCounts(server())).toEqual(before);

    for (const body of ['{"type":"EPCISDocument"', '[]', '{"type":"EPCISQueryDocument"}', '{"type":"Nonsense"}']) {
      const r = await sendRaw(enterprise, '/api/epcis/capture', body);
      expect(r.status, body).toBe(400);
    }
    expect(await storedCounts(server())).toEqual(before);
  });

  it('answers hostile captures from a real enterprise with 4xx in the error shape and stores nothing', async () => {
    const before = await storedCounts(server());
    const event = {
      '@context': CONTEXT,
      type: 'ObjectEvent',
      action: 'OBSERVE',
      epcList: ['hdl:88.999.1/X'],
      eventTime: '2026-11-20T09:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
    };
    let nested: unknown = 'deep';
    for (let i = 0; i < 200; i++) nested = { a: nested };
    const bodies = [
      'null',
      '42',
      '"text"',
      '{"__proto__":{"admin":true},"type":"ObjectEvent"}',
      JSON.stringify(nested),
      JSON.stringify({ ...event, eventID: `urn:x:${'a'.repeat(700)}` }),
      JSON.stringify({ ...event, epcList: [`urn:x:${'b'.repeat(700)}`] }),
      JSON.stringify({ ...event, eventTime: '2016-12-31T23:59:60Z' }),
      JSON.stringify({ ...event, epcList: Array.from({ length: 10_000 }, () => 'urn:x:\u0000') }),
    ];
    for (const body of bodies) {
      const res = await sendRaw(enterprise, '/api/epcis/capture', body);
      expect({ body: body.slice(0, 60), status: res.status >= 400 && res.status < 500 }).toEqual({ body: body.slice(0, 60), status: true });
      expect(Object.keys(res.body)).toEqual(['error']);
    }
    expectError(
      await enterprise.post('/api/epcis/capture', { ...event, eventID: `urn:x:${'a'.repeat(700)}` }),
      400,
      'validation.maxLength',
      'eventID',
    );
    const { '@context': context, ...bare } = event;
    const tooMany = {
      '@context': context,
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2026-11-20T09:00:00Z',
      epcisBody: { eventList: Array.from({ length: 10_001 }, () => bare) },
    };
    expectError(await enterprise.post('/api/epcis/capture', tooMany), 413, 'traceability.tooManyEvents', 'epcisBody.eventList');
    expect(await storedCounts(server())).toEqual(before);
  });

  it('finds events by EPC in any of its URI forms, and answers an EPCISQueryDocument valid under the GS1 schema', async () => {
    const [shipped, received] = idsOf(EXAMPLE_FILES[0]!);
    const aggregation = idsOf('Example_9.6.3-AggregationEvent.jsonld')[0];
    const res = await getText(enterprise, `/api/epcis/epcs/${enc('urn:epc:id:sgtin:0614141.107346.2018')}/events`);
    expect(res.status).toBe(200);
    expect(epcisSchemaProblems(res.body)).toEqual([]);
    expect(eventIds(res.body)).toEqual([shipped, received, aggregation]);
    // the same item as a Digital Link on another host (GTIN 10614141073464 = indicator 1 + 0614141 + 07346 + check)
    const dl = await getText(enterprise, `/api/epcis/epcs/${enc('https://example.com/01/10614141073464/21/2018')}/events`);
    expect(eventIds(dl.body)).toEqual([shipped, received, aggregation]);
    // classes in quantity lists, and MATCH_ parameters
    const lot = await getText(enterprise, `/api/epcis/events?MATCH_epcClass=${enc('urn:epc:class:lgtin:4012345.012345.998877')}`);
    // the Digital Link aggregation example names the same lot as https://id.gs1.org/01/04012345123456/10/998877
    expect(eventIds(lot.body)).toEqual([
      idsOf('Example_9.6.2-ObjectEvent.jsonld')[0],
      aggregation,
      idsOf('WithDigitalLinkID__Example_9.6.3-AggregationEventWithDigitalLink.jsonld')[0],
    ]);
    const asChild = await getText(
      enterprise,
      `/api/epcis/events?MATCH_epc=${enc('urn:epc:id:sgtin:0614141.107346.2017')}&eventType=AggregationEvent`,
    );
    expect(eventIds(asChild.body)).toEqual([aggregation]);
    const input = await getText(enterprise, `/api/epcis/events?MATCH_anyEPC=${enc('urn:epc:id:sgtin:4000001.065432.99886655')}`);
    expect(eventIds(input.body)).toHaveLength(2); // both TransformationEvent examples
    const handle = await getText(enterprise, `/api/epcis/epcs/${enc('https://node.example/88.999.1/pump-x200')}/events`);
    expect(eventIds(handle.body)).toEqual([
      'urn:uuid:7a1c2a40-0c31-4f52-9a7e-000000000001',
      'urn:uuid:7a1c2a40-0c31-4f52-9a7e-000000000002',
    ]);
  });

  it('filters by bizStep (word or URI), time range and location, and pages with Link: rel="next"', async () => {
    const shipping = await getText(enterprise, '/api/epcis/events?EQ_bizStep=shipping');
    const shippingUri = await getText(enterprise, `/api/epcis/events?EQ_bizStep=${enc('https://ref.gs1.org/cbv/BizStep-shipping')}`);
    expect(eventIds(shipping.body)).toEqual([idsOf(EXAMPLE_FILES[0]!)[0], idsOf(EXAMPLE_FILES[4]!)[0]]);
    expect(eventIds(shippingUri.body)).toEqual(eventIds(shipping.body));
    // 2005-04-03T20:33:31.116-06:00 = 2005-04-04T02:33:31.116Z: the bound is inclusive below and exclusive above
    const day = await getText(
      enterprise,
      `/api/epcis/events?GE_eventTime=${enc('2005-04-04T02:33:31.116Z')}&LT_eventTime=${enc('2005-04-05T00:00:00+08:00')}`,
    );
    expect(eventIds(day.body)).toEqual(eventIds(shipping.body));
    const location = await getText(enterprise, `/api/epcis/events?EQ_bizLocation=${enc('urn:epc:id:sgln:0012345.11111.0')}`);
    expect(eventIds(location.body)).toEqual([idsOf(EXAMPLE_FILES[0]!)[1], idsOf(EXAMPLE_FILES[4]!)[1]]);
    const readPoint = await getText(enterprise, `/api/epcis/events?EQ_readPoint=${enc('urn:epc:id:sgln:4012345.00001.0')}`);
    expect(eventIds(readPoint.body)).toHaveLength(2);

    const seen: string[] = [];
    let next: string | null = '/api/epcis/events?perPage=4';
    while (next) {
      const page = await getText(enterprise, next);
      expect(page.status).toBe(200);
      seen.push(...(eventIds(page.body) as string[]));
      next = /<([^>]+)>; rel="next"/.exec(page.headers.get('link') ?? '')?.[1] ?? null;
    }
    expect(seen).toHaveLength(12); // 10 in the GS1 examples, 2 single events
    expect(new Set(seen).size).toBe(12);
    expectError(await enterprise.get('/api/epcis/events?nextPageToken=garbage'), 400, 'traceability.badPageToken', 'nextPageToken');
    expectError(
      await enterprise.get('/api/epcis/events?GE_eventTime=2016-12-31T23:59:60Z'),
      400,
      'traceability.queryParameter',
      'GE_eventTime',
    );
  });

  it('keeps each enterprise to its own events; the bureau reads all; anonymous callers none', async () => {
    const someId = idsOf(EXAMPLE_FILES[0]!)[0]!;
    expect(eventIds((await getText(other, '/api/epcis/events')).body)).toEqual([]);
    expect(eventIds((await getText(other, `/api/epcis/epcs/${enc('urn:epc:id:sgtin:0614141.107346.2018')}/events`)).body)).toEqual([]);
    expectError(await other.get(`/api/epcis/events/${enc(someId)}`), 404, 'request.notFound');
    const list = await enterprise.get('/api/traceability/events?pageSize=50');
    expect(list.body.total).toBe(12);
    expect((await other.get('/api/traceability/events')).body.total).toBe(0);
    expect((await bureau.get('/api/traceability/events')).body.total).toBe(12);
    const captureId = list.body.items[0].captureId;
    expectError(await other.get(`/api/epcis/capture/${captureId}/document`), 404, 'request.notFound');
    expectError(await server().client().get('/api/epcis/events'), 401, 'auth.required');
    expectError(await server().client().get('/api/traceability/events'), 401, 'auth.required');
    expectError(await bureau.post('/api/epcis/capture', {}), 403, 'auth.forbidden');
    expectError(await server().client().post('/api/epcis/capture', {}), 401, 'auth.required');
  });

  it('captures with the enterprise API key (HTTP Basic) for that enterprise, and refuses a wrong one', async () => {
    const event = {
      '@context': CONTEXT,
      type: 'ObjectEvent',
      eventID: 'urn:uuid:7a1c2a40-0c31-4f52-9a7e-00000000a9e1',
      action: 'OBSERVE',
      bizStep: 'shipping',
      epcList: ['hdl:88.999.1/PUMP-X200'],
      eventTime: '2026-11-21T09:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
    };
    const machine = server().client();
    const res = await sendRaw(machine, '/epcis/capture', JSON.stringify(event), { authorization: basic(API_KEY_ID, API_KEY_SECRET) });
    expect(res.status, res.text).toBe(202);
    expect(res.headers.get('location')).toBe(`/epcis/capture/${res.body.captureID}`);
    expect((await getText(enterprise, `/api/epcis/events/${enc(event.eventID)}`)).status).toBe(200);
    await storedEvent(machine, `/api/epcis/events/${enc(event.eventID)}`, event, { authorization: basic(API_KEY_ID, API_KEY_SECRET) });
    const wrong = await sendRaw(machine, '/api/epcis/capture', JSON.stringify({ ...event, eventID: 'urn:uuid:x-1' }), {
      authorization: basic(API_KEY_ID, 'nope'),
    });
    expect({ status: wrong.status, code: wrong.body.error.code }).toEqual({ status: 401, code: 'traceability.badApiKey' });
  });

  it('reads eventIDs and EPCs longer than a path parameter may be (100 characters) by path too', async () => {
    const serial = 'S'.repeat(120);
    const event = {
      '@context': CONTEXT,
      type: 'ObjectEvent',
      eventID: `urn:uuid:${'f'.repeat(150)}`,
      action: 'OBSERVE',
      epcList: [`https://id.gs1.org/01/10614141073464/21/${serial}`],
      eventTime: '2026-11-22T09:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
    };
    expect((await sendRaw(enterprise, '/api/epcis/events', JSON.stringify(event))).status).toBe(201);
    await storedEvent(enterprise, `/api/epcis/events/${enc(event.eventID)}`, event);
    const byEpc = await getText(enterprise, `/api/epcis/epcs/${enc(`urn:epc:id:sgtin:0614141.107346.${serial}`)}/events`);
    expect(eventIds(byEpc.body)).toEqual([event.eventID]);
    expectError(await enterprise.get(`/api/epcis/epcs/${enc(`urn:x:${serial}`)}/other`), 404, 'request.notFound');
  });
});
