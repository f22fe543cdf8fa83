import { lockoutMinutesFor, type SecuritySettings } from '@zhizao/domain';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

// Failed logins are counted per (username as typed, source address). An attempt is counted *before* its password
// is checked, by one upsert whose returned row decides: of any number of parallel guesses only `threshold` are
// ever checked, on SQLite and PostgreSQL alike (the upsert takes the row's lock). A stranger's guesses lock only
// the stranger's address; an unknown username goes through the same steps and gets the same answers.

const DAY_MS = 24 * 60 * 60_000;

export type AttemptVerdict = { check: true; failures: number } | { check: false; lockedMinutes: number };

export async function claimAttempt(db: Db, username: string, source: string, settings: SecuritySettings): Promise<AttemptVerdict> {
  const now = Date.now();
  const at = new Date(now).toISOString();
  // failures older than one lock-out period, or from before a lock that has run out, are forgotten
  const forgetBefore = new Date(now - settings.lockoutMinutes * 60_000).toISOString();
  const stale = sql`(login_attempt.locked_until is not null and login_attempt.locked_until <= ${at})
    or (login_attempt.locked_until is null and login_attempt.last_attempt_at < ${forgetBefore})`;
  const row = await db
    .insertInto('loginAttempt')
    .values({ username, source, failures: 1, locks: 0, lockedUntil: null, lastAttemptAt: at })
    .onConflict((oc) =>
      oc.columns(['username', 'source']).doUpdateSet({
        failures: sql<number>`case when ${stale} then 1 else login_attempt.failures + 1 end`,
        // a day without any attempt and the doubling starts again
        locks: sql<number>`case when login_attempt.last_attempt_at < ${new Date(now - DAY_MS).toISOString()} then 0 else login_attempt.locks end`,
        lockedUntil: sql<string | null>`case when login_attempt.locked_until <= ${at} then null else login_attempt.locked_until end`,
        lastAttemptAt: at,
      }),
    )
    .returning(['failures', 'locks', 'lockedUntil'])
    .executeTakeFirstOrThrow();
  if (row.lockedUntil) return { check: false, lockedMinutes: minutesUntil(row.lockedUntil, now) };
  // the threshold-th attempt is still being checked; those after it wait for the lock it is about to set
  if (row.failures > settings.lockoutThreshold)
    return { check: false, lockedMinutes: (await lock(db, username, source, settings)).minutes };
  return { check: true, failures: row.failures };
}

/** After a wrong password: the lock, if this failure reached the threshold. */
export async function failedAttempt(
  db: Db,
  username: string,
  source: string,
  failures: number,
  settings: SecuritySettings,
): Promise<{ minutes: number; until: string } | null> {
  return failures >= settings.lockoutThreshold ? lock(db, username, source, settings) : null;
}

/** A right password from this source: its count starts again. */
export async function succeededAttempt(db: Db, username: string, source: string): Promise<void> {
  await db.deleteFrom('loginAttempt').where('username', '=', username).where('source', '=', source).execute();
}

/** An administrator's unlock (or a password reset) ends every lock on the username, from every source. */
export async function clearAttempts(db: Db, username: string): Promise<number> {
  const result = await db.deleteFrom('loginAttempt').where('username', '=', username).executeTakeFirst();
  return Number(result.numDeletedRows);
}

async function lock(db: Db, username: string, source: string, settings: SecuritySettings) {
  const now = Date.now();
  // only the first to get here sets the lock (and counts it); the rest read the one it set
  const current = await db
    .selectFrom('loginAttempt')
    .select(['locks', 'lockedUntil'])
    .where('username', '=', username)
    .where('source', '=', source)
    .executeTakeFirst();
  if (current?.lockedUntil && current.lockedUntil > new Date(now).toISOString())
    return { minutes: minutesUntil(current.lockedUntil, now), until: current.lockedUntil };
  const minutes = lockoutMinutesFor(settings, current?.locks ?? 0);
  const until = new Date(now + minutes * 60_000).toISOString();
  await db
    .updateTable('loginAttempt')
    .set((eb) => ({ lockedUntil: until, locks: eb('locks', '+', 1) }))
    .where('username', '=', username)
    .where('source', '=', source)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', new Date(now).toISOString())]))
    .execute();
  return { minutes, until };
}

function minutesUntil(iso: string, now: number): number {
  return Math.max(1, Math.ceil((Date.parse(iso) - now) / 60_000));
}
