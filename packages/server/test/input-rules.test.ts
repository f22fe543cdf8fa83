import { expect, it } from 'vitest';
import { expectError } from './expect.ts';
import { describeEachDatabase, type TestClient, type TestResponse } from './harness.ts';

// Values no handler may see: non-finite numbers (Ajv's coercion turns `Infinity` and `1e400` into them),
// text that is not well-formed Unicode, and bodies nested deep enough to overflow a recursive walk.

async function send(client: TestClient, method: string, path: string, body: string): Promise<TestResponse> {
  const res = await client.raw(method, path, { body, headers: { 'content-type': 'application/json' } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describeEachDatabase('input rules', (server) => {
  async function stillAnswering() {
    const started = Date.now();
    const res = await server().client().get('/api/health');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
  }

  it('refuses a non-finite year range on the funding reports (it used to run the server out of heap)', async () => {
    const admin = await server().as('bureau_admin');
    for (const value of ['Infinity', '1e400', '-Infinity']) {
      expectError(await admin.get(`/api/funding/reports/years?to=${value}`), 400, 'validation.notFinite', 'to');
      expectError(await admin.get(`/api/funding/reports/years?from=${value}`), 400, 'validation.notFinite', 'from');
      expectError(await admin.get(`/api/funding/reports/cumulative?since=${value}`), 400, 'validation.notFinite', 'since');
    }
    await stillAnswering();
  });

  it('refuses non-finite page, pageSize and year on list routes, anonymous ones included', async () => {
    const anonymous = server().client();
    const admin = await server().as('bureau_admin');
    for (const value of ['Infinity', '-Infinity', '1e400']) {
      expectError(await anonymous.get(`/api/public/recognition/recognised?page=${value}`), 400, 'validation.notFinite', 'page');
      expectError(await admin.get(`/api/enterprises?pageSize=${value}`), 400, 'validation.notFinite', 'pageSize');
      expectError(await admin.get(`/api/funding/projects?year=${value}`), 400, 'validation.notFinite', 'year');
    }
    await stillAnswering();
  });

  it('refuses a JSON number too large to be finite as not a number, naming the field', async () => {
    const admin = await server().as('bureau_admin');
    const body =
      '{"modelVersion":"CMMM-2020","manufacturingType":"discrete","mode":"draft","answers":[{"requirementId":"C20-data-L1-01","value":1e400}]}';
    expectError(await send(admin, 'POST', '/api/maturity/score', body), 400, 'validation.type', 'answers.0.value');
  });

  it('refuses text with a lone surrogate with 400 naming the field', async () => {
    const admin = await server().as('bureau_admin');
    const res = await send(
      admin,
      'POST',
      '/api/maturity/score',
      '{"modelVersion":"CMMM-2020\\ud800","manufacturingType":"discrete","mode":"draft","answers":[]}',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('modelVersion');
    expectError(
      await send(server().client(), 'POST', '/api/auth/login', '{"username":"\\udfffadmin","password":"x"}'),
      400,
      'validation.malformedText',
      'username',
    );
    await stillAnswering();
  });

  it('refuses a query value whose percent-encoding is not UTF-8, naming the parameter, on API and protocol routes', async () => {
    const admin = await server().as('bureau_admin');
    expectError(await admin.get('/api/enterprises?q=%ED%A0%80'), 400, 'validation.malformedText', 'q');
    expectError(await admin.get('/api/enterprises?page=1&q=a%FFb'), 400, 'validation.malformedText', 'q');
    expectError(await server().client().get('/api/trace?id=%E4%B8'), 400, 'validation.malformedText', 'id');
    // well-formed encodings still pass
    expect((await admin.get('/api/enterprises?q=%E7%8E%AF%E7%BF%A0')).status).toBe(200);
    await stillAnswering();
  });

  it('refuses deeply nested bodies with 400 on any path, anonymous or not, and keeps answering', async () => {
    for (const depth of [100, 8_000, 10_000]) {
      for (const [method, path] of [
        ['POST', '/api/auth/login'],
        ['POST', '/api/no-such-route'],
        ['POST', '/api/public/recognition/notices/1/objections'],
      ] as const) {
        const res = await send(server().client(), method, path, nested(depth));
        expect(res.status, `${path} ${depth} → ${JSON.stringify(res.body).slice(0, 200)}`).toBeLessThan(500);
        expect(res.status).toBeGreaterThanOrEqual(400);
      }
      expectError(await send(server().client(), 'POST', '/api/auth/login', nested(depth)), 400, 'request.tooDeep');
    }
    // a body at the limit is not refused for its depth
    const shallow = await send(server().client(), 'POST', '/api/auth/login', nested(10));
    expect(shallow.body.error.code).not.toBe('request.tooDeep');
    await stillAnswering();
  });
});
