import { expect } from 'vitest';
import { TEMPLATE } from '../../server/src/modules/identifiers/fixtures.test-support.ts';
import type { TestServer } from '../../server/test/harness.ts';

// Fixtures for the identifier node's browser tests, made through the API the way the pages make them. TEMPLATE
// (the API tests' template): name 2000 public and required (≤ 50), batch 2001 private (^B[0-9]+$), weight 2002 public number.

/** The fixture enterprise's active prefix with TEMPLATE 1.0: the one it has, or one applied for, approved and given the template. */
export async function activePrefix(server: TestServer): Promise<string> {
  const enterprise = await server.as('enterprise_user');
  const mine = await enterprise.get('/api/identifiers/prefixes?status=active&page=1&pageSize=10');
  expect(mine.status).toBe(200);
  let prefix: string | undefined = mine.body.items[0]?.prefix;
  if (!prefix) {
    const applied = await enterprise.post('/api/identifiers/prefixes', {
      contactName: '测试联系人',
      contactPhone: '0631-5200000',
      purpose: '产品追溯',
    });
    expect(applied.status, JSON.stringify(applied.body)).toBeLessThan(300);
    prefix = applied.body.prefix as string;
    const bureau = await server.as('bureau_admin');
    const approved = await bureau.post(`/api/identifiers/prefixes/${prefix}/decision`, {
      action: 'approve',
      version: applied.body.version,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  }
  const templates = await enterprise.get(`/api/identifiers/prefixes/${prefix}/templates`);
  if (!templates.body.items.some((t: { version: string }) => t.version === TEMPLATE.version)) {
    const created = await enterprise.post(`/api/identifiers/prefixes/${prefix}/templates`, TEMPLATE);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
  }
  return prefix;
}
