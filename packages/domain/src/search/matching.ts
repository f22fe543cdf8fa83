import { checkConstraints, type ConstraintCheck, type DemandConstraints, type ResourceConstraints } from './constraints.ts';
import { TextIndex } from './text-index.ts';
import { contentTerms, contentTokens } from './tokenizer.ts';

// Matching between the two lists: for a demand, ranked resources; for a resource, ranked demands.
// Relevance is BM25+ over the candidate's title, keywords and description for the subject's content
// words; a shared industry chain and shared field tags raise it; the hard constraints (budget, readiness,
// cooperation mode, region) are checked for every candidate. Each match carries its explanation.
// Ranking is a pure function of the entries indexed: ties (scores rounded to 1e-6, so that float noise
// from the order entries were indexed in cannot reorder them) go to the lower id, so every server, on
// SQLite or PostgreSQL, ranks the same entries the same way.

export const MATCH_FIELDS = { title: 3, keywords: 2, description: 1 } as const;
export type MatchField = keyof typeof MATCH_FIELDS;

/** A shared chain adds this share of the text score; each shared tag (up to three) adds TAG_BOOST. */
export const CHAIN_BOOST = 0.25;
export const TAG_BOOST = 0.1;
const MAX_BOOSTED_TAGS = 3;
/**
 * The query for a subject: its content words less those in more than MAX_DOCUMENT_SHARE of the
 * candidates (their IDF is near nothing, their posting lists the longest: Lucene's MoreLikeThis drops
 * them alike), then the MAX_QUERY_TERMS rarest.
 */
export const MAX_QUERY_TERMS = 16;
export const MAX_DOCUMENT_SHARE = 0.1;
const COMMON_FLOOR = 50;

export interface MatchEntry {
  id: number;
  title: string;
  description: string;
  keywords: readonly string[];
  chainCodes: readonly string[];
  tags: readonly string[];
}
export type DemandEntry = MatchEntry & DemandConstraints;
export type ResourceEntry = MatchEntry & ResourceConstraints;

export interface MatchScore {
  text: number;
  chain: number;
  tags: number;
  total: number;
}

export interface Match {
  id: number;
  score: MatchScore;
  /** The subject's words found in the candidate, and where: what to highlight. */
  matchedTerms: { term: string; fields: MatchField[] }[];
  sharedChains: string[];
  sharedTags: string[];
  constraints: ConstraintCheck[];
  /** No hard constraint failed. */
  eligible: boolean;
}

export interface MatchOptions {
  limit?: number;
  /** Also rank candidates that fail a hard constraint (after every eligible one), to show near misses. */
  includeFailing?: boolean;
  /** Only candidates sharing one of the subject's chains. */
  sameChainOnly?: boolean;
}

/** The entries of one list, indexed for matching. */
export class MatchIndex<E extends MatchEntry> {
  readonly text = new TextIndex<MatchField>(MATCH_FIELDS, contentTokens);
  private readonly entries = new Map<number, E>();

  get size(): number {
    return this.entries.size;
  }

  get(id: number): E | undefined {
    return this.entries.get(id);
  }

  /** Indexes the entry, or its new version. */
  put(entry: E): void {
    this.text.put(entry.id, { title: entry.title, keywords: entry.keywords.join(' '), description: entry.description });
    this.entries.set(entry.id, entry);
  }

  remove(id: number): void {
    this.text.remove(id);
    this.entries.delete(id);
  }
}

/** The query words for a subject against an index: distinctive ones only, rarest first (then by the word). */
export function subjectTerms(subject: MatchEntry, index: MatchIndex<MatchEntry>): string[] {
  const frequency = (t: string) => index.text.documentFrequency(t);
  // a small list has no word too common to ask for
  const limit = Math.max(COMMON_FLOOR, index.size * MAX_DOCUMENT_SHARE);
  return contentTerms(subject.title, subject.keywords.join(' '), subject.description)
    .filter((t) => frequency(t) > 0 && frequency(t) <= limit)
    .sort((a, b) => frequency(a) - frequency(b) || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_QUERY_TERMS);
}

export function matchResources(demand: DemandEntry, resources: MatchIndex<ResourceEntry>, options: MatchOptions = {}): Match[] {
  return rank(demand, resources, (resource) => checkConstraints(demand, resource), options);
}

