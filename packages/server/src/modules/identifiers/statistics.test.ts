import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type TestClient } from '../../../test/harness.ts';
import { TEMPLATE, tenant, type Tenant } from './fixtures.test-support.ts';

// One source for the node's statistics (statistics.service.ts): the prefix list, the statistics page, the node's
// totals and the national-node report give the same figures — identifiers stored under each prefix, and operations
// counted per day — so a prefix holding 2,001 identifiers shows 2,001 everywhere (the prefix list's column read an
// `identifierCount` no route computed, hence 0).

process.env.ZHIZAO_ID_STATS_FLUSH_MS = '3600000';

describeEachDatabase('node statistics from one computation', (server) => {
  let owner: Tenant;
  let bureau: TestClient;

  beforeAll(async () => {
    owner = await tenant(server(), 7401);
    bureau = await server().as('bureau_admin');
    expect((await owner.client.post(`/api/identifiers/prefixes/${owner.prefix}/templates`, TEMPLATE)).status).toBe(200);
    const items = Array.from({ length: 2001 }, (_, i) => ({
      handle: `${owner.prefix}/S${i}`,
      templateVersion: TEMPLATE.version,
      values: [{ index: 2000, type: 'name', data: `轴承${i}` }],
    }));
    expect((await owner.client.post('/api/identifiers/records/batch', { items })).status).toBe(200);
  });

  it('shows the same identifier and operation counts on the prefix list, the statistics page, the node and the report', async () => {
    const listed = (await owner.client.get('/api/identifiers/prefixes')).body.items.find(
      (p: { prefix: string }) => p.prefix === owner.prefix,
    );
    expect(listed.identifierCount).toBe(2001);
    const page = (await bureau.get('/api/identifiers/stats')).body;
    const row = page.byEnterprise.find((e: { enterpriseId: number }) => e.enterpriseId === owner.enterpriseId);
    expect(row).toMatchObject({ prefix: owner.prefix, identifiers: 2001, registrations: 2001 });
    expect(page.byPrefix.find((p: { prefix: string }) => p.prefix === owner.prefix).identifiers).toBe(2001);
    const node = (await bureau.get('/api/identifiers/node')).body;
    const report = (await bureau.get('/api/identifiers/stats/export?format=json')).body;
    // the page without a period, the node's totals and the report's totals: one computation
    expect(node.totals).toEqual({ ...page.totals, enterprises: expect.any(Number) });
    expect(report.totals).toEqual(page.totals);
    expect(report.prefixes.find((p: { prefix: string }) => p.prefix === owner.prefix).identifiers).toBe(2001);
    expect(page.totals.identifiers).toBe(page.byPrefix.reduce((n: number, p: { identifiers: number }) => n + p.identifiers, 0));
  });
});
