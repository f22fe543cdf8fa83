import { addDays, chinaDate } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { expectErrorShape } from '../../../test/expect.ts';
import { describeEachDatabase, type TestClient, type TestResponse } from '../../../test/harness.ts';
import { label, listOperations, sample, type Operation } from '../../../test/openapi.ts';
import { grantRecognition } from './grant.ts';
import { FILLED, giveMaturityLevel, makeExperts, move, programmeBody, submittedApplication } from './test-fixtures.ts';

// Hostile input at every recognition route, with path ids that name real records (a programme, an
// application with a panel, a notice with an objection, a recognition, a recommendation pack, a tie): the
// values reach the services and the database, and nothing may answer 5xx; every 4xx has the error shape.

const HOSTILE_VALUES: unknown[] = [
  null,
  -1,
  0,
  1.5,
  2 ** 31,
  1e300,
  true,
  'x'.repeat(20_000),
  [],
  { nested: [1] },
  '',
  '   ',
  "'; drop table recognition; --",
  'a\u0000b',
  '\ud800𠮷野家🀄',
  '2026-02-30',
  '9999-12-31',
];
const HOSTILE_QUERY = ['', '-1', '0', '2147483648', 'abc', '2026-02-30', "' OR 1=1 --", '%00', 'x'.repeat(300)];

