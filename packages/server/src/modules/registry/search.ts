import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// Chinese full-text search through the app's own term index (portable across SQLite, PostgreSQL and
// PG-family 信创 databases, which have no shared Chinese tokenizer: gov-it.md §3).
let jieba: Jieba | null = null;
const tokenizer = () => (jieba ??= Jieba.withDict(dict));

const USEFUL = /[\p{L}\p{N}]/u;
const MAX_TERM = 64;

/** Index terms: jieba's search-mode cut gives both words and their sub-words (精密机械 → 精密, 机械, 精密机械). */
export function indexTerms(...texts: (string | null | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const t of tokenizer().cutForSearch(text.toLowerCase(), true)) {
      const term = t.trim();
      if (term && USEFUL.test(term) && term.length <= MAX_TERM) terms.add(term);
    }
  }
  return [...terms];
}

/** Query terms: the plain cut, so every word typed must be found. */
export function queryTerms(query: string): string[] {
  return [
    ...new Set(
      tokenizer()
        .cut(query.toLowerCase(), true)
        .map((t) => t.trim())
        .filter((t) => t && USEFUL.test(t) && t.length <= MAX_TERM),
    ),
  ];
}

/**
 * The sub-words search mode gives for a query word (机械制造 → 机械, 制造). jieba cuts by context, so a
 * text may have been indexed as 精密机械 | 制造 and hold no 机械制造 term: its parts still find it.
 */
export function termParts(word: string): string[] {
  return indexTerms(word).filter((t) => t !== word);
}
