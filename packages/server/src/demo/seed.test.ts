import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isValidCreditCode, WEIHAI_DISTRICTS } from '@zhizao/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../test/databases.ts';
import { startDemoServer } from '../../test/demo-server.ts';
import { type Json, TestClient } from '../../test/harness.ts';
import { startPlatform } from '../cli/spawn.test-support.ts';
import type { AppContext } from '../platform/context.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.ts';
import { DEMO_OWN_ENTERPRISE, generateDemoEnterprises } from './enterprises.ts';
import { CHAIN_PROFILES } from './industries.ts';
import { seedDemoData, type DemoSeedSummary } from './seed.ts';
import { DEMO_CHAINS, DEMO_CLUSTERS, type DemoChainCode } from './taxonomy.ts';

// The demo city, as a visitor of a fresh demo install meets it: through the API, on each database.
for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`the demo data set of Weihai [${kind}]`, async () => {
    if (!(await testDatabaseKinds()).includes(kind)) return;
    let ctx: AppContext;
    let url: string;
    let summary: (DemoSeedSummary & { ms: number }) | null;
    let close: () => Promise<void>;
    const loginAs = async (username: string) => {
      const c = new TestClient(url);
      expect((await c.login(username, DEMO_PASSWORD)).status).toBe(200);
      return c;
    };

    beforeAll(async () => {
      const demo = await startDemoServer(kind);
      ctx = demo.ctx;
      summary = demo.summary;
      url = demo.url;
      close = demo.close;
    });
    afterAll(async () => close?.());

    it('seeds the whole city in one go, well under 10 seconds', () => {
      expect(summary).not.toBeNull();
      expect(summary!.ms).toBeLessThan(10_000);
      console.info(`demo seed on ${kind}: ${summary!.ms} ms, ${summary!.enterprises} enterprises`);
    });

    it('has at least 1,000 enterprises in all seven districts, about 30 % above designated size', async () => {
      const stats = (await (await loginAs('admin')).get('/api/registry/stats')).body;
      expect(stats.enterprises).toBeGreaterThanOrEqual(1000);
      for (const d of WEIHAI_DISTRICTS) expect(stats.byDistrict[d.code], d.nameZh).toBeGreaterThan(50);
      const share = stats.bySizeClass.above_designated / stats.enterprises;
      expect(share).toBeGreaterThan(0.25);
      expect(share).toBeLessThan(0.35);
      expect(stats.byManufacturingType.discrete).toBeGreaterThan(0);
      expect(stats.byManufacturingType.process).toBeGreaterThan(0);
      expect(Object.keys(stats.byChain).sort()).toEqual(DEMO_CHAINS.map((c) => c.code).sort());
    });

    it('has ten demo industry chains and eight demo clusters, each cluster linked to a chain', async () => {
      const t = (await new TestClient(url).get('/api/registry/taxonomy')).body;
      expect(t.chains).toHaveLength(10);
      expect(t.clusters).toHaveLength(8);
      expect([...t.chains, ...t.clusters].every((e: { isDemo: boolean }) => e.isDemo)).toBe(true);
      const chainCodes = new Set(t.chains.map((c: { code: string }) => c.code));
      for (const cluster of t.clusters) expect(chainCodes.has(cluster.chainCode), cluster.code).toBe(true);
    });

    it('gives every enterprise a visibly synthetic identity: valid DEM0 credit code, （演示） name, fake phone, example.com', async () => {
      const admin = await loginAs('admin');
      const all: Json[] = [];
      for (let page = 1; ; page++) {
        const res = await admin.get(`/api/enterprises?status=all&pageSize=200&page=${page}&sort=creditCode`);
        all.push(...res.body.items);
        if (all.length >= res.body.total) break;
      }
      expect(all.length).toBeGreaterThanOrEqual(1000);
      for (const e of all) {
        const where = `${e.creditCode} ${e.name}`;
        expect(isValidCreditCode(e.creditCode), where).toBe(true);
        expect(e.creditCode.slice(0, 12), where).toBe(`91${e.districtCode}DEM0`);
        expect(e.name.startsWith('（演示）'), where).toBe(true);
        expect(e.contactPhone, where).toMatch(/^199\*{4}\d{4}$/); // masked in lists; stored in full below
        expect(e.contactEmail, where).toMatch(/@example\.com$/);
        expect(e.isDemo, where).toBe(true);
        expect(e.chainCodes.length, where).toBeGreaterThanOrEqual(1);
        expect(e.chainCodes.length, where).toBeLessThanOrEqual(2);
        // The GB/T 4754 class belongs to one of its chains, and so does its process/discrete type.
        const industry = e.chainCodes
          .flatMap((c: DemoChainCode) => CHAIN_PROFILES[c].industries)
          .find((i: { code: string }) => i.code === e.industryCode);
        expect(industry, where).toBeDefined();
        expect(e.manufacturingType, where).toBe(industry.type);
        expect(e.address.startsWith('山东省威海市'), where).toBe(true);
        expect(e.mainProducts, where).toBeTruthy();
      }
      expect(new Set(all.map((e) => e.name)).size).toBe(all.length);
      // stored sealed (SM4), and in full once opened
      const phones = await ctx.db.selectFrom('enterprise').select('contactPhone').execute();
      expect(phones.every((p) => p.contactPhone?.startsWith('sm4:'))).toBe(true);
      expect(phones.every((p) => /^1990000\d{4}$/.test(ctx.cipher.open(p.contactPhone) ?? ''))).toBe(true);
      // The same city on every install: what is stored is what the seeded generator makes.
      expect(all.map((e) => e.creditCode).sort()).toEqual(
        generateDemoEnterprises()
          .map((e) => e.creditCode)
          .sort(),
      );
    });

    it('logs in one demo account per role with the documented password, each with its scope', async () => {
      expect(new Set(DEMO_ACCOUNTS.map((a) => a.role)).size).toBe(8);
      for (const account of DEMO_ACCOUNTS) {
        const c = new TestClient(url);
        const res = await c.login(account.username, DEMO_PASSWORD);
        expect(res.status, account.username).toBe(200);
        expect(res.body.user).toMatchObject({ username: account.username, role: account.role, districtCode: account.districtCode ?? null });
      }
      const enterpriseUser = new TestClient(url);
      const { user } = (await enterpriseUser.login('enterprise', DEMO_PASSWORD)).body;
      const own = await enterpriseUser.get(`/api/enterprises/${user.enterpriseId}`);
      expect(own.body).toMatchObject({
        creditCode: DEMO_OWN_ENTERPRISE.creditCode,
        name: DEMO_OWN_ENTERPRISE.name,
        districtCode: '371002',
        canEdit: true,
      });
      const district = (await (await loginAs('district')).get('/api/registry/stats')).body;
      expect(Object.keys(district.byDistrict)).toEqual(['371002']);
      expect((await new TestClient(url).login('admin', 'Wrong@pass1')).status).toBe(401);
    });

    it('writes one demo.seed audit entry that says the taxonomy names are unconfirmed', async () => {
      const res = await (await loginAs('auditadmin')).get('/api/audit?action=demo.seed');
      expect(res.body.total).toBe(1);
      expect(res.body.items[0]).toMatchObject({
        actorUsername: 'demo-seed',
        entityType: 'demo',
        after: { chains: 10, clusters: 8, enterprises: summary!.enterprises },
      });
      expect(res.body.items[0].after.note).toContain('未确认');
      expect((await ctx.audit.verify(ctx.db)).ok).toBe(true);
    });

    it('adds nothing when it runs again', async () => {
      const count = async () => ({
        enterprises: Number(
          (
            await ctx.db
              .selectFrom('enterprise')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
        users: Number(
          (
            await ctx.db
              .selectFrom('appUser')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
        chains: Number(
          (
            await ctx.db
              .selectFrom('industryChain')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
        audit: (await ctx.db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow()).seq,
      });
      const before = await count();
      expect(await seedDemoData(ctx)).toBeNull();
      expect(await count()).toEqual(before);
    });
  });
}

describe('the demo generator', () => {
  it('makes the same city every time, with unique names and credit codes', () => {
    const a = generateDemoEnterprises();
    expect(generateDemoEnterprises()).toEqual(a);
    expect(new Set(a.map((e) => e.creditCode)).size).toBe(a.length);
    expect(new Set(a.map((e) => e.name)).size).toBe(a.length);
    expect(a[0]).toMatchObject({ creditCode: DEMO_OWN_ENTERPRISE.creditCode, name: DEMO_OWN_ENTERPRISE.name });
  });

  it('links every cluster to a demo chain', () => {
    const chains = new Set<string>(DEMO_CHAINS.map((c) => c.code));
    expect(DEMO_CLUSTERS.every((c) => chains.has(c.chainCode))).toBe(true);
  });
});

describe('a fresh demo install started with the platform’s own entry point', () => {
  it('is ready within 30 seconds, demo city included', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhizao-demo-start-'));
    const platform = await startPlatform({
      ZHIZAO_DATA_DIR: dataDir,
      ZHIZAO_SQLITE_PATH: path.join(dataDir, 'zhizao.db'),
      ZHIZAO_DEMO: '1',
    });
    try {
      console.info(`demo install ready in ${Math.round(platform.readyMs)} ms`);
      expect(platform.readyMs).toBeLessThan(30_000);
      expect(platform.log).toContain('demo data set of Weihai created');
      expect((await new TestClient(platform.url).login('admin', DEMO_PASSWORD)).status).toBe(200);
    } finally {
      await platform.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
