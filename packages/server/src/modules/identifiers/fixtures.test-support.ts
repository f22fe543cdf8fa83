import { completeCreditCode } from '@zhizao/domain';
import { expect } from 'vitest';
import { enterpriseInput, TEST_PASSWORD, type TestClient, type TestServer } from '../../../test/harness.ts';
import { createUser } from '../accounts/users.service.ts';
import { insertEnterprise } from '../registry/enterprise.repo.ts';

// Shared by the identifier API tests: enterprises with approved prefixes, API keys and a template.

export const TEMPLATE = {
  version: '1.0',
  industryCategory: 'C',
  industrySpecific: '34',
  industryTrade: '348',
  industrySubclass: '3484',
  type: 1,
  description: '轴承',
  items: [
    {
      idIndex: 2000,
      type: 'name',
      name: '产品名称',
      required: true,
      public: true,
      metadata: { type: 'string', minLength: 1, maxLength: 50 },
    },
    { idIndex: 2001, type: 'batch', name: '批次', required: false, public: false, metadata: { type: 'string', pattern: '^B[0-9]+$' } },
    { idIndex: 2002, type: 'weight', name: '重量', required: false, public: true, metadata: { type: 'number', minimum: 0 } },
  ],
};

export interface Tenant {
  client: TestClient;
  enterpriseId: number;
  prefix: string;
  keyId: string;
  secret: string;
  /** `Authorization` for Handle.Net calls: Basic 300%3A<prefix>/ADMIN:<secret>. */
  basic: string;
  creditCode: string;
}

export const basicAuth = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

/** An enterprise user with an approved prefix and an API key; `serial` picks a fresh enterprise (0 = the fixture one) in 环翠, or `district`. */
export async function tenant(server: TestServer, serial: number, district = '371002'): Promise<Tenant> {
  let client: TestClient;
  let enterpriseId = server.enterprises.huancui;
  let creditCode = '';
  if (serial === 0) {
    client = await server.as('enterprise_user');
  } else {
    creditCode = completeCreditCode(`91${district}TB${String(serial).padStart(7, '0')}`);
    enterpriseId = await server.ctx.db
      .transaction()
      .execute(
        async (tx) =>
          (
            await insertEnterprise(
              tx,
              server.ctx.cipher,
              enterpriseInput({ creditCode, name: `标识测试企业${serial}`, districtCode: district }, serial),
            )
          ).id,
      );
    const username = `t-id-${serial}`;
    await createUser(
      server.ctx,
      { userId: null, username: 'test-fixture', role: null, ip: null },
      { username, displayName: username, password: TEST_PASSWORD, role: 'enterprise_user', enterpriseId },
    );
    client = server.client();
    await client.login(username, TEST_PASSWORD);
  }
  const applied = await client.post('/api/identifiers/prefixes', { contactName: '张三', contactPhone: '13800000000', purpose: '产品追溯' });
  expect(applied.status, JSON.stringify(applied.body)).toBe(200);
  const bureau = await server.as('bureau_admin');
  const approved = await bureau.post(`/api/identifiers/prefixes/${applied.body.prefix}/decision`, {
    action: 'approve',
    version: applied.body.version,
  });
  expect(approved.body.status).toBe('active');
  const key = await client.post('/api/identifiers/api-keys', { label: 'ERP' });
  expect(key.status).toBe(200);
  const prefix = applied.body.prefix as string;
  return {
    client,
    enterpriseId,
    prefix,
    keyId: key.body.id,
    secret: key.body.secret,
    basic: basicAuth(`300%3A${prefix}/ADMIN`, key.body.secret),
    creditCode: creditCode || applied.body.creditCode,
  };
}
