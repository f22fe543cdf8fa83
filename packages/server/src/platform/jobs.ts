import { randomUUID } from 'node:crypto';
import type { MessageKey } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { sql, type Selectable, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import type { Executor, Tx } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { AuditActor } from './audit.ts';
import type { AppContext } from './context.ts';
import type { JobTable } from './jobs.tables.ts';

// Durable background jobs (issue 11, item 7): a job is a row in the platform's own database, with its work
// (job_item rows) written in the same transaction as the request's own records, before the request answers.
// Each server process runs one worker: it polls, claims one job at a time, and holds it by a lease
// (locked_until) that a heartbeat renews. A job whose lease ran out belongs to a process that died: a resumable
// kind is queued again and goes on from its last checkpoint, another kind is marked failed with a reason its
// owner reads.
//
// Why not a library: pg-boss and graphile-worker are PostgreSQL only, BullMQ needs Redis, liteque and plainjob are
// SQLite only. Sidequest covers both, but through Knex with its own tables and connections, and runs jobs in forked
// workers: its rows could not be written in our Kysely transaction (SQLite has one writer), and a worker process
// would write identifiers past the in-process resolution cache that every write must go through (identifiers/
// node.ts). Claiming rows with SKIP LOCKED (PostgreSQL) or one atomic UPDATE … RETURNING (SQLite) is small.
//
// Times are ISO-8601 text like every timestamp here; processes sharing a database need clocks within a
// fraction of the lease of each other.

export type JobRow = Selectable<JobTable>;
type JobUpdate = UpdateQueryBuilder<Database, 'job', 'job', UpdateResult>;

/** A failure the job's owner should read: a message key with zh + en text. Not retried. */
export class JobFailure extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

/** The worker lost the job's lease (another process took it over): stop without writing. */
export class JobLeaseLost extends Error {
  constructor() {
    super('job lease lost');
  }
}

/** The runner is stopping: the job goes back to the queue and goes on from its last checkpoint. */
class JobStopping extends Error {
  constructor() {
    super('job runner stopping');
  }
}

export interface JobRun<P> {
  readonly job: JobRow;
  readonly payload: P;
  /** The job's work item `seq` (0 ≤ seq < progressTotal), as enqueued. */
  item<I>(seq: number): Promise<I>;
  /**
   * Records that `done` of the job's items are done, inside the transaction that did the work: the work and
   * the checkpoint commit together, and a worker that lost the lease has its transaction rolled back.
   */
  checkpoint(tx: Tx, done: number): Promise<void>;
  /** Throws when the runner is stopping or the lease was lost: call it between steps. */
  throwIfStopped(): void;
}

export interface JobHandler<P = unknown> {
  /**
   * Safe to run again after a crash: every step is idempotent or checkpointed with its work. A job of a kind that
   * is not resumable and was running when its process died is marked failed (jobs.interrupted).
   */
  resumable: boolean;
  /** Attempts before the job is given up (a crash or an unexpected error counts one). Default 3. */
  maxAttempts?: number;
  run(run: JobRun<P>): Promise<void>;
  /** The kind's own record learns of the failure, in the transaction that marks the job failed. */
  onFailed?(tx: Tx, job: JobRow, failure: JobFailure): Promise<void>;
}

export interface NewJob {
  id?: string;
  kind: string;
  payload: unknown;
  /** The work, one row each; progress counts them. */
  items?: readonly unknown[];
  maxAttempts?: number;
}

/** Queues a job in the caller's transaction (with the records it belongs to); call `jobRunner(ctx).wake()` after it commits. */
export async function enqueueJob(tx: Executor, job: NewJob): Promise<string> {
  const id = job.id ?? randomUUID();
  const items = job.items ?? [];
  await tx
    .insertInto('job')
    .values({
      id,
      kind: job.kind,
      state: 'queued',
      payloadJson: JSON.stringify(job.payload),
      progressDone: 0,
      progressTotal: items.length,
      attempts: 0,
      maxAttempts: job.maxAttempts ?? 3,
      lockedBy: null,
      lockedUntil: null,
      errorKey: null,
      errorParamsJson: null,
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
    })
    .execute();
  // 200 rows a statement: well inside SQLite's bound-parameter limit
  for (let from = 0; from < items.length; from += 200) {
    const rows = items.slice(from, from + 200).map((item, i) => ({ jobId: id, seq: from + i, payloadJson: JSON.stringify(item) }));
    await tx.insertInto('jobItem').values(rows).execute();
  }
  return id;
}

export interface JobRunnerOptions {
  /** How long a claimed job stays its worker's without a heartbeat (ms). */
  leaseMs: number;
  /** How often an idle worker looks for jobs (ms). */
  pollMs: number;
}

export function jobRunnerOptions(env: NodeJS.ProcessEnv = process.env): JobRunnerOptions {
  return { leaseMs: Number(env.ZHIZAO_JOB_LEASE_MS ?? 30_000), pollMs: Number(env.ZHIZAO_JOB_POLL_MS ?? 1_000) };
}

const SYSTEM: AuditActor = { userId: null, username: 'system', role: null, ip: null };
const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

export class JobRunner {
  readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private loop: Promise<void> | null = null;
  private started = false;
  private stopping = false;
  private woken = false;

  /** Where unexpected errors go (the app's logger once registered). */
  log: (error: unknown, message: string) => void = () => undefined;

  constructor(
    private readonly ctx: AppContext,
    readonly options: JobRunnerOptions = jobRunnerOptions(),
  ) {}

  handle<P>(kind: string, handler: JobHandler<P>): void {
    this.handlers.set(kind, handler);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** A job was queued: look now instead of at the next poll. */
  wake(): void {
    if (!this.started || this.stopping) return;
    if (this.loop) this.woken = true;
    else this.schedule(0);
  }

  /** Stops polling, lets the running job reach its next checkpoint and puts it back in the queue. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.loop;
  }

  /** Runs the jobs that are due until none is left (tests and the poll loop). */
  async drain(): Promise<void> {
    await this.recoverExpired();
    while (!this.stopping) {
      const job = await this.claim();
      if (!job) return;
      await this.execute(job);
    }
  }

  private schedule(ms: number): void {
    if (this.stopping) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.loop = this.drain()
        .catch((error) => this.log(error, 'job runner: poll failed'))
        .finally(() => {
          this.loop = null;
          const again = this.woken;
          this.woken = false;
          this.schedule(again ? 0 : this.options.pollMs);
        });
    }, ms);
  }

  private get kinds(): string[] {
    return [...this.handlers.keys()];
  }

  /**
   * Jobs still "running" under a lease that ran out: their process died. Each is queued again or failed by one
   * conditional UPDATE, so two processes recovering at once cannot both act on it.
   */
  private async recoverExpired(): Promise<void> {
    if (!this.handlers.size) return;
    const now = new Date().toISOString();
    const expired = await this.ctx.db
      .selectFrom('job')
      .selectAll()
      .where('state', '=', 'running')
      .where('lockedUntil', '<', now)
      .where('kind', 'in', this.kinds)
      .execute();
    for (const job of expired) {
      const handler = this.handlers.get(job.kind)!;
      if (handler.resumable && job.attempts < job.maxAttempts) {
        await this.ctx.db.transaction().execute(async (tx) => {
          const moved = await tx
            .updateTable('job')
            .set({ state: 'queued', lockedBy: null, lockedUntil: null })
            .where('id', '=', job.id)
            .where('state', '=', 'running')
            .where('lockedUntil', '<', now)
            .executeTakeFirst();
          if (Number(moved.numUpdatedRows) === 0) return;
          await this.ctx.audit.append(tx, SYSTEM, {
            action: 'job.resume',
            entityType: 'job',
            entityId: job.id,
            before: { state: 'running', lockedBy: job.lockedBy, progressDone: job.progressDone },
            after: { state: 'queued', kind: job.kind, attempts: job.attempts },
          });
        });
      } else {
        const failure = handler.resumable
          ? new JobFailure('jobs.tooManyAttempts', { attempts: job.attempts })
          : new JobFailure('jobs.interrupted');
        await this.fail(job, failure, (q) => q.where('state', '=', 'running').where('lockedUntil', '<', now));
      }
    }
  }

  /** Takes the oldest queued job: FOR UPDATE SKIP LOCKED on PostgreSQL; on SQLite the one UPDATE is atomic (one writer). */
  private async claim(): Promise<JobRow | undefined> {
    if (!this.handlers.size) return undefined;
    const db = this.ctx.db;
    let next = db
      .selectFrom('job')
      .select('id')
      .where('state', '=', 'queued')
      .where('kind', 'in', this.kinds)
      .orderBy('createdAt')
      .orderBy('id')
      .limit(1);
    if (this.ctx.dialect === 'postgres') next = next.forUpdate().skipLocked();
    const now = new Date().toISOString();
    return db
      .updateTable('job')
      .set((eb) => ({
        state: 'running',
        attempts: eb('attempts', '+', 1),
        lockedBy: this.workerId,
        lockedUntil: isoIn(this.options.leaseMs),
        startedAt: eb.fn.coalesce('startedAt', sql.val(now)),
      }))
      .where('id', '=', next)
      .where('state', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
  }

  private async execute(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.kind);
    if (!handler) return this.fail(job, new JobFailure('jobs.unknownKind', { kind: job.kind }));
    let lost = false;
    const mine = (q: JobUpdate): JobUpdate =>
      q.where('id', '=', job.id).where('lockedBy', '=', this.workerId).where('state', '=', 'running');
    const heartbeat = setInterval(
      () =>
        void mine(this.ctx.db.updateTable('job').set({ lockedUntil: isoIn(this.options.leaseMs) }))
          .executeTakeFirst()
          .then((r) => (lost ||= Number(r.numUpdatedRows) === 0))
          .catch((error) => this.log(error, 'job runner: heartbeat failed')),
      Math.max(50, Math.floor(this.options.leaseMs / 3)),
    );
    const run: JobRun<unknown> = {
      job,
      payload: JSON.parse(job.payloadJson),
      item: async <I>(seq: number) => {
        const row = await this.ctx.db
          .selectFrom('jobItem')
          .select('payloadJson')
          .where('jobId', '=', job.id)
          .where('seq', '=', seq)
          .executeTakeFirstOrThrow();
        return JSON.parse(row.payloadJson) as I;
      },
      checkpoint: async (tx, done) => {
        const r = await mine(
          tx.updateTable('job').set({ progressDone: done, lockedUntil: isoIn(this.options.leaseMs) }),
        ).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw new JobLeaseLost();
      },
      throwIfStopped: () => {
        if (lost) throw new JobLeaseLost();
        if (this.stopping) throw new JobStopping();
      },
    };
    try {
      await handler.run(run);
      await this.ctx.db.transaction().execute(async (tx) => {
        const r = await mine(
          tx.updateTable('job').set({ state: 'succeeded', lockedBy: null, lockedUntil: null, finishedAt: new Date().toISOString() }),
        ).executeTakeFirst();
        if (Number(r.numUpdatedRows) > 0) await tx.deleteFrom('jobItem').where('jobId', '=', job.id).execute();
      });
    } catch (error) {
      if (error instanceof JobLeaseLost) return;
      if (error instanceof JobStopping) {
        // not an attempt that failed: the next start goes on from the last checkpoint
        await mine(
          this.ctx.db
            .updateTable('job')
            .set((eb) => ({ state: 'queued', lockedBy: null, lockedUntil: null, attempts: eb('attempts', '-', 1) })),
        ).execute();
        return;
      }
      if (error instanceof JobFailure) return this.fail(job, error, mine);
      this.log(error, `job runner: ${job.kind} job ${job.id} failed (attempt ${job.attempts} of ${job.maxAttempts})`);
      if (job.attempts >= job.maxAttempts) return this.fail(job, new JobFailure('jobs.tooManyAttempts', { attempts: job.attempts }), mine);
      await mine(this.ctx.db.updateTable('job').set({ state: 'queued', lockedBy: null, lockedUntil: null })).execute();
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Marks the job failed with its reason, tells its kind's record and audits it, if `guard` still matches the row. */
  private async fail(
    job: JobRow,
    failure: JobFailure,
    guard: (q: JobUpdate) => JobUpdate = (q) => q.where('id', '=', job.id),
  ): Promise<void> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const r = await guard(
        tx
          .updateTable('job')
          .set({
            state: 'failed',
            lockedBy: null,
            lockedUntil: null,
            errorKey: failure.key,
            errorParamsJson: JSON.stringify(failure.params),
            finishedAt: new Date().toISOString(),
          })
          .where('id', '=', job.id),
      ).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return;
      await tx.deleteFrom('jobItem').where('jobId', '=', job.id).execute();
      await this.handlers.get(job.kind)?.onFailed?.(tx, job, failure);
      await this.ctx.audit.append(tx, SYSTEM, {
        action: 'job.fail',
        entityType: 'job',
        entityId: job.id,
        before: { state: job.state, attempts: job.attempts },
        after: { state: 'failed', kind: job.kind, errorKey: failure.key, errorParams: failure.params },
      });
    });
  }
}

const runners = new WeakMap<AppContext, JobRunner>();

/** The app's one job runner; modules register their kinds' handlers on it. */
export function jobRunner(ctx: AppContext): JobRunner {
  let runner = runners.get(ctx);
  if (!runner) runners.set(ctx, (runner = new JobRunner(ctx)));
  return runner;
}

/**
 * Works jobs while the server listens (after every module's onReady: the identifier node must have its prefixes)
 * and stops before the other close hooks (call it before the modules register theirs).
 */
export function registerJobRunner(app: FastifyInstance, ctx: AppContext): void {
  const runner = jobRunner(ctx);
  runner.log = (error, message) => app.log.error({ err: error }, message);
  app.addHook('onListen', async () => runner.start());
  app.addHook('preClose', async () => runner.stop());
}
