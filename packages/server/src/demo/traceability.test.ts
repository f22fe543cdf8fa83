import { deriveStock, type EpcisEvent } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, enterpriseInput } from '../../test/harness.ts';
import { insertEnterprise } from '../modules/registry/enterprise.repo.ts';
import { epcisSchemaProblems } from '../modules/identifiers/traceability/schema.ts';
import { PUMP, seedIdentifierFixtures } from '../modules/identifiers/traceability/traceability.fixtures.ts';
import { DEMO_OWN_ENTERPRISE } from './enterprises.ts';
import { seedDemoTraceability } from './traceability.ts';

// The traceability demo: a schema-valid EPCIS history and a warehouse with stock for the demo enterprise's identifiers.

describeEachDatabase('traceability demo', (server) => {
  let enterpriseId: number;

  beforeAll(async () => {
    enterpriseId = await server()
      .ctx.db.transaction()
      .execute(
        async (tx) =>
          (
            await insertEnterprise(
              tx,
              server().ctx.cipher,
              enterpriseInput({ creditCode: DEMO_OWN_ENTERPRISE.creditCode, name: DEMO_OWN_ENTERPRISE.name }, 9100),
            )
          ).id,
      );
  });

  it('seeds nothing while the demo enterprise has no identifier', async () => {
    expect(
      await server()
        .ctx.db.transaction()
        .execute((tx) => seedDemoTraceability(tx, new Date().toISOString())),
    ).toEqual({});
  });

  it("seeds a valid history and a warehouse with stock for the demo enterprise's identifiers", async () => {
    await seedIdentifierFixtures(server(), enterpriseId);
    const counts = await server()
      .ctx.db.transaction()
      .execute((tx) => seedDemoTraceability(tx, new Date().toISOString()));
    expect(counts).toEqual({ epcisEvents: 6, stockLines: 3 });
    const capture = await server()
      .ctx.db.selectFrom('epcisCapture')
      .select('document')
      .where('enterpriseId', '=', enterpriseId)
      .executeTakeFirstOrThrow();
    expect(epcisSchemaProblems(JSON.parse(capture.document))).toEqual([]);
    const events = (
      await server().ctx.db.selectFrom('epcisEvent').select('eventJson').where('enterpriseId', '=', enterpriseId).execute()
    ).map((r) => JSON.parse(r.eventJson) as EpcisEvent);
    expect(deriveStock(events).map((l) => [l.location, l.quantity])).toEqual([
      ['urn:zhizao:location:WH1-A01', 70],
      ['urn:zhizao:location:WH1-DOCK', 20],
      ['urn:zhizao:location:WH1-PICK', 5],
    ]);
    const trace = await server()
      .client()
      .get(`/api/trace?id=${encodeURIComponent(PUMP)}`);
    expect(trace.body.events.map((e: { bizStep: string }) => e.bizStep)).toEqual([
      'commissioning',
      'inspecting',
      'receiving',
      'storing',
      'picking',
      'shipping',
    ]);
  });
});
