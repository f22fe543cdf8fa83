import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../test/harness.ts';
import { TEMPLATE, tenant, type Tenant } from './fixtures.test-support.ts';
import { identifierNode } from './node.ts';

// Issue 11: a district officer (环翠, 371002) sees the prefixes, contacts, templates, identifiers and statistics of
// the enterprises in their own district only; another district's prefix is absent from lists and 404 by address.

process.env.ZHIZAO_ID_STATS_FLUSH_MS = '3600000';

describeEachDatabase('identifiers: a district officer sees their own district only', (server) => {
  let own: Tenant;
  let other: Tenant;
  let officer: TestClient;
  let bureau: TestClient;

  beforeAll(async () => {
    own = await tenant(server(), 7401);
    other = await tenant(server(), 7402, '371003'); // 文登
    for (const t of [own, other]) {
      expect((await t.client.post(`/api/identifiers/prefixes/${t.prefix}/templates`, TEMPLATE)).status).toBe(200);
      const item = { handle: `${t.prefix}/p1`, templateVersion: '1.0', values: [{ index: 2000, type: 'name', data: '轴承' }] };
      expect((await t.client.post('/api/identifiers/records', item)).status).toBe(200);
      expect((await server().client().get(`/api/handles/${t.prefix}/p1`)).status).toBe(200);
    }
    await identifierNode(server().ctx).flushStats();
    officer = await server().as('district_officer');
    bureau = await server().as('bureau_admin');
  });

  it('lists only the prefixes (with contacts) of enterprises in the officer’s district', async () => {
    const listed = await officer.get('/api/identifiers/prefixes?pageSize=100');
    expect(listed.status).toBe(200);
    const prefixes = listed.body.items.map((p: { prefix: string }) => p.prefix);
    expect(prefixes).toContain(own.prefix);
    expect(prefixes).not.toContain(other.prefix);
    expect(listed.body.total).toBe(listed.body.items.length);
    expect(JSON.stringify(listed.body)).not.toContain(other.creditCode);
    const filtered = await officer.get('/api/identifiers/prefixes?status=active&pageSize=100');
    expect(filtered.body.items.map((p: { prefix: string }) => p.prefix)).not.toContain(other.prefix);
    // the operator still sees the whole city
    const all = await bureau.get('/api/identifiers/prefixes?pageSize=100');
    expect(all.body.items.map((p: { prefix: string }) => p.prefix)).toEqual(expect.arrayContaining([own.prefix, other.prefix]));
  });

  it('answers 404 for another district’s prefix: its templates, one template, its identifiers', async () => {
    for (const path of [`/templates`, `/templates/1.0`, `/identifiers`]) {
      expect((await officer.get(`/api/identifiers/prefixes/${own.prefix}${path}`)).status, path).toBe(200);
      expectError(await officer.get(`/api/identifiers/prefixes/${other.prefix}${path}`), 404, 'identifiers.prefixNotFound');
    }
    // one record reads as it reads for anyone: public values only
    const record = await officer.get(`/api/identifiers/record?handle=${other.prefix}/p1`);
    expect(record.body.complete).toBe(false);
  });

  it('counts only the officer’s district in the statistics', async () => {
    const stats = await officer.get('/api/identifiers/stats');
    expect(stats.status).toBe(200);
    const ids = stats.body.byEnterprise.map((e: { enterpriseId: number }) => e.enterpriseId);
    expect(ids).toContain(own.enterpriseId);
    expect(ids).not.toContain(other.enterpriseId);
    const city = await bureau.get('/api/identifiers/stats');
    expect(city.body.byEnterprise.map((e: { enterpriseId: number }) => e.enterpriseId)).toContain(other.enterpriseId);
    expect(stats.body.totals.resolutions).toBe(city.body.totals.resolutions - 1);
    expect(stats.body.totals.registrations).toBe(city.body.totals.registrations - 1);
  });

  it('keeps the enterprise-only routes closed to the officer', async () => {
    const enterpriseOnly = [
      '/api/identifiers/api-keys',
      '/api/identifiers/grants',
      '/api/identifiers/uploads/1',
      '/api/traceability/events',
      '/api/epcis/events',
      '/api/traceability/warehouse/stock',
      '/api/traceability/warehouse/movements',
    ];
    for (const path of enterpriseOnly) {
      expect([403, 404], path).toContain((await officer.get(path)).status);
    }
    expectError(
      await officer.post(`/api/identifiers/prefixes/${other.prefix}/decision`, { action: 'suspend', version: 2 }),
      403,
      'auth.forbidden',
    );
  });
});
