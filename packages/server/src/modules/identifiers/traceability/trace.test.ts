import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../../test/harness.ts';
import { exampleText, otherEnterpriseUser, PUMP, PUMP_NAME, PUMP_SECRET, seedIdentifierFixtures } from './traceability.fixtures.ts';

// The public trace data (anonymous) and the QR-code entry points: public identifier values and the
// public fields of events only; the resolver URL and GS1 Digital Link paths lead a browser to the page.

const CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'];
const PRIVATE_LOCATION = 'urn:zhizao:location:SECRET-VAULT-9';
const PRIVATE_TRANSACTION = 'urn:zhizao:po:CONFIDENTIAL-77';

describeEachDatabase('public trace data', (server) => {
  let anonymous: TestClient;

  beforeAll(async () => {
    await seedIdentifierFixtures(server());
    const enterprise = await server().as('enterprise_user');
    anonymous = server().client();
    const events = [
      { type: 'ObjectEvent', action: 'ADD', bizStep: 'commissioning', disposition: 'active', eventTime: '2026-11-01T08:00:00+08:00' },
      { type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit', eventTime: '2026-11-02T08:00:00+08:00' },
    ].map((e, i) => ({
      ...e,
      eventID: `urn:uuid:5f0c8a52-7e1b-4b7e-9c1e-00000000000${i}`,
      eventTimeZoneOffset: '+08:00',
      epcList: [i === 0 ? `hdl:${PUMP}` : `https://node.example/${PUMP.toLowerCase()}`],
      readPoint: { id: PRIVATE_LOCATION },
      bizLocation: { id: PRIVATE_LOCATION },
      bizTransactionList: [{ type: 'po', bizTransaction: PRIVATE_TRANSACTION }],
      'example:secretNote': 'internal only',
    }));
    const doc = {
      '@context': [...CONTEXT, { example: 'http://ns.example.com/epcis/' }],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2026-11-02T09:00:00Z',
      epcisBody: { eventList: events },
    };
    expect((await enterprise.post('/api/epcis/capture', doc)).status).toBe(202);
    const gs1 = await enterprise.raw('POST', '/api/epcis/capture', {
      body: exampleText('WithDigitalLinkID__Example_9.6.1-ObjectEventWithDigitalLink.jsonld'),
      headers: { 'content-type': 'application/ld+json' },
    });
    expect(gs1.status).toBe(202);
  });

  it('gives anyone the public values and the public fields of the timeline, nothing else', async () => {
    const res = await anonymous.get(`/api/trace?id=${encodeURIComponent(PUMP)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: 'hdl:88.999.1/PUMP-X200',
      kind: 'handle',
      handle: PUMP,
      digitalLink: null,
      product: {
        handle: PUMP,
        prefix: '88.999.1',
        enterpriseName: expect.any(String),
        templateVersion: null,
        values: [
          { index: 1, type: 'URL', name: null, value: `https://node.example/${PUMP}` },
          { index: 2000, type: 'name', name: null, value: PUMP_NAME },
        ],
      },
      events: [
        {
          type: 'ObjectEvent',
          action: 'ADD',
          bizStep: 'commissioning',
          disposition: 'active',
          eventTime: '2026-11-01T00:00:00.000Z',
          eventTimeZoneOffset: '+08:00',
          enterpriseName: res.body.product.enterpriseName,
        },
        {
          type: 'ObjectEvent',
          action: 'OBSERVE',
          bizStep: 'shipping',
          disposition: 'in_transit',
          eventTime: '2026-11-02T00:00:00.000Z',
          eventTimeZoneOffset: '+08:00',
          enterpriseName: res.body.product.enterpriseName,
        },
      ],
      eventCount: 2,
    });
    const text = JSON.stringify(res.body);
    for (const secret of [PUMP_SECRET, 'costPrice', 'SECRET-VAULT', 'CONFIDENTIAL', 'internal only', 'eventID', 'urn:uuid'])
      expect(text).not.toContain(secret);
  });

  it('takes every form of the identifier, and GS1 Digital Links and EPC URNs of the same item', async () => {
    for (const id of [`hdl:${PUMP}`, `info:hdl/${PUMP}`, `https://node.example/${PUMP}`, PUMP.toLowerCase()]) {
      expect((await anonymous.get(`/api/trace?id=${encodeURIComponent(id)}`)).body.eventCount).toBe(2);
    }
    const dl = await anonymous.get(`/api/trace?id=${encodeURIComponent('01/70614141123451/21/2018')}`);
    expect(dl.body).toMatchObject({
      kind: 'gs1',
      digitalLink: 'https://id.gs1.org/01/70614141123451/21/2018',
      product: null,
      eventCount: 2,
    });
    expect(dl.body.events.map((e: { bizStep: string }) => e.bizStep)).toEqual(['shipping', 'receiving']);
    expect(JSON.stringify(dl.body)).not.toMatch(/sgln|transaction\.acme|myField/);
    expectError(
      await anonymous.get(`/api/trace?id=${encodeURIComponent('88.999.1/NOTHING')}`),
      404,
      'traceability.unknownIdentifier',
      'id',
    );
    // a location is not an object: its events stay private
    expectError(await anonymous.get(`/api/trace?id=${encodeURIComponent(PRIVATE_LOCATION)}`), 404, 'traceability.unknownIdentifier', 'id');
  });

  it("keeps a registered product's timeline to its owner and the partners it granted", async () => {
    const stranger = await otherEnterpriseUser(server(), 't-wendeng-trace');
    const event = {
      '@context': CONTEXT,
      type: 'ObjectEvent',
      eventID: 'urn:uuid:5f0c8a52-7e1b-4b7e-9c1e-0000000000ff',
      action: 'OBSERVE',
      bizStep: 'destroying',
      epcList: [`hdl:${PUMP}`],
      eventTime: '2026-11-03T08:00:00+08:00',
      eventTimeZoneOffset: '+08:00',
    };
    expect((await stranger.post('/api/epcis/capture', event)).status).toBe(202);
    const steps = async () =>
      (await anonymous.get(`/api/trace?id=${encodeURIComponent(PUMP)}`)).body.events.map((e: { bizStep: string }) => e.bizStep);
    expect(await steps()).toEqual(['commissioning', 'shipping']);
    await server()
      .ctx.db.insertInto('idGrant')
      .values({
        prefix: '88.999.1',
        granteeEnterpriseId: server().enterprises.wendeng,
        createdBy: null,
        createdAt: new Date().toISOString(),
      })
      .execute();
    expect(await steps()).toEqual(['commissioning', 'shipping', 'destroying']);
  });

  it('sends a browser scanning the resolver URL or a Digital Link to the trace page, other clients to the JSON', async () => {
    const scan = (path: string, accept: string) => fetch(server().url + path, { headers: { accept }, redirect: 'manual' });
    const page = await scan(`/${PUMP}`, 'text/html,application/xhtml+xml');
    expect([page.status, page.headers.get('location')]).toEqual([302, `/trace/${PUMP}`]);
    const json = await scan(`/${PUMP}`, 'application/json');
    expect([json.status, json.headers.get('location')]).toEqual([302, `/api/trace?id=${encodeURIComponent(PUMP)}`]);
    const dl = await scan('/01/70614141123451/21/2018', 'text/html');
    expect([dl.status, dl.headers.get('location')]).toEqual([307, `${server().url}/trace/01/70614141123451/21/2018`]);
    const followed = await anonymous.get(`/${PUMP}`);
    expect(followed.body.handle).toBe(PUMP);
  });
  it('names each value as its template version does, for people reading the page', async () => {
    const { db } = server().ctx;
    const items = [{ idIndex: 2000, type: 'name', name: '产品名称', required: true, public: true, metadata: { type: 'string' } }];
    await db
      .insertInto('idTemplate')
      .values({
        prefix: '88.999.1',
        version: 'TRACE-NAMES',
        definitionJson: JSON.stringify({ prefix: '88.999.1', version: 'TRACE-NAMES', items }),
        createdBy: null,
        createdAt: new Date().toISOString(),
      })
      .execute();
    await db.updateTable('idIdentifier').set({ templateVersion: 'TRACE-NAMES' }).where('handleKey', '=', PUMP.toUpperCase()).execute();
    const res = await anonymous.get(`/api/trace?id=${encodeURIComponent(PUMP)}`);
    expect(res.body.product.values).toEqual([
      { index: 1, type: 'URL', name: null, value: `https://node.example/${PUMP}` },
      { index: 2000, type: 'name', name: '产品名称', value: PUMP_NAME },
    ]);
  });
});