describeEachDatabase('recognition routes under hostile input', (server) => {
  let operations: Operation[];
  const clients: Record<string, TestClient> = {};
  const ids: Record<string, string | number> = {};

  beforeAll(async () => {
    clients.bureau = await server().as('bureau_admin');
    clients.enterprise = await server().as('enterprise_user');
    clients.district = await server().as('district_officer');
    operations = (await listOperations(clients.bureau)).filter((op) => op.path.includes('/recognition'));
    await giveMaturityLevel(server(), server().enterprises.huancui, 3);
    const programme = await clients.bureau.post('/api/recognition/programmes', programmeBody());
    ids.programme = programme.body.id;
    const [expert] = await makeExperts(server(), 'sw', 3).then((e) => {
      clients.expert = e[0]!.client;
      ids.experts = e.map((x) => x.id).join(',');
      return e;
    });
    ids.expertUser = expert!.id;
    // one application to expert scoring with a panel, one drafted with an attachment
    const app = await submittedApplication(clients.enterprise!, Number(ids.programme));
    const v = await move(clients.district!, app.id, app.version, 'district_pass');
    await move(clients.bureau!, app.id, v, 'city_pass');
    await clients.bureau!.put(`/api/recognition/applications/${app.id}/panel`, {
      expertUserIds: String(ids.experts).split(',').map(Number),
    });
    ids.application = app.id;
    const tie = await clients.bureau!.post(`/api/recognition/experts/${expert!.id}/ties`, { providerName: '某服务商' });
    ids.tie = tie.body.id;
    const { db } = server().ctx;
    const rid = await db.transaction().execute((tx) =>
      grantRecognition(tx, {
        enterpriseId: server().enterprises.huancui,
        kind: 'smart_factory',
        level: 'municipal',
        year: 2024,
        projectName: '清扫项目',
        recognisedOn: '2024-06-30',
        source: 'record',
        kpisJson: JSON.stringify(FILLED.kpis),
      }),
    );
    ids.recognition = rid.id;
    const pack = await clients.bureau!.post('/api/recognition/recommendations', {
      targetLevel: 'provincial',
      kind: 'smart_factory',
      year: 2026,
      recognitionIds: [rid.id],
    });
    ids.recommendation = pack.body.id;
    // a second programme's shortlisted-looking application on a notice with an objection
    await db
      .updateTable('recognitionApplication')
      .set({
        state: 'shortlisted',
        finalScore: 80,
        scoreJson: JSON.stringify({ n: 3, counted: 3, dropped: false, score: 80, min: 70, max: 90, stddev: 8 }),
      })
      .where('id', '=', app.id)
      .execute();
    const notice = await clients.bureau!.post(`/api/recognition/programmes/${ids.programme}/notices`, {
      applicationIds: [app.id],
      startsOn: addDays(chinaDate(), -1),
    });
    ids.notice = notice.body.id;
    const objection = await clients.bureau!.post(`/api/recognition/notices/${ids.notice}/objections`, {
      objectorName: '清扫人',
      objectorIdNumber: '37000000',
      contact: '13900000000',
      text: '清扫测试异议',
      receivedOn: notice.body.startsOn,
    });
    ids.objection = objection.body.id;
    const draft = await clients.enterprise!.post('/api/recognition/applications', {
      programmeId: (await clients.bureau!.post('/api/recognition/programmes', programmeBody({ kind: 'digital_workshop' }))).body.id,
    });
    ids.draft = draft.body.id;
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')]), 'a.pdf');
    ids.file = (
      (await (await clients.enterprise!.raw('POST', `/api/recognition/applications/${ids.draft}/attachments`, { body: form })).json()) as {
        id: string;
      }
    ).id;
    expect(Object.values(ids).every((v) => v !== undefined)).toBe(true);
  }, 60_000);

  /** The path with each parameter set to a record that exists. */
  function realPath(op: Operation): string {
    return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const byName: Record<string, string | number> = {
        fileId: ids.file!,
        tieId: ids.tie!,
        userId: ids.expertUser!,
        applicationId: ids.application!,
        recognitionId: ids.recognition!,
        date: '2026-10-01',
        name: 'data.json',
      };
      if (byName[name] !== undefined) return encodeURIComponent(String(byName[name]));
      if (op.path.includes('/programmes/')) return String(ids.programme);
      if (op.path.includes('/notices/')) return String(ids.notice);
      if (op.path.includes('/objections/')) return String(ids.objection);
      if (op.path.includes('/recognitions/')) return String(ids.recognition);
      if (op.path.includes('/recommendations/')) return String(ids.recommendation);
      return String(op.path.includes('/attachments') ? ids.draft : ids.application);
    });
  }

  it('never answers 5xx, and answers every 4xx in the error shape', async () => {
    const failures: string[] = [];
    let requests = 0;
    const send = async (client: TestClient, op: Operation, path: string, body?: unknown): Promise<number> => {
      const res: TestResponse =
        body === undefined || op.method === 'GET' || op.method === 'DELETE'
          ? await client.request(op.method, path)
          : await client.request(op.method, path, body);
      requests++;
      if (res.status >= 500)
        failures.push(
          `${label(op)} ${path.slice(0, 100)} ${JSON.stringify(body)?.slice(0, 100)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
        );
      else if (res.status >= 400) {
        try {
          expectErrorShape(res);
        } catch {
          failures.push(`${label(op)} → ${res.status} not in the error shape`);
        }
      }
      return res.status;
    };
    for (const op of operations) {
      if (op.bodyType === 'multipart/form-data') continue;
      // the first role the route lets in
      let client = clients.bureau!;
      for (const who of ['bureau', 'enterprise', 'expert', 'district']) {
        client = clients[who]!;
        if (![401, 403].includes(await send(client, op, realPath(op), op.bodySchema ? sample(op.bodySchema) : undefined))) break;
      }
      const base = (op.bodySchema ? sample(op.bodySchema) : {}) as Record<string, unknown>;
      for (const key of Object.keys(op.bodySchema?.properties ?? {})) {
        for (const value of HOSTILE_VALUES) await send(client, op, realPath(op), { ...base, [key]: value });
      }
      for (const p of op.parameters.filter((x) => x.in === 'query')) {
        for (const value of HOSTILE_QUERY) await send(client, op, `${realPath(op)}?${p.name}=${encodeURIComponent(value)}`);
      }
      for (const p of op.parameters.filter((x) => x.in === 'path')) {
        for (const value of HOSTILE_QUERY.filter(Boolean))
          await send(client, op, op.path.replace(`{${p.name}}`, encodeURIComponent(value)).replace(/\{[^}]+\}/g, '1'));
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
  }, 180_000);
});
