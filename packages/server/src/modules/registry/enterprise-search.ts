import { TextIndex } from '@zhizao/domain/search/index';
import type { Db, Tx } from '../../db/database.ts';

// The registry's search on the domain engine: the words of name, main products and address in a
// MiniSearch index, and the few columns a list filters and sorts by beside it (about 40 MB at 100,000
// enterprises), so that a search answers its page and total in memory and reads only the page's rows.
//
// Kept fresh by pulling, not pushing: every write of an enterprise takes the next search_change
// version in its transaction (nextSearchVersion) and stamps the rows with it; before each search the
// index reads the rows stamped above the last version it saw (one indexed look-up when nothing
// changed). So it follows this process's creates, edits, archives and imports, never sees a rolled-back
// one, and follows other processes on the same database (a second instance, a CLI) as well.

export interface SearchFilter {
  q: string;
  districtCode?: string;
  chainCode?: string;
  clusterCode?: string;
  sizeClass?: string;
  manufacturingType?: string;
  status?: 'active' | 'archived' | 'all';
}

export type SearchSort = 'name' | 'createdAt' | 'updatedAt' | 'creditCode';

interface Listed {
  id: number;
  name: string;
  creditCode: string;
  archived: boolean;
  districtCode: string;
  clusterCode: string | null;
  sizeClass: string;
  manufacturingType: string;
  chainCodes: string[];
  createdAt: string;
  updatedAt: string;
}

const COUNTER = 'enterprise';
const BATCH = 2000;

/** Takes the next version for this transaction's enterprise writes; the caller stamps the rows with it. */
export async function nextSearchVersion(tx: Tx): Promise<number> {
  const row = await tx
    .updateTable('searchChange')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('name', '=', COUNTER)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

/**
 * Code-point order, as SQLite's BINARY and PostgreSQL's C / C.UTF-8 collations sort: UTF-16 would put
 * characters beyond U+FFFF (surrogates, D800–DFFF) before U+E000–U+FFFF (full-width forms among them).
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    return sx === sy ? x - y : sx ? 1 : -1;
  }
  return a.length - b.length;
}

export class EnterpriseSearch {
  private readonly text = new TextIndex({ name: 1, mainProducts: 1, address: 1 });
  private readonly listed = new Map<number, Listed>();
  private seen = -1;
  private pulling: Promise<void> = Promise.resolve();

  /** Always the root database: a search inside a transaction must not index what it may roll back. */
  constructor(private readonly db: Db) {}

  get size(): number {
    return this.listed.size;
  }

  /** Brings the index up to every write committed before the call (at start: the whole registry). */
  refresh(): Promise<void> {
    // One pull at a time, each after the one before: a caller that arrives during a pull still gets its own.
    const next = this.pulling.then(() => this.pull());
    this.pulling = next.catch(() => undefined);
    return next;
  }

  private async pull(): Promise<void> {
    let cursor: { version: number; id: number | null } = { version: this.seen, id: null };
    for (;;) {
      const rows = await this.db
        .selectFrom('enterprise')
        .select([
          'id',
          'name',
          'creditCode',
          'archived',
          'districtCode',
          'clusterCode',
          'sizeClass',
          'manufacturingType',
          'mainProducts',
          'address',
          'createdAt',
          'updatedAt',
          'searchVersion',
        ])
        .where(({ eb, or, and }) =>
          cursor.id === null
            ? eb('searchVersion', '>', cursor.version)
            : or([eb('searchVersion', '>', cursor.version), and([eb('searchVersion', '=', cursor.version), eb('id', '>', cursor.id)])]),
        )
        .orderBy('searchVersion')
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (!rows.length) return;
      const chains = new Map<number, string[]>(rows.map((r) => [r.id, []]));
      const links = await this.db
        .selectFrom('enterpriseChain')
        .select(['enterpriseId', 'chainCode'])
        .where(
          'enterpriseId',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      for (const l of links) chains.get(l.enterpriseId)!.push(l.chainCode);
      for (const r of rows) {
        this.text.put(r.id, { name: r.name, mainProducts: r.mainProducts, address: r.address });
        this.listed.set(r.id, {
          id: r.id,
          name: r.name,
          creditCode: r.creditCode,
          archived: r.archived === 1,
          districtCode: r.districtCode,
          clusterCode: r.clusterCode,
          sizeClass: r.sizeClass,
          manufacturingType: r.manufacturingType,
          chainCodes: chains.get(r.id)!,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
        });
      }
      const last = rows[rows.length - 1]!;
      cursor = { version: last.searchVersion, id: last.id };
      this.seen = last.searchVersion;
    }
  }

  /**
   * Every enterprise of the filter whose words hold each word typed (or all of its parts), whose name
   * contains the text, or whose credit code starts with it: ids in the list's order (then by id).
   */
  async search(
    filter: SearchFilter,
    sort: SearchSort | 'id' = 'id',
    order: 'asc' | 'desc' = 'asc',
    needed = Infinity,
  ): Promise<{ ids: number[]; total: number }> {
    await this.refresh();
    const q = filter.q.trim();
    const byWords = this.text.matchingAll(q);
    const lower = /[A-Za-z]/.test(q) ? q.toLowerCase() : null;
    const code = q.toUpperCase();
    const status = filter.status ?? 'active';
    const found: Listed[] = [];
    for (const e of this.listed.values()) {
      if (status !== 'all' && e.archived !== (status === 'archived')) continue;
      if (filter.districtCode && e.districtCode !== filter.districtCode) continue;
      if (filter.clusterCode && e.clusterCode !== filter.clusterCode) continue;
      if (filter.sizeClass && e.sizeClass !== filter.sizeClass) continue;
      if (filter.manufacturingType && e.manufacturingType !== filter.manufacturingType) continue;
      if (filter.chainCode && !e.chainCodes.includes(filter.chainCode)) continue;
      const named = lower ? e.name.toLowerCase().includes(lower) : e.name.includes(q);
      if (byWords.has(e.id) || named || e.creditCode.startsWith(code)) found.push(e);
    }
    const sign = order === 'asc' ? 1 : -1;
    const compare = (a: Listed, b: Listed) => (sort === 'id' ? 0 : sign * compareCodePoints(a[sort], b[sort])) || a.id - b.id;
    return { ids: firstInOrder(found, compare, needed).map((e) => e.id), total: found.length };
  }
}

/** The first `needed` items in order: a bounded insertion for a page near the top, a full sort for a deep one. */
function firstInOrder<T>(items: T[], compare: (a: T, b: T) => number, needed: number): T[] {
  if (needed * 4 >= items.length) return items.sort(compare).slice(0, needed);
  const top: T[] = [];
  for (const item of items) {
    if (top.length === needed && compare(item, top[needed - 1]!) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(item, top[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, item);
    if (top.length > needed) top.pop();
  }
  return top;
}
