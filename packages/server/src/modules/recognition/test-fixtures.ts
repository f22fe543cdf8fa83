import { addDays, chinaDate, DEFAULT_INDICATORS } from '@zhizao/domain';
import { expect } from 'vitest';
import { TEST_PASSWORD, TestClient, type TestServer } from '../../../test/harness.ts';
import { createUser } from '../accounts/users.service.ts';

// Fixtures for the recognition API tests: a programme body, a maturity level for an enterprise, expert
// accounts, and an application filled in and submitted.

export function programmeBody(overrides: Record<string, unknown> = {}) {
  const today = chinaDate();
  return {
    year: Number(today.slice(0, 4)),
    kind: 'smart_factory',
    level: 'municipal',
    title: '测试年度市级智能工厂认定',
    opensOn: addDays(today, -10),
    closesOn: addDays(today, 30),
    gates: { minMaturityLevel: 2, aboveDesignatedSize: true, noSeriousIncident: true },
    indicators: DEFAULT_INDICATORS,
    requiredKpis: ['cncRate', 'operatingCost', 'productivity'],
    noticeWorkingDays: 5,
    quota: null,
    ...overrides,
  };
}

export const FILLED = {
  projectName: '精密轴承智能工厂',
  projectDescription: '建设 MES、WMS 与设备联网，关键工序数控化',
  serviceProviderName: '天润智能',
  incidentFreeDeclared: true,
  kpis: { cncRate: { before: 50, after: 80 }, operatingCost: { before: 1000, after: 750 }, productivity: { before: 10, after: 13 } },
};

/** A submitted maturity assessment at `level`, latest for the enterprise, as the submit service leaves it. */
export async function giveMaturityLevel(server: TestServer, enterpriseId: number, level: number): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  await server.ctx.db.updateTable('maturityAssessment').set({ isLatest: 0 }).where('enterpriseId', '=', enterpriseId).execute();
  await server.ctx.db
    .insertInto('maturityAssessment')
    .values({
      enterpriseId,
      modelVersion: 'CMMM-2020',
      manufacturingType: 'discrete',
      targetLevel: 2,
      status: 'submitted',
      version: 2,
      createdBy: null,
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
      resultJson: '{}',
      modelJson: null,
      formulaId: 'bandAligned',
      reachedLevel: level,
      totalScore: level + 0.3,
      isLatest: 1,
    })
    .execute();
}

/** Expert accounts beyond the fixture one, logged in. */
export async function makeExperts(server: TestServer, prefix: string, count: number): Promise<{ id: number; client: TestClient }[]> {
  const out: { id: number; client: TestClient }[] = [];
  for (let i = 1; i <= count; i++) {
    const username = `${prefix}-expert-${i}`;
    await createUser(
      server.ctx,
      { userId: null, username: 'test-fixture', role: null, ip: null },
      { username, displayName: `${prefix}专家${i}`, password: TEST_PASSWORD, role: 'expert', districtCode: null, enterpriseId: null },
    );
    const client = server.client();
    expect((await client.login(username, TEST_PASSWORD)).status).toBe(200);
    const row = await server.ctx.db.selectFrom('appUser').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    out.push({ id: Number(row.id), client });
  }
  return out;
}

/** Starts, fills and submits an application of the client's enterprise; returns its id and version. */
export async function submittedApplication(
  enterprise: TestClient,
  programmeId: number,
  content: Record<string, unknown> = FILLED,
): Promise<{ id: number; version: number }> {
  const created = await enterprise.post('/api/recognition/applications', { programmeId });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const saved = await enterprise.put(`/api/recognition/applications/${created.body.id}`, { version: created.body.version, ...content });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const submitted = await enterprise.post(`/api/recognition/applications/${created.body.id}/moves`, {
    move: 'submit',
    version: saved.body.version,
  });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return { id: created.body.id, version: submitted.body.version };
}

/** Makes a move and expects it to pass; returns the new version. */
export async function move(client: TestClient, id: number, version: number, name: string, reason?: string): Promise<number> {
  const res = await client.post(`/api/recognition/applications/${id}/moves`, { move: name, version, ...(reason ? { reason } : {}) });
  expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.version;
}
