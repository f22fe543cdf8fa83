import { deriveStock, locationUri, type EpcisEvent } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../../test/harness.ts';
import { otherEnterpriseUser, storedCounts } from './traceability.fixtures.ts';

// Warehouse flows over real HTTP: a form turned into EPCIS events, stock per location and product kept
// in step with the events, movements, refusals that store nothing, and one enterprise's stock hidden from another.

const PUMP = '88.999.1/PUMP-X200';
const PUMP_KEY = 'hdl:88.999.1/PUMP-X200';
const STEEL = 'https://id.gs1.org/01/09506000134352/10/L7';

describeEachDatabase('warehouse flows', (server) => {
  let enterprise: TestClient;
  let other: TestClient;

  beforeAll(async () => {
    enterprise = await server().as('enterprise_user');
    other = await otherEnterpriseUser(server(), 't-wendeng-wh');
  });

  const flow = (c: TestClient, body: Record<string, unknown>) => c.post('/api/traceability/warehouse/flows', body);
  const stock = async (c: TestClient, query = '') =>
    (await c.get(`/api/traceability/warehouse/stock${query}`)).body.items.map((r: Record<string, unknown>) => [
      r.locationCode,
      r.product,
      r.uom,
      r.quantity,
    ]);

  it('records receiving, storing, picking and shipping as CBV ObjectEvents and derives the stock', async () => {
    const received = await flow(enterprise, {
      step: 'receiving',
      product: PUMP,
      quantity: 100,
      to: 'DOCK-1',
      bizTransaction: 'PO-2026-001',
    });
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    expect(received.body.event).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'receiving',
      bizLocation: { id: 'urn:zhizao:location:DOCK-1' },
      quantityList: [{ epcClass: `hdl:${PUMP}`, quantity: 100 }],
      bizTransactionList: [{ type: 'po', bizTransaction: 'urn:zhizao:po:PO-2026-001' }],
    });
    expect(received.body.stock).toEqual([
      { location: 'urn:zhizao:location:DOCK-1', locationCode: 'DOCK-1', product: PUMP_KEY, uom: '', quantity: 100 },
    ]);
    expect((await flow(enterprise, { step: 'storing', product: `hdl:${PUMP}`, quantity: 80, from: 'DOCK-1', to: 'A-01-03' })).status).toBe(
      201,
    );
    expect(
      (await flow(enterprise, { step: 'picking', product: PUMP.toLowerCase(), quantity: 30, from: 'A-01-03', to: 'PICK' })).status,
    ).toBe(201);
    expect(
      (await flow(enterprise, { step: 'shipping', product: PUMP, quantity: 25, from: 'PICK', eventTime: '2026-11-27T10:00:00+08:00' }))
        .status,
    ).toBe(201);
    expect((await flow(enterprise, { step: 'receiving', product: STEEL, quantity: 0.1, uom: 'KGM', to: 'A-01-03' })).status).toBe(201);
    expect(
      (
        await flow(enterprise, {
          step: 'receiving',
          product: 'https://shop.example/01/9506000134352/10/L7',
          quantity: 0.2,
          uom: 'KGM',
          to: 'A-01-03',
        })
      ).status,
    ).toBe(201);

    expect(await stock(enterprise)).toEqual([
      ['A-01-03', PUMP_KEY, '', 50],
      ['A-01-03', STEEL, 'KGM', 0.3],
      ['DOCK-1', PUMP_KEY, '', 20],
      ['PICK', PUMP_KEY, '', 5],
    ]);
    expect(await stock(enterprise, '?location=A-01-03&product=hdl:88.999.1/pump-x200')).toEqual([['A-01-03', PUMP_KEY, '', 50]]);
    expect(await stock(enterprise, `?location=${encodeURIComponent(locationUri('PICK')!)}`)).toEqual([['PICK', PUMP_KEY, '', 5]]);
  });

  it('keeps the stock projection equal to the stock derived from all stored events', async () => {
    const rows = await server()
      .ctx.db.selectFrom('epcisEvent')
      .select('eventJson')
      .where('enterpriseId', '=', server().enterprises.huancui)
      .execute();
    const derived = deriveStock(rows.map((r) => JSON.parse(r.eventJson) as EpcisEvent)).filter((l) => l.quantity !== 0);
    const projected = (await enterprise.get('/api/traceability/warehouse/stock')).body.items.map(
      ({ location, product, uom, quantity }: Record<string, unknown>) => ({ location, product, uom, quantity }),
    );
    expect(projected).toEqual(derived);
  });

  it('lists movements newest first, by location (from or to) and product', async () => {
    const all = await enterprise.get('/api/traceability/warehouse/movements?pageSize=3');
    expect(all.body.total).toBe(6);
    expect(all.body.items).toHaveLength(3);
    const atPick = await enterprise.get('/api/traceability/warehouse/movements?location=PICK');
    // by event time: the shipment was entered with an earlier time of day than the pick was recorded
    expect(
      atPick.body.items.map((m: Record<string, unknown>) => [m.bizStep, m.from, m.to, m.eventTime === '2026-11-27T02:00:00.000Z']),
    ).toEqual([
      ['picking', 'A-01-03', 'PICK', false],
      ['shipping', 'PICK', null, true],
    ]);
    expect(atPick.body.items[0].items).toEqual([{ product: PUMP_KEY, uom: '', quantity: 30 }]);
    expect(
      (await enterprise.get(`/api/traceability/warehouse/movements?product=${encodeURIComponent('urn:epc:class:lgtin:9506000.013435.L7')}`))
        .body.total,
    ).toBe(2);
    // the events are EPCIS events like any other
    expect((await enterprise.get('/api/traceability/events?EQ_bizStep=storing')).body.total).toBe(1);
    expect(
      (await enterprise.get(`/api/traceability/events?identifier=${encodeURIComponent(`https://node.example/${PUMP}`)}`)).body.total,
    ).toBe(4);
    expect((await enterprise.get(`/api/traceability/events?MATCH_anyEPC=${encodeURIComponent(PUMP)}`)).body.total).toBe(0); // a class, not an instance
    const atShelf = await enterprise.get('/api/traceability/events?EQ_bizLocation=A-01-03');
    expect(atShelf.body.items.map((e: { bizStep: string; bizLocationCode: string }) => [e.bizStep, e.bizLocationCode])).toEqual([
      ['receiving', 'A-01-03'],
      ['receiving', 'A-01-03'],
      ['storing', 'A-01-03'],
    ]);
  });

  it('refuses a pick beyond the stock, and wrong forms field by field, storing nothing', async () => {
    const before = await storedCounts(server());
    expectError(
      await flow(enterprise, { step: 'picking', product: PUMP, quantity: 21, from: 'DOCK-1', to: 'PICK' }),
      409,
      'traceability.stockInsufficient',
      'quantity',
    );
    expectError(
      await flow(enterprise, { step: 'shipping', product: PUMP, quantity: 1, from: 'NOWHERE' }),
      409,
      'traceability.stockInsufficient',
      'quantity',
    );
    expectError(await flow(enterprise, { step: 'receiving', product: PUMP, quantity: 1 }), 400, 'traceability.locationRequired', 'to');
    expectError(
      await flow(enterprise, { step: 'storing', product: PUMP, quantity: 1, from: 'A-01', to: 'A-01' }),
      400,
      'traceability.sameLocation',
      'to',
    );
    expectError(
      await flow(enterprise, { step: 'receiving', product: 'just words', quantity: 1, to: 'A-01' }),
      400,
      'traceability.productInvalid',
      'product',
    );
    expectError(
      await flow(enterprise, { step: 'receiving', product: PUMP, quantity: 0, to: 'A-01' }),
      400,
      'validation.invalid',
      'quantity',
    );
    expectError(await flow(enterprise, { step: 'counting', product: PUMP, quantity: 1, to: 'A-01' }), 400, 'validation.enum', 'step');
    expect(await storedCounts(server())).toEqual(before);
    expect(await stock(enterprise, '?location=DOCK-1')).toEqual([['DOCK-1', PUMP_KEY, '', 20]]);
  });

  it('shows an enterprise only its own warehouse; other roles have none', async () => {
    expect(await stock(other)).toEqual([]);
    expect((await other.get('/api/traceability/warehouse/movements')).body.total).toBe(0);
    expectError(
      await other.post('/api/traceability/warehouse/flows', { step: 'shipping', product: PUMP, quantity: 1, from: 'DOCK-1' }),
      409,
      'traceability.stockInsufficient',
      'quantity',
    );
    expect(await stock(enterprise, '?location=DOCK-1')).toEqual([['DOCK-1', PUMP_KEY, '', 20]]);
    expectError(await (await server().as('bureau_admin')).get('/api/traceability/warehouse/stock'), 403, 'auth.forbidden');
    expectError(await server().client().get('/api/traceability/warehouse/stock'), 401, 'auth.required');
  });
});
