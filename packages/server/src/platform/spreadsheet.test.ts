import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../test/expect.ts';
import { describeEachDatabase, type TestClient, type TestResponse } from '../../test/harness.ts';
import { blankRowFlood, zipBomb } from '../../test/xlsx-bombs.ts';
import { TEMPLATE, tenant } from '../modules/identifiers/fixtures.test-support.ts';
import { TEMPLATE_HEADERS } from '../modules/registry/excel.fixtures.ts';

// Every Excel upload reads through platform/spreadsheet.ts. The 893 KB file expanded to 261 MB and held
// uploads for 42 s at 2.8 GB; now each upload route refuses such a file before reading it, quickly, in little
// memory, and stops reading a workbook once it has more rows than the import takes. The server runs in this
// process, so this process's RSS is the server's.

const MB = 1024 * 1024;
const bombs = (async () => ({ bomb: await zipBomb(261 * MB), lying: await zipBomb(261 * MB, { lying: true }) }))();
const PROJECT_HEADERS = ['统一社会信用代码*', '项目名称*', '年度*', '项目类型*', '产业链代码', '设备投资（元）*', '软件投资（元）*'];
const PROJECT_MORE = ['服务投资（元）*', '其他投资（元）*', '开工日期*', '完成日期', '项目简介'];

interface Measured {
  res: TestResponse;
  ms: number;
  rssGrowthMb: number;
}

describeEachDatabase('uploaded workbooks that would expand past the limits', (server, kind) => {
  let routes: { name: string; client: TestClient; path: string; fields: Record<string, string>; header: string[]; limit: number }[];

  beforeAll(async () => {
    const owner = await tenant(server(), 7401); // logs the bureau in anew: take the bureau's session after it
    expect((await owner.client.post(`/api/identifiers/prefixes/${owner.prefix}/templates`, TEMPLATE)).status).toBe(200);
    const bureau = await server().as('bureau_admin');
    const identifierFields = { prefix: owner.prefix, templateVersion: '1.0' };
    routes = [
      {
        name: 'identifier upload',
        client: owner.client,
        path: '/api/identifiers/uploads',
        fields: identifierFields,
        header: ['handle', 'name'],
        limit: 100_000,
      },
      {
        name: 'funding projects import',
        client: bureau,
        path: '/api/funding/projects/import',
        fields: {},
        header: [...PROJECT_HEADERS, ...PROJECT_MORE],
        limit: 2000,
      },
      {
        name: 'registry import',
        client: bureau,
        path: '/api/enterprises/import',
        fields: {},
        header: [...TEMPLATE_HEADERS],
        limit: 20_000,
      },
    ];
  });

  /** Posts the file as the form field `file`, timing the answer and sampling the RSS while it is worked on. */
  async function send(route: (typeof routes)[number], data: Buffer): Promise<Measured> {
    const form = new FormData();
    for (const [name, value] of Object.entries(route.fields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(data)]), 'bomb.xlsx');
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
    const sampler = setInterval(sample, 2);
    const started = performance.now();
    try {
      const response = await route.client.raw('POST', route.path, { body: form });
      const res = { status: response.status, body: await response.json(), headers: response.headers };
      const ms = performance.now() - started;
      sample();
      return { res, ms, rssGrowthMb: (peak - before) / MB };
    } finally {
      clearInterval(sampler);
    }
  }

  const report = (what: string, route: string, m: Measured) =>
    console.info(`[${kind}] ${what}, ${route}: ${m.res.status} in ${m.ms.toFixed(0)} ms, RSS +${m.rssGrowthMb.toFixed(1)} MB`);

  it('refuses the 1 MB file that expands to 261 MB on every upload route: 400 in under 2 s, RSS up by less than 100 MB', async () => {
    const { bomb } = await bombs;
    expect(bomb.length).toBeLessThan(1.5 * MB);
    for (const route of routes) {
      const m = await send(route, bomb);
      report(`bomb of ${(bomb.length / 1024).toFixed(0)} KB`, route.name, m);
      expectError(m.res, 400, 'import.tooLarge', 'file');
      expect(m.res.body.error.message).toBe('Excel 文件解压后超过 50 MB，无法读取；请拆分成较小的文件');
      expect(m.ms).toBeLessThan(2000);
      expect(m.rssGrowthMb).toBeLessThan(100);
    }
    const health = await server().client().get('/api/health');
    expect(health.status).toBe(200);
  });

  it('refuses a bomb whose zip headers understate its size once it inflates past them, as fast and as lean', async () => {
    const { lying } = await bombs;
    for (const route of routes) {
      const m = await send(route, lying);
      report('bomb declaring 10 KB', route.name, m);
      expectError(m.res, 400, 'import.badFile', 'file');
      expect(m.ms).toBeLessThan(2000);
      expect(m.rssGrowthMb).toBeLessThan(100);
    }
  });

  it('stops reading a workbook of a header and 150,000 blank rows, which every import would skip: 400 import.tooManyRows', async () => {
    for (const route of routes) {
      const m = await send(route, await blankRowFlood(route.header, 150_000));
      report('150,000 blank rows', route.name, m);
      expectError(m.res, 400, 'import.tooManyRows', 'file');
      expect(m.res.body.error.message).toBe(`单次最多导入 ${route.limit} 行`);
    }
  });
});
