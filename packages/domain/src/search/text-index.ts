import MiniSearch, { type SearchResult } from 'minisearch';
import { indexTokens, queryTerms, termParts } from './tokenizer.ts';

// Why MiniSearch (7.x, MIT, no dependencies, about 3 M downloads a month, maintained through 2025–26):
// BM25+ with field weights, a custom tokenizer (jieba's terms go in as they are), AND/OR query trees,
// and for every hit the query terms matched and in which fields — what an explained match shows.
// FlexSearch is faster but ranks by its own contextual score, not BM25, and does not say which terms
// matched; Orama has BM25 but a schema-typed, async API and a heavier index. Memory at 100,000
// documents is measured by `npm run bench` (registry and matching).
//
// The inverted index is MiniSearch's (BM25+ over weighted fields, a radix tree of terms); this wrapper
// feeds it jieba's terms, keeps the terms it indexed so a document is removed exactly (MiniSearch's
// `discard` would leave stale document frequencies in the scores until it vacuums), and offers the two
// ways the platform asks: every word typed (the registry) and ranked relevance (matching).

export type TextFields<F extends string> = Record<F, string | null | undefined>;

export interface RankedHit {
  id: number;
  /** BM25+ summed over the query terms and fields, field weights applied. */
  score: number;
  /** Each query term found, with the fields it was found in. */
  matched: Record<string, string[]>;
}

const byTerm = (s: string) => [s];
const SEP = '\u0001';

/**
 * Terms are stored as the hex of their UTF-16 code units. MiniSearch's radix tree finds a child by
 * scanning a node's keys: fine for Latin text, but Chinese puts thousands of first characters under
 * the root, and every insert and look-up scanned them (indexing 100,000 resources took minutes). Hex
 * keys branch at most 16 ways, and decode exactly for the explanation.
 */
const encode = (term: string) => {
  let key = '';
  for (let i = 0; i < term.length; i++) key += term.charCodeAt(i).toString(16).padStart(4, '0');
  return key;
};
const decode = (key: string) => {
  let term = '';
  for (let i = 0; i < key.length; i += 4) term += String.fromCharCode(parseInt(key.slice(i, i + 4), 16));
  return term;
};

export class TextIndex<F extends string> {
  private readonly engine: MiniSearch<{ id: number } & TextFields<F>>;
  private readonly docs = new Map<number, TextFields<F>>();
  /** Documents per term (any field): the statistics to leave out of a query the terms nearly every document has. */
  private readonly frequency = new Map<string, number>();

  /**
   * `fields`: each field's weight in the relevance score; `tokens`: how a text is cut (default: search
   * mode with sub-words, for typed queries; matching cuts content words only).
   */
  constructor(
    fields: Record<F, number>,
    private readonly tokens: (text: string) => string[] = indexTokens,
  ) {
    this.engine = new MiniSearch({
      fields: Object.keys(fields),
      // Documents reach MiniSearch already cut (put): jieba runs once per text, and removal sees the same terms.
      tokenize: (joined: string) => (joined ? joined.split(SEP) : []),
      processTerm: encode,
      // Query strings reach MiniSearch already cut into terms, one a string.
      searchOptions: { tokenize: byTerm, processTerm: encode, boost: fields as Record<string, number> },
    });
  }

  get size(): number {
    return this.docs.size;
  }

  has(id: number): boolean {
    return this.docs.has(id);
  }

  /** In how many documents the term appears. */
  documentFrequency(term: string): number {
    return this.frequency.get(term) ?? 0;
  }

  /** Adds the document, or replaces the version indexed under its id. */
  put(id: number, doc: TextFields<F>): void {
    this.remove(id);
    const indexed = {} as TextFields<F>;
    for (const field of Object.keys(doc) as F[]) indexed[field] = doc[field] ? this.tokens(doc[field]).join(SEP) : '';
    this.engine.add({ id, ...indexed });
    this.docs.set(id, indexed);
    for (const term of termsOf(indexed)) this.frequency.set(term, (this.frequency.get(term) ?? 0) + 1);
  }

  remove(id: number): void {
    const old = this.docs.get(id);
    if (!old) return;
    this.engine.remove({ id, ...old });
    this.docs.delete(id);
    for (const term of termsOf(old)) {
      const n = this.frequency.get(term)! - 1;
      if (n) this.frequency.set(term, n);
      else this.frequency.delete(term);
    }
  }

  /** The ids holding a term, visited without scoring: a falsy document boost skips MiniSearch's result building. */
  private holding(term: string): Set<number> {
    const ids = new Set<number>();
    this.engine.search(term, {
      boostDocument: (id: number) => {
        ids.add(id);
        return 0;
      },
    });
    return ids;
  }

  /**
   * The documents holding every word of the query as a term, or all of that word's parts (jieba may
   * have cut the text differently: 精密机械 | 制造 holds no 机械制造 term, but both of its parts).
   */
  matchingAll(query: string): Set<number> {
    let result: Set<number> | null = null;
    for (const word of queryTerms(query)) {
      const found = this.holding(word);
      const parts = termParts(word);
      if (parts.length) {
        let all: Set<number> | null = null;
        for (const part of parts) all = intersect(all, this.holding(part));
        for (const id of all!) found.add(id);
      }
      result = intersect(result, found);
      if (!result.size) break;
    }
    return result ?? new Set();
  }

  /** The documents holding any of the terms, by BM25+ score; `accept` drops a document before it is scored. */
  rank(terms: readonly string[], accept?: (id: number) => boolean): RankedHit[] {
    if (!terms.length) return [];
    const results: SearchResult[] = this.engine.search(
      { combineWith: 'OR', queries: [...terms] },
      accept ? { boostDocument: (id: number) => (accept(id) ? 1 : 0) } : {},
    );
    return results.map((r) => ({
      id: r.id as number,
      score: r.score,
      matched: Object.fromEntries(Object.entries(r.match).map(([key, fields]) => [decode(key), fields])),
    }));
  }
}

/** The distinct terms of a document as put stores it (each field's terms joined by SEP). */
function termsOf(doc: Record<string, string | null | undefined>): Set<string> {
  const terms = new Set<string>();
  for (const joined of Object.values(doc)) if (joined) for (const t of joined.split(SEP)) terms.add(t);
  return terms;
}

function intersect(a: Set<number> | null, b: Set<number>): Set<number> {
  if (a === null) return b;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<number>();
  for (const id of small) if (large.has(id)) out.add(id);
  return out;
}
