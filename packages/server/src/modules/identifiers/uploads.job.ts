import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { formatMessage, type Locale } from '@zhizao/domain';
import type { Tx } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { enqueueJob, JobFailure, jobRunner, type JobHandler } from '../../platform/jobs.ts';
import { registerIdentifiers, RegistrationRefused, type RegistrationItem } from './registration.ts';

// An identifier upload as a durable job: the parsed rows are stored as job items of 1,000 rows each before the
// request answers; the runner registers them chunk by chunk, each chunk in one transaction together with the
// job's checkpoint and the upload record's counts (a chunk's refused rows are reported and the rest of it
// registered). After a crash the job goes on from the first chunk not committed: nothing is registered twice
// or counted twice, and a chunk cut off mid-way had rolled back (registration of the same data is a success anyway).

export const UPLOAD_JOB = 'identifiers.upload';
const CHUNK = 1_000;
const MAX_ERRORS = 1_000;

export interface UploadError {
  row: number;
  handle: string | null;
  message: string;
}

interface UploadPayload {
  enterpriseId: number;
  audit: AuditActor;
  locale: Locale;
}

/** One job item: rows of the file with their row numbers (row 1 is the header). */
type UploadChunk = { row: number; item: RegistrationItem }[];

export interface NewUpload {
  enterpriseId: number;
  userId: number;
  fileName: string;
  prefix: string;
  templateVersion: string;
  audit: AuditActor;
  locale: Locale;
}

/** Stores the upload record and its rows as a queued job, in one transaction; returns the job's id. */
export async function startUploadJob(ctx: AppContext, upload: NewUpload, items: readonly RegistrationItem[]): Promise<string> {
  const id = randomUUID();
  const chunks: UploadChunk[] = [];
  for (let from = 0; from < items.length; from += CHUNK)
    chunks.push(items.slice(from, from + CHUNK).map((item, i) => ({ row: from + i + 2, item })));
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('idUploadJob')
      .values({
        id,
        enterpriseId: upload.enterpriseId,
        userId: upload.userId,
        fileName: upload.fileName,
        prefix: upload.prefix,
        templateVersion: upload.templateVersion,
        status: 'queued',
        total: items.length,
        processed: 0,
        registered: 0,
        errorsJson: '[]',
        createdAt: new Date().toISOString(),
        finishedAt: null,
      })
      .execute();
    const payload: UploadPayload = { enterpriseId: upload.enterpriseId, audit: upload.audit, locale: upload.locale };
    await enqueueJob(tx, { id, kind: UPLOAD_JOB, payload, items: chunks });
  });
  jobRunner(ctx).wake();
  return id;
}

const saveUpload = (
  tx: Tx,
  id: string,
  values: { status: string; processed: number; registered: number; errors: UploadError[]; finishedAt?: string },
) =>
  tx
    .updateTable('idUploadJob')
    .set({
      status: values.status,
      processed: values.processed,
      registered: values.registered,
      errorsJson: JSON.stringify(values.errors.slice(0, MAX_ERRORS)),
      ...(values.finishedAt ? { finishedAt: values.finishedAt } : {}),
    })
    .where('id', '=', id)
    .execute();

export function uploadJobHandler(ctx: AppContext): JobHandler<UploadPayload> {
  return {
    resumable: true,
    async run(run) {
      const { job, payload } = run;
      const who = { enterpriseId: payload.enterpriseId, audit: payload.audit };
      const upload = await ctx.db.selectFrom('idUploadJob').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
      let processed = upload.processed;
      let registered = upload.registered;
      let errors = JSON.parse(upload.errorsJson) as UploadError[];
      if (upload.status === 'queued') await ctx.db.updateTable('idUploadJob').set({ status: 'running' }).where('id', '=', job.id).execute();
      for (let seq = job.progressDone; seq < job.progressTotal; seq++) {
        // on SQLite every query resolves at once: without a turn of the event loop, requests wait for the whole job
        await nextTurn();
        run.throwIfStopped();
        let chunk = await run.item<UploadChunk>(seq);
        const next = { status: 'running', processed: processed + chunk.length, registered, errors: [...errors] };
        const commit = async (tx: Tx) => {
          await saveUpload(tx, job.id, next);
          await run.checkpoint(tx, seq + 1);
        };
        for (let attempt = 0; ; attempt++) {
          if (chunk.length === 0) {
            await ctx.db.transaction().execute(commit);
            break;
          }
          try {
            await registerIdentifiers(
              ctx,
              who,
              chunk.map((c) => c.item),
              'create',
              {
                alongside: async (tx, result) => {
                  next.registered = registered + result.created;
                  await commit(tx);
                },
              },
            );
            break;
          } catch (error) {
            if (!(error instanceof RegistrationRefused)) throw error;
            // refused twice: what was fine a moment ago no longer is (the prefix was suspended meanwhile)
            if (attempt === 1) throw new JobFailure(error.problems[0]!.key, error.problems[0]!.params);
            const refused = new Set(error.problems.map((p) => p.item));
            for (const p of error.problems)
              next.errors.push({ row: chunk[p.item]!.row, handle: p.handle, message: formatMessage(p.key, payload.locale, p.params) });
            chunk = chunk.filter((_, i) => !refused.has(i));
          }
        }
        ({ processed, registered, errors } = next);
      }
      await ctx.db.transaction().execute(async (tx) => {
        await saveUpload(tx, job.id, { status: 'done', processed, registered, errors, finishedAt: new Date().toISOString() });
      });
    },
    async onFailed(tx, job, failure) {
      const upload = await tx.selectFrom('idUploadJob').selectAll().where('id', '=', job.id).executeTakeFirst();
      if (!upload) return;
      const locale = (JSON.parse(job.payloadJson) as UploadPayload).locale;
      const errors = JSON.parse(upload.errorsJson) as UploadError[];
      errors.push({ row: 0, handle: null, message: formatMessage(failure.key, locale, failure.params) });
      await saveUpload(tx, job.id, {
        status: 'failed',
        processed: upload.processed,
        registered: upload.registered,
        errors,
        finishedAt: new Date().toISOString(),
      });
    },
  };
}
