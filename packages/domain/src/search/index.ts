// The search engine: jieba terms with the domain dictionary, MiniSearch's BM25+ index, hard
// constraints and explained matching. Not part of the package's main entry: jieba is a native module,
// for the server and the benches, not for the browser bundle.
export * from './constraints.ts';
export * from './dictionary.ts';
export * from './matching.ts';
export * from './stop-words.ts';
export * from './text-index.ts';
export * from './tokenizer.ts';
