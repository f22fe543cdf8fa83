import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.ts';
import { createDatabase } from '../db/database.ts';
import type { AppContext } from './context.ts';
import { enqueueJob, JobFailure, JobLeaseLost, JobRunner, type JobHandler } from './jobs.ts';

// The job runner on each database, in-process: exclusive claims by two workers, recovery of jobs whose process died
// (resumed from the checkpoint, or failed with a reason), retries, fencing by the lease, and a clean stop.

const FAST = { leaseMs: 300, pollMs: 20 };

describeEachDatabase('durable job runner', (server) => {
  const ctx = () => server().ctx;
  const jobRow = (id: string) => ctx().db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const enqueue = (kind: string, items: unknown[] = [], maxAttempts = 3) =>
    ctx()
      .db.transaction()
      .execute((tx) => enqueueJob(tx, { kind, payload: { hello: 'world' }, items, maxAttempts }));
  const expire = (id: string, progressDone: number) =>
    ctx()
      .db.updateTable('job')
      .set({
        state: 'running',
        lockedBy: 'a-dead-process',
        lockedUntil: new Date(Date.now() - 1000).toISOString(),
        attempts: 1,
        progressDone,
      })
      .where('id', '=', id)
      .execute();

  it('two workers over two connections take every job exactly once', async () => {
    const second = createDatabase(ctx().config);
    const ran: string[] = [];
    const handler: JobHandler = {
      resumable: true,
      async run(run) {
        ran.push(run.job.id);
        await sleep(5);
      },
    };
    const a = new JobRunner(ctx(), FAST);
    const b = new JobRunner({ ...ctx(), db: second } as AppContext, FAST);
    a.handle('test.exclusive', handler);
    b.handle('test.exclusive', handler);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await enqueue('test.exclusive'));
    try {
      await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
    } finally {
      await second.destroy();
    }
    expect(ran.sort()).toEqual([...ids].sort());
    const states = await ctx().db.selectFrom('job').select(['state', 'attempts']).where('kind', '=', 'test.exclusive').execute();
    expect(states.every((s) => s.state === 'succeeded' && s.attempts === 1)).toBe(true);
    expect(await ctx().db.selectFrom('jobItem').select('jobId').where('jobId', 'in', ids).execute()).toEqual([]);
  });

  it('resumes a resumable job whose process died, from its last checkpoint', async () => {
    const seen: number[] = [];
    const runner = new JobRunner(ctx(), FAST);
    runner.handle<{ hello: string }>('test.resumable', {
      resumable: true,
      async run(run) {
        expect(run.payload).toEqual({ hello: 'world' });
        for (let seq = run.job.progressDone; seq < run.job.progressTotal; seq++) {
          seen.push(await run.item<number>(seq));
          await ctx()
            .db.transaction()
            .execute((tx) => run.checkpoint(tx, seq + 1));
        }
      },
    });
    const id = await enqueue('test.resumable', [10, 11, 12, 13]);
    await expire(id, 2);
    await runner.drain();
    expect(seen).toEqual([12, 13]);
    expect(await jobRow(id)).toMatchObject({ state: 'succeeded', attempts: 2, progressDone: 4, lockedBy: null, errorKey: null });
    const audit = await ctx().db.selectFrom('auditLog').select('action').where('entityId', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['job.resume']);
  });

  it('fails a job that cannot be resumed with a reason its owner reads, and tells its record', async () => {
    const told: string[] = [];
    const runner = new JobRunner(ctx(), FAST);
    runner.handle('test.once', {
      resumable: false,
      run: async () => expect.unreachable('an interrupted one-shot job must not run again'),
      onFailed: async (_tx, job, failure) => void told.push(`${job.id}:${failure.key}`),
    });
    const id = await enqueue('test.once', [1]);
    await expire(id, 0);
    await runner.drain();
    expect(await jobRow(id)).toMatchObject({ state: 'failed', errorKey: 'jobs.interrupted', lockedBy: null });
    expect(told).toEqual([`${id}:jobs.interrupted`]);
    const audit = await ctx()
      .db.selectFrom('auditLog')
      .select('afterJson')
      .where('entityId', '=', id)
      .where('action', '=', 'job.fail')
      .execute();
    expect(JSON.parse(audit[0]!.afterJson!)).toMatchObject({ state: 'failed', errorKey: 'jobs.interrupted' });
    expect((await ctx().audit.verify(ctx().db)).ok).toBe(true);
  });

  it('retries an unexpected error up to the attempts allowed, then fails; a JobFailure fails at once', async () => {
    let runs = 0;
    const runner = new JobRunner(ctx(), FAST);
    runner.handle('test.flaky', {
      resumable: true,
      run: async () => {
        runs++;
        throw new Error('disk on fire');
      },
    });
    runner.handle('test.refused', {
      resumable: true,
      run: async () => {
        throw new JobFailure('identifiers.prefixNotActive', { status: 'suspended' });
      },
    });
    const flaky = await enqueue('test.flaky', [], 2);
    const refused = await enqueue('test.refused');
    await runner.drain();
    expect(runs).toBe(2);
    expect(await jobRow(flaky)).toMatchObject({
      state: 'failed',
      attempts: 2,
      errorKey: 'jobs.tooManyAttempts',
      errorParamsJson: '{"attempts":2}',
    });
    expect(await jobRow(refused)).toMatchObject({ state: 'failed', attempts: 1, errorKey: 'identifiers.prefixNotActive' });
  });

  it('a worker that lost its lease cannot commit its work: the checkpoint rolls its transaction back', async () => {
    const runner = new JobRunner(ctx(), FAST);
    let outcome: unknown = null;
    runner.handle('test.fenced', {
      resumable: true,
      async run(run) {
        // meanwhile another process recovered the job and took it
        await ctx().db.updateTable('job').set({ lockedBy: 'another-process' }).where('id', '=', run.job.id).execute();
        try {
          await ctx()
            .db.transaction()
            .execute(async (tx) => {
              await tx.updateTable('job').set({ payloadJson: '"written by the old worker"' }).where('id', '=', run.job.id).execute();
              await run.checkpoint(tx, 1);
            });
        } catch (error) {
          outcome = error;
          throw error;
        }
      },
    });
    const id = await enqueue('test.fenced', [1]);
    await runner.drain();
    expect(outcome).toBeInstanceOf(JobLeaseLost);
    // the new owner's job, untouched by the old worker
    expect(await jobRow(id)).toMatchObject({
      state: 'running',
      lockedBy: 'another-process',
      progressDone: 0,
      payloadJson: '{"hello":"world"}',
    });
  });

  it('stops cleanly: the running job goes back to the queue at its checkpoint, and no timer is left', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const runner = new JobRunner(ctx(), FAST);
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    runner.handle('test.long', {
      resumable: true,
      async run(run) {
        for (let seq = run.job.progressDone; seq < run.job.progressTotal; seq++) {
          run.throwIfStopped();
          await sleep(10);
          await ctx()
            .db.transaction()
            .execute((tx) => run.checkpoint(tx, seq + 1));
          if (seq === 1) started();
        }
      },
    });
    const id = await enqueue(
      'test.long',
      Array.from({ length: 200 }, (_, i) => i),
    );
    runner.start();
    await running;
    await runner.stop();
    const row = await jobRow(id);
    expect(row).toMatchObject({ state: 'queued', attempts: 0, lockedBy: null });
    expect(row.progressDone).toBeGreaterThanOrEqual(2);
    expect(row.progressDone).toBeLessThan(200);
    // no timer of its own is left (others' may have fired meanwhile), and nothing polls any more
    expect(timers()).toBeLessThanOrEqual(before);
    await sleep(FAST.pollMs * 5);
    expect(await jobRow(id)).toMatchObject({ state: 'queued', attempts: 0, progressDone: row.progressDone });
  });
});
