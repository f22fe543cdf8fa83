import { listEnterprises, type EnterpriseFilter } from '../packages/server/src/modules/registry/enterprise.repo.ts';
import { queryTerms, termParts } from '../packages/domain/src/search/index.ts';
import { RARE_WORD } from './data.ts';
import type { BenchTarget, RawDriver } from './targets.ts';

// The registry list/search queries the issue asks about, each run three ways:
//   (a) raw   — the same result written by hand in SQL and run straight on the driver (the baseline; for a
//               search, the hand-made term table the registry searched before the engine);
//   (b) repo  — listEnterprises (Kysely, in-process; a search through the in-memory engine);
//   (c) http  — GET /api/enterprises through the running server, as a logged-in bureau admin.
// Every way returns one page of 20 enterprises sorted by name (then id), their chain codes, and the
// total count: the three answers are compared before anything is timed.

export interface Scenario {
  key: string;
  label: string;
  filter: EnterpriseFilter;
  page: number;
  pageSize: number;
  /** The hand-written SQL: an optional join and the where clause over `enterprise e`, with `?` parameters. */
  raw: { join?: string; joinParams?: unknown[]; where: string; params: unknown[] };
}

/** What every way answers: the page (ids with chain codes, in order) and the total. */
export interface ListOutcome {
  page: [number, string[]][];
  total: number;
}

const ACTIVE = 'e.archived = 0';

/**
 * The search the app offers, by hand: the name contains the text as typed, or the credit code starts
 * with it, or every query word is an index term — or, failing that, all of the sub-words jieba's search
 * mode gives for it are (a text may have been indexed as 精密机械 | 制造 and hold no 机械制造 term).
 * One uncorrelated set of ids, computed once, as the repository builds it.
 */
function searchSql(q: string) {
  const escaped = q.replace(/[\\%_]/g, (c) => '\\' + c);
  const params: unknown[] = [`%${escaped}%`, `${escaped.toUpperCase()}%`];
  const hasTerm = (term: string) => (params.push(term), 'm.id in (select t.enterprise_id from enterprise_search_term t where t.term = ?)');
  const words = queryTerms(q).map((word) => {
    const parts = termParts(word);
    return parts.length ? `(${hasTerm(word)} or (${parts.map(hasTerm).join(' and ')}))` : hasTerm(word);
  });
  const byText = `select m.id from enterprise m where m.name like ? escape '\\' or m.credit_code like ? escape '\\'`;
  const byTerms = words.length ? ` union select m.id from enterprise m where ${words.join(' and ')}` : '';
  return { where: `${ACTIVE} and e.id in (${byText}${byTerms})`, params };
}

export function scenarios(): Scenario[] {
  return [
    { key: 'list', label: 'list, first page', filter: {}, page: 1, pageSize: 20, raw: { where: ACTIVE, params: [] } },
    {
      key: 'district-size',
      label: 'district + size (荣成, 规上)',
      filter: { districtCode: '371082', sizeClass: 'above_designated' },
      page: 1,
      pageSize: 20,
      raw: { where: `${ACTIVE} and e.district_code = ? and e.size_class = ?`, params: ['371082', 'above_designated'] },
    },
    {
      key: 'chain',
      label: 'chain (医疗器械与生物医药)',
      filter: { chainCode: 'BENCH-MEDICAL' },
      page: 1,
      pageSize: 20,
      raw: {
        join: 'join enterprise_chain c on c.enterprise_id = e.id and c.chain_code = ?',
        joinParams: ['BENCH-MEDICAL'],
        where: ACTIVE,
        params: [],
      },
    },
    { key: 'search-common', label: 'search common (机械)', filter: { q: '机械' }, page: 1, pageSize: 20, raw: searchSql('机械') },
    { key: 'search-rare', label: `search rare (${RARE_WORD})`, filter: { q: RARE_WORD }, page: 1, pageSize: 20, raw: searchSql(RARE_WORD) },
    {
      key: 'search-two-words',
      label: 'search 2 words (精密 轴承)',
      filter: { q: '精密 轴承' },
      page: 1,
      pageSize: 20,
      raw: searchSql('精密 轴承'),
    },
    { key: 'deep-page', label: 'list, page 200', filter: {}, page: 200, pageSize: 20, raw: { where: ACTIVE, params: [] } },
  ];
}

export function rawSql(s: Scenario) {
  const from = `from enterprise e${s.raw.join ? ' ' + s.raw.join : ''} where ${s.raw.where}`;
  return {
    page: `select e.* ${from} order by e.name, e.id limit ? offset ?`,
    pageParams: [...(s.raw.joinParams ?? []), ...s.raw.params, s.pageSize, (s.page - 1) * s.pageSize],
    count: `select count(*) as n ${from}`,
    countParams: [...(s.raw.joinParams ?? []), ...s.raw.params],
  };
}

/** (a) The baseline: hand-written SQL, statements prepared once, run on the driver. */
export function rawRunner(driver: RawDriver, s: Scenario): () => Promise<ListOutcome> {
  const q = rawSql(s);
  const page = driver.prepare(q.page);
  const count = driver.prepare(q.count);
  const chains = driver.prepare(
    driver.kind === 'sqlite'
      ? 'select enterprise_id, chain_code from enterprise_chain where enterprise_id in (select value from json_each(?)) order by chain_code'
      : 'select enterprise_id, chain_code from enterprise_chain where enterprise_id = any(?::int[]) order by chain_code',
  );
  return async () => {
    const [rows, counted] = await Promise.all([page(q.pageParams), count(q.countParams)]);
    const ids = rows.map((r) => r.id as number);
    const byId = new Map<number, string[]>(ids.map((id) => [id, []]));
    if (ids.length) {
      for (const link of await chains([driver.kind === 'sqlite' ? JSON.stringify(ids) : ids]))
        byId.get(link.enterprise_id as number)!.push(link.chain_code as string);
    }
    return { page: ids.map((id) => [id, byId.get(id)!]), total: Number(counted[0]!.n) };
  };
}

/** (b) The repository function the route calls. */
export function repoRunner(target: BenchTarget, s: Scenario): () => Promise<ListOutcome> {
  return async () => {
    const result = await listEnterprises(target.ctx, s.filter, { page: s.page, pageSize: s.pageSize, sort: 'name', order: 'asc' });
    return { page: result.items.map((e) => [e.id, e.chainCodes]), total: result.total };
  };
}

export function httpPath(s: Scenario): string {
  const params = new URLSearchParams({ page: String(s.page), pageSize: String(s.pageSize), sort: 'name', order: 'asc' });
  for (const [key, value] of Object.entries(s.filter)) if (value !== undefined) params.set(key, String(value));
  return `/api/enterprises?${params}`;
}

/** (c) The full route; the timed call reads the whole body, the checked one parses it too. */
export function httpRunner(target: BenchTarget, s: Scenario): { timed: () => Promise<void>; checked: () => Promise<ListOutcome> } {
  const path = httpPath(s);
  return {
    timed: async () => {
      const res = await target.http.request('GET', path);
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
    },
    checked: async () => {
      const body = await target.http.getJson<{ items: { id: number; chainCodes: string[] }[]; total: number }>(path);
      return { page: body.items.map((e) => [e.id, e.chainCodes]), total: body.total };
    },
  };
}
