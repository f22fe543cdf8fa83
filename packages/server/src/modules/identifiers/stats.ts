import { chinaDay, nextChinaDayStart } from '@zhizao/domain';
import type { Db } from '../../db/database.ts';
import { addDailyCounts } from './repo.ts';

// Registrations and resolutions per enterprise per day, counted in memory so that resolving costs a Map
// increment, and written in batches (every few seconds and at shutdown). A crash loses at most one interval.

interface Counts {
  registrations: number;
  resolutions: number;
}

export class StatsBuffer {
  private day = '';
  private dayEnds = 0;
  /** day → enterprise → counts */
  private pending = new Map<string, Map<number, Counts>>();
  private current = new Map<number, Counts>();

  constructor(private readonly now: () => number = Date.now) {}

  private bucket(enterpriseId: number): Counts {
    const now = this.now();
    if (now >= this.dayEnds) {
      this.day = chinaDay(now);
      this.dayEnds = nextChinaDayStart(now);
      this.current = this.pending.get(this.day) ?? new Map();
      this.pending.set(this.day, this.current);
    }
    let counts = this.current.get(enterpriseId);
    if (!counts) this.current.set(enterpriseId, (counts = { registrations: 0, resolutions: 0 }));
    return counts;
  }

  resolved(enterpriseId: number): void {
    this.bucket(enterpriseId).resolutions++;
  }

  registered(enterpriseId: number, n: number): void {
    if (n > 0) this.bucket(enterpriseId).registrations += n;
  }

  /** Counted but not yet written, per enterprise (all days). */
  unwritten(): Map<number, Counts> {
    const sums = new Map<number, Counts>();
    for (const days of this.pending.values()) {
      for (const [id, c] of days) {
        const s = sums.get(id) ?? { registrations: 0, resolutions: 0 };
        s.registrations += c.registrations;
        s.resolutions += c.resolutions;
        sums.set(id, s);
      }
    }
    return sums;
  }

  /** Writes what was counted so far in one transaction; on failure the counts are kept for the next flush. */
  async flush(db: Db): Promise<void> {
    const taken = this.pending;
    this.pending = new Map();
    this.dayEnds = 0; // the next count opens a fresh bucket in the new map
    const rows = [...taken].flatMap(([day, byEnterprise]) =>
      [...byEnterprise].filter(([, c]) => c.registrations || c.resolutions).map(([enterpriseId, c]) => ({ day, enterpriseId, ...c })),
    );
    if (rows.length === 0) return;
    try {
      await db.transaction().execute((tx) => addDailyCounts(tx, rows));
    } catch (error) {
      for (const r of rows) {
        const c = this.bucketFor(r.day, r.enterpriseId);
        c.registrations += r.registrations;
        c.resolutions += r.resolutions;
      }
      throw error;
    }
  }

  private bucketFor(day: string, enterpriseId: number): Counts {
    let days = this.pending.get(day);
    if (!days) this.pending.set(day, (days = new Map()));
    let c = days.get(enterpriseId);
    if (!c) days.set(enterpriseId, (c = { registrations: 0, resolutions: 0 }));
    return c;
  }
}
