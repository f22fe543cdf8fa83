import fs from 'node:fs';
import path from 'node:path';
import { handleKey, type HandleValue } from '@zhizao/domain';
import { expect } from 'vitest';
import { TEST_PASSWORD, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { sha256, sm3 } from '../../../platform/crypto.ts';
import { createUser } from '../../accounts/users.service.ts';

// Fixtures for the traceability API tests: GS1's example documents, an enterprise prefix with an
// identifier holding public and non-public values, an API key, and a user of the second enterprise.

export const EXAMPLES_DIR = path.join(import.meta.dirname, 'gs1', 'examples');
export const EXAMPLE_FILES = fs
  .readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.jsonld'))
  .sort();
export const exampleText = (file: string) => fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8');

export const PREFIX = '88.999.1';
export const PUMP = `${PREFIX}/PUMP-X200`;
export const PUMP_NAME = '离心泵 X200';
export const PUMP_SECRET = 'cost-price-4321';
export const API_KEY_ID = 'zk_trace_test';
export const API_KEY_SECRET = 'trace-secret-1';

const value = (index: number, type: string, v: string, permissions = '1110'): HandleValue => ({
  index,
  type,
  data: { format: 'string', value: v },
  ttl: 86_400,
  timestamp: '2026-11-27T00:00:00Z',
  permissions,
  references: [],
});

/** An active prefix of an enterprise (the 环翠 fixture by default) with one product identifier, and an API key of that enterprise. */
export async function seedIdentifierFixtures(server: TestServer, enterpriseId = server.enterprises.huancui): Promise<void> {
  const db = server.ctx.db;
  const at = new Date().toISOString();
  await db
    .insertInto('idPrefix')
    .values({
      prefix: PREFIX,
      enterpriseId,
      status: 'active',
      creditCode: 'test',
      enterpriseName: 'test',
      contactName: '张测试',
      contactPhone: '13800000001',
      contactEmail: null,
      purpose: 'traceability tests',
      appliedBy: null,
      appliedAt: at,
      decidedBy: null,
      decidedAt: at,
      decisionNote: null,
      serial: 1,
      version: 1,
    })
    .execute();
  const values = [
    value(1, 'URL', `https://node.example/${PUMP}`),
    value(2000, 'name', PUMP_NAME),
    value(2001, 'costPrice', PUMP_SECRET, '1100'),
  ];
  await db
    .insertInto('idIdentifier')
    .values({
      handleKey: handleKey(PUMP),
      handle: PUMP,
      templateVersion: null,
      valuesJson: JSON.stringify(values),
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  await db
    .insertInto('idApiKey')
    .values({
      id: API_KEY_ID,
      enterpriseId,
      secretHash: sm3(API_KEY_SECRET),
      secretSha256: sha256(API_KEY_SECRET),
      label: 'EPCIS',
      createdBy: null,
      createdAt: at,
      revokedAt: null,
      lastUsedAt: null,
    })
    .execute();
}

export const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

/** A logged-in user of the 文登 fixture enterprise (the "other" enterprise). */
export async function otherEnterpriseUser(server: TestServer, username: string): Promise<TestClient> {
  const seed = { userId: null, username: 'test-fixture', role: null, ip: null };
  await createUser(server.ctx, seed, {
    username,
    displayName: '文登企业用户',
    password: TEST_PASSWORD,
    role: 'enterprise_user',
    districtCode: null,
    enterpriseId: server.enterprises.wendeng,
  });
  const c = server.client();
  expect((await c.login(username, TEST_PASSWORD)).status).toBe(200);
  return c;
}

/** Rows stored by captures, to show that a refused capture stored nothing. */
export async function storedCounts(server: TestServer) {
  const db = server.ctx.db;
  const count = async (table: 'epcisCapture' | 'epcisEvent' | 'epcisEventEpc' | 'warehouseStock') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    captures: await count('epcisCapture'),
    events: await count('epcisEvent'),
    epcs: await count('epcisEventEpc'),
    stock: await count('warehouseStock'),
  };
}