export function matchDemands(resource: ResourceEntry, demands: MatchIndex<DemandEntry>, options: MatchOptions = {}): Match[] {
  return rank(resource, demands, (demand) => checkConstraints(demand, resource), options);
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const shared = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x)).sort();
const fieldOrder = Object.keys(MATCH_FIELDS) as MatchField[];

interface Candidate {
  id: number;
  eligible: boolean;
  total: number;
}

/** Eligible first, then the higher total, then the lower id. */
const before = (a: Candidate, b: Candidate) =>
  a.eligible !== b.eligible ? a.eligible : a.total !== b.total ? a.total > b.total : a.id < b.id;

function rank<E extends MatchEntry>(
  subject: MatchEntry,
  index: MatchIndex<E>,
  constraintsOf: (candidate: E) => ConstraintCheck[],
  options: MatchOptions,
): Match[] {
  const limit = options.limit ?? 10;
  const checked = new Map<number, ConstraintCheck[] | null>();
  // Constraints are checked once per candidate, before scoring: a failing one costs no result object.
  const accept = (id: number): boolean => {
    let checks = checked.get(id);
    if (checks === undefined) {
      const candidate = index.get(id)!;
      const inChain = !options.sameChainOnly || candidate.chainCodes.some((c) => subject.chainCodes.includes(c));
      const all = inChain ? constraintsOf(candidate) : null;
      checks = all && (options.includeFailing || all.every((c) => c.outcome !== 'failed')) ? all : null;
      checked.set(id, checks);
    }
    return checks !== null;
  };
  const hits = index.text.rank(subjectTerms(subject, index as MatchIndex<MatchEntry>), accept);

  const scoreOf = (hit: { id: number; score: number }): MatchScore => {
    const candidate = index.get(hit.id)!;
    const text = round(hit.score);
    const chain = shared(subject.chainCodes, candidate.chainCodes).length ? round(text * CHAIN_BOOST) : 0;
    const tags = round(text * TAG_BOOST * Math.min(MAX_BOOSTED_TAGS, shared(subject.tags, candidate.tags).length));
    return { text, chain, tags, total: round(text + chain + tags) };
  };

  // The top `limit` by a bounded insertion: the hits come unordered by our key, and most fall out at once.
  const top: (Candidate & { hit: (typeof hits)[number]; score: MatchScore })[] = [];
  for (const hit of hits) {
    const score = scoreOf(hit);
    const c = { id: hit.id, eligible: checked.get(hit.id)!.every((k) => k.outcome !== 'failed'), total: score.total, hit, score };
    if (top.length === limit && !before(c, top[top.length - 1]!)) continue;
    let i = top.length;
    while (i > 0 && before(c, top[i - 1]!)) i--;
    top.splice(i, 0, c);
    if (top.length > limit) top.pop();
  }

  return top.map(({ id, eligible, hit, score }) => {
    const candidate = index.get(id)!;
    return {
      id,
      score,
      matchedTerms: Object.keys(hit.matched)
        .sort()
        .map((term) => ({ term, fields: fieldOrder.filter((f) => hit.matched[term]!.includes(f)) })),
      sharedChains: shared(subject.chainCodes, candidate.chainCodes),
      sharedTags: shared(subject.tags, candidate.tags),
      constraints: checked.get(id)!,
      eligible,
    };
  });
}

/** A text cut into runs, the matched terms marked (longest term first where two start at one place). */
export function highlight(text: string, terms: readonly string[]): { text: string; matched: boolean }[] {
  const lower = text.toLowerCase();
  const wanted = [...new Set(terms.map((t) => t.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const runs: { text: string; matched: boolean }[] = [];
  const push = (s: string, matched: boolean) => {
    const last = runs[runs.length - 1];
    if (last && last.matched === matched) last.text += s;
    else runs.push({ text: s, matched });
  };
  for (let i = 0; i < text.length;) {
    const term = wanted.find((t) => lower.startsWith(t, i));
    push(text.slice(i, i + (term?.length ?? 1)), term !== undefined);
    i += term?.length ?? 1;
  }
  return runs;
}
