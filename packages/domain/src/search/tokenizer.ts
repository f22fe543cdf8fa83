import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { DOMAIN_TERMS } from './dictionary.ts';
import { STOP_WORDS } from './stop-words.ts';

// Chinese text to search terms with jieba: its general dictionary (shipped in the package, read once)
// plus the domain dictionary, at a frequency that keeps a chain's compound whole. Latin letters are
// lower-cased; punctuation and lone symbols are dropped.

// Node and browsers both have it; the domain package compiles without either's library types.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

const DOMAIN_FREQUENCY = 50_000;
let jieba: Jieba | null = null;
const segmenter = (): Jieba => {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(new TextEncoder().encode(DOMAIN_TERMS.map((t) => `${t} ${DOMAIN_FREQUENCY} n`).join('\n') + '\n'));
  }
  return jieba;
};

const USEFUL = /[\p{L}\p{N}]/u;
const MAX_TERM = 64;
const clean = (tokens: string[]) => tokens.map((t) => t.trim()).filter((t) => t && USEFUL.test(t) && t.length <= MAX_TERM);

/** Index terms: jieba's search-mode cut gives words and their sub-words (精密机械 → 精密, 机械, 精密机械). */
export function indexTerms(...texts: (string | null | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) if (text) for (const t of clean(segmenter().cutForSearch(text.toLowerCase(), true))) terms.add(t);
  return [...terms];
}

/** Every index term of a text, repeats kept (term frequency counts for BM25). */
export function indexTokens(text: string): string[] {
  return clean(segmenter().cutForSearch(text.toLowerCase(), true));
}

/** Query words: the plain cut, so every word typed is one term to find. */
export function queryTerms(query: string): string[] {
  return [...new Set(clean(segmenter().cut(query.toLowerCase(), true)))];
}

/**
 * The sub-words search mode gives for a query word (机械制造 → 机械, 制造). jieba cuts by context, so a
 * text may have been indexed as 精密机械 | 制造 and hold no 机械制造 term: its parts still find it.
 */
export function termParts(word: string): string[] {
  return indexTerms(word).filter((t) => t !== word);
}

const NUMERIC = /^[\d.,%‰]+$/u;

/** The words that carry meaning in a demand or a resource, repeats kept: the plain cut less stop words, single characters and numbers. */
export function contentTokens(text: string): string[] {
  return clean(segmenter().cut(text.toLowerCase(), true)).filter((t) => t.length > 1 && !STOP_WORDS.has(t) && !NUMERIC.test(t));
}

/** The distinct content words of the texts, in order of first appearance. */
export function contentTerms(...texts: (string | null | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) if (text) for (const t of contentTokens(text)) terms.add(t);
  return [...terms];
}
