import {
  firmOutcome,
  lastDayOf,
  outcomeSummary,
  TRAINING_ATTENDEE_REGISTER,
  TRAINING_EVENT_REGISTER,
  type Actor,
  type AssessmentPoint,
  type FirmOutcome,
  type ProjectStart,
} from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../../db/database.ts';
import { permissionFirst, requireActor } from '../../../platform/auth.ts';
import type { AppContext } from '../../../platform/context.ts';
import { errorResponses, idParams } from '../../../platform/schemas.ts';
import { listRows } from '../engine/repo.ts';
import { permissionOf } from '../engine/routes.ts';
import { readScope } from '../engine/scope.ts';
import { loadEntry } from '../engine/service.ts';

// A training event's outcomes, firm by firm: maturity before and after (the maturity module's submitted
// self-diagnoses — level and score, which the bureau and the firm's district see anyway) and the funding
// module's projects started after the event. The firms are the attendees the caller may read.

export interface FirmOutcomeView extends FirmOutcome {
  enterpriseId: number;
  enterpriseName: string | null;
  people: number;
  completed: boolean | null;
}

const inBatches = async <T>(ids: number[], load: (batch: number[]) => Promise<T[]>): Promise<T[]> => {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await load(ids.slice(i, i + 500))));
  return out;
};

async function assessmentsOf(db: Executor, ids: number[]) {
  return inBatches(ids, (batch) =>
    db
      .selectFrom('maturityAssessment')
      .select(['id', 'enterpriseId', 'submittedAt', 'totalScore', 'reachedLevel'])
      .where('status', '=', 'submitted')
      .where('submittedAt', 'is not', null)
      .where('enterpriseId', 'in', batch)
      .execute(),
  );
}

async function projectsAfter(db: Executor, ids: number[], day: string) {
  return inBatches(ids, (batch) =>
    db
      .selectFrom('fundingProject')
      .select(['id', 'enterpriseId', 'name', 'startDate'])
      .where('enterpriseId', 'in', batch)
      .where('startDate', '>', day)
      .execute(),
  );
}

export async function eventOutcomes(db: Executor, actor: Actor, eventId: number) {
  const event = await loadEntry(db, TRAINING_EVENT_REGISTER, actor, eventId);
  const window = { startDate: String(event.startDate), endDate: (event.endDate as string | null) ?? null };
  const { rows } = await listRows(db, TRAINING_ATTENDEE_REGISTER, readScope(TRAINING_ATTENDEE_REGISTER, actor), { event: eventId }, null);
  const firms = new Map<number, { enterpriseName: string | null; people: number; completed: boolean | null }>();
  for (const row of rows) {
    const id = Number(row.enterpriseId);
    const firm = firms.get(id) ?? { enterpriseName: row.enterpriseName, people: 0, completed: null };
    firm.people += typeof row.headcount === 'number' ? row.headcount : 1;
    if (row.completed !== null && row.completed !== undefined) firm.completed = (firm.completed ?? false) || Number(row.completed) === 1;
    firms.set(id, firm);
  }
  const ids = [...firms.keys()];
  const [assessments, projects] = await Promise.all([assessmentsOf(db, ids), projectsAfter(db, ids, lastDayOf(window))]);
  const outcomes: FirmOutcomeView[] = ids
    .map((id) => ({
      enterpriseId: id,
      ...firms.get(id)!,
      ...firmOutcome(
        window,
        assessments
          .filter((a) => a.enterpriseId === id)
          .map((a): AssessmentPoint => ({
            id: Number(a.id),
            submittedAt: a.submittedAt!,
            totalScore: a.totalScore,
            reachedLevel: a.reachedLevel,
          })),
        projects
          .filter((p) => p.enterpriseId === id)
          .map((p): ProjectStart => ({ id: Number(p.id), name: p.name, startDate: p.startDate })),
      ),
    }))
    .sort((a, b) => (a.enterpriseName ?? '').localeCompare(b.enterpriseName ?? '', 'zh-CN') || a.enterpriseId - b.enterpriseId);
  return {
    event: { id: event.id, name: event.title, kind: event.kind, startDate: window.startDate, endDate: window.endDate },
    firms: outcomes,
    summary: outcomeSummary(outcomes),
  };
}

const point = {
  anyOf: [
    {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        submittedAt: { type: 'string' },
        on: { type: 'string' },
        totalScore: { type: ['number', 'null'] },
        reachedLevel: { type: ['integer', 'null'] },
      },
    },
    { type: 'null' },
  ],
} as const;
const outcomesView = {
  type: 'object',
  properties: {
    event: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        name: { type: 'string' },
        kind: { type: 'string' },
        startDate: { type: 'string' },
        endDate: { type: ['string', 'null'] },
      },
    },
    firms: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          enterpriseId: { type: 'integer' },
          enterpriseName: { type: ['string', 'null'] },
          people: { type: 'integer' },
          completed: { type: ['boolean', 'null'] },
          before: point,
          after: point,
          scoreChange: { type: ['number', 'null'] },
          levelChange: { type: ['integer', 'null'] },
          projectsAfter: {
            type: 'array',
            items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, startDate: { type: 'string' } } },
          },
        },
      },
    },
    summary: {
      type: 'object',
      properties: {
        firms: { type: 'integer' },
        withBoth: { type: 'integer' },
        meanScoreChange: { type: ['number', 'null'] },
        improved: { type: 'integer' },
        startedProject: { type: 'integer' },
      },
    },
  },
} as const;

export function registerOutcomeRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: number } }>(
    `/api/registers/${TRAINING_EVENT_REGISTER.key}/:id/outcomes`,
    {
      ...permissionFirst(permissionOf(TRAINING_ATTENDEE_REGISTER.key, 'read')),
      schema: {
        tags: [`registers: ${TRAINING_EVENT_REGISTER.label.en}`],
        summary:
          'A training event’s outcomes per attending firm in the caller’s scope: the latest submitted maturity assessment before it began, the first after it ended, and the funding projects started after it',
        params: idParams,
        response: { 200: outcomesView, ...errorResponses },
      },
    },
    async (request) => eventOutcomes(ctx.db, requireActor(request), request.params.id),
  );
}
