import {
  CHAIN_TERMS,
  COOPERATION_MODES,
  MatchIndex,
  matchResources,
  subjectTerms,
  contentTokens,
  type CooperationMode,
  type DemandEntry,
  type ResourceEntry,
} from '../packages/domain/src/search/index.ts';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { prng } from './data.ts';
import { measureInterleaved, type Summary } from './measure.ts';

// The matching engine at the scale: 100,000 synthetic published resources (achievements,
// equipment, teams) written in the ten chains' words, indexed once, then the top 10 for a demand.
// Baselines from the same run: indexing against merely cutting the same texts with jieba (what any
// index pays first), and matching against the library's bare BM25 query for the same terms (no
// constraints, no explanation, no ranking of ours). Targets: top-10 p95 < 50 ms, indexing < 30 s, RSS < 500 MB.

const TARGETS = { topP95Ms: 50, indexMs: 30_000, rssMb: 500 };

const GENERIC = [
  '工艺',
  '设备',
  '检测',
  '自动化',
  '智能',
  '控制系统',
  '在线监测',
  '精密加工',
  '表面处理',
  '节能',
  '降本',
  '质量追溯',
  '数字化',
  '生产线',
  '模具',
  '焊接',
  '涂层',
  '新材料',
  '可靠性',
  '寿命',
  '效率',
  '成本',
  '产能',
  '良品率',
];
const FORMS = ['一种', '新型', '高效', '低成本', '智能化', '轻量化'];
const INSTITUTIONS = ['山东大学（威海）', '哈尔滨工业大学（威海）', '威海职业学院', '市工业技术研究院', '省海洋仪器仪表研究所'];
const REGIONS = ['371002', '371003', '371082', '371083', '370102', '230103', '110108'];
const CHAINS = Object.keys(CHAIN_TERMS);
const SPECIALISED_PER_CHAIN = 2000;

/**
 * A listing's vocabulary is far wider than the chains' core words: each chain also gets 2,000 nouns of
 * middling frequency from jieba's own dictionary (its long tail of technical words), so that posting
 * lists have a realistic spread rather than 250 words shared by everything.
 */
function specialisedWords(rand: () => number): Record<string, string[]> {
  const file = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
  const nouns = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter(
      ([word, freq, tag]) =>
        word && /^[\u4e00-\u9fff]{2,4}$/u.test(word) && ['n', 'nz', 'vn'].includes(tag ?? '') && Number(freq) >= 50 && Number(freq) <= 5000,
    )
    .map(([word]) => word!);
  for (let i = nouns.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [nouns[i], nouns[j]] = [nouns[j]!, nouns[i]!];
  }
  return Object.fromEntries(CHAINS.map((c, i) => [c, nouns.slice(i * SPECIALISED_PER_CHAIN, (i + 1) * SPECIALISED_PER_CHAIN)]));
}
const TAGS = ['composites', 'robotics', 'sensing', 'marine', 'biomed', 'green', 'digital', 'testing', 'materials', 'energy'];

export interface MatchingBenchResult {
  benchmark: 'matching';
  resources: number;
  index: { ms: number; tokenizeOnlyMs: number; rssBeforeMb: number; rssAfterMb: number; heapMb: number };
  top10: Summary;
  libraryOnly: Summary;
  demands: number;
  sample: { demand: string; top: { id: number; total: number; terms: string[] }[] };
  targets: typeof TARGETS;
  withinTargets: boolean;
}

function generator(seed: number) {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const some = <T>(list: readonly T[], n: number): T[] => [...new Set(Array.from({ length: n }, () => pick(list)))];
  const special = specialisedWords(rand);
  const text = (chain: string) => {
    const core = CHAIN_TERMS[chain]!;
    const words = special[chain]!;
    const title = `${pick(FORMS)}${pick(core)}${pick(words)}${pick(['技术', '装置', '方法', '系统'])}`;
    const description = Array.from(
      { length: 4 },
      () =>
        `${pick(['基于', '面向', '采用', '用于'])}${pick(rand() < 0.3 ? core : words)}的${pick(words)}${pick(GENERIC)}${pick(['方法', '装置', '平台', '工艺'])}，${pick(GENERIC)}提高${Math.floor(10 + rand() * 40)}%`,
    ).join('；');
    return { title, description, keywords: [pick(core), ...some(words, 2)] };
  };
  const range = (base: number) => {
    const min = Math.round((0.5 + rand() * 4) * base);
    return { min, max: min * (1 + Math.floor(rand() * 3)) };
  };
  const modes = (n: number) => some(COOPERATION_MODES, n) as CooperationMode[];
  return {
    resource(id: number): ResourceEntry {
      const chain = pick(CHAINS);
      return {
        id,
        ...text(chain),
        description: `${pick(INSTITUTIONS)}：${text(chain).description}`,
        chainCodes: rand() < 0.2 ? [chain, pick(CHAINS)].filter((c, i, all) => all.indexOf(c) === i) : [chain],
        tags: some(TAGS, 2),
        price: rand() < 0.2 ? null : range(100_000),
        readinessLevel: rand() < 0.1 ? null : 1 + Math.floor(rand() * 9),
        cooperationModes: modes(1 + Math.floor(rand() * 3)),
        regionCode: pick(REGIONS),
      };
    },
    demand(id: number): DemandEntry {
      const chain = pick(CHAINS);
      return {
        id,
        ...text(chain),
        chainCodes: [chain],
        tags: some(TAGS, 2),
        budget: range(200_000),
        minReadinessLevel: 3 + Math.floor(rand() * 4),
        cooperationModes: modes(2),
        regionCodes: rand() < 0.5 ? [] : ['370000'],
      };
    },
  };
}

const rssMb = () => process.memoryUsage().rss / 2 ** 20;

export async function runMatchingBench(log: (line: string) => void, budgetMs: number, count = 100_000): Promise<MatchingBenchResult> {
  const RESOURCES = count;
  const rssBefore = rssMb();
  const gen = generator(20260601);
  const resources = Array.from({ length: RESOURCES }, (_, i) => gen.resource(i + 1));
  const demands = Array.from({ length: 20 }, (_, i) => gen.demand(i + 1));

  // Baseline: jieba alone over the same texts (what the index must cut before it can store anything).
  let started = performance.now();
  let tokens = 0;
  for (const r of resources)
    tokens += contentTokens(r.title).length + contentTokens(r.keywords.join(' ')).length + contentTokens(r.description).length;
  const tokenizeOnlyMs = performance.now() - started;

  started = performance.now();
  const index = new MatchIndex<ResourceEntry>();
  for (const r of resources) index.put(r);
  const indexMs = performance.now() - started;
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  const rssAfter = rssMb();
  log(
    `matching: indexed ${RESOURCES.toLocaleString('en')} resources (${tokens.toLocaleString('en')} tokens) in ${(indexMs / 1000).toFixed(1)} s (jieba alone ${(tokenizeOnlyMs / 1000).toFixed(1)} s); RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB`,
  );

  let round = 0;
  const next = () => demands[round++ % demands.length]!;
  const times = await measureInterleaved(
    {
      top10: async () => matchResources(next(), index, { limit: 10 }),
      libraryOnly: async () => index.text.rank(subjectTerms(next(), index)),
    },
    { warmup: 5, warmupMs: 1000, minRounds: 40, maxRounds: 400, budgetMs, capMs: 4 * budgetMs, floorRounds: 20 },
  );
  const top = matchResources(demands[0]!, index, { limit: 10 });
  const withinTargets = times.top10.p95 < TARGETS.topP95Ms && indexMs < TARGETS.indexMs && Math.max(rssAfter, rssMb()) < TARGETS.rssMb;
  log(
    `matching: top 10 for a demand p50 ${times.top10.median.toFixed(1)} ms, p95 ${times.top10.p95.toFixed(1)} ms; the library's bare query p50 ${times.libraryOnly.median.toFixed(1)} ms, p95 ${times.libraryOnly.p95.toFixed(1)} ms (${times.top10.n} rounds)`,
  );
  return {
    benchmark: 'matching',
    resources: RESOURCES,
    index: { ms: indexMs, tokenizeOnlyMs, rssBeforeMb: rssBefore, rssAfterMb: Math.max(rssAfter, rssMb()), heapMb },
    top10: times.top10,
    libraryOnly: times.libraryOnly,
    demands: demands.length,
    sample: {
      demand: demands[0]!.title,
      top: top.map((m) => ({ id: m.id, total: m.score.total, terms: m.matchedTerms.map((t) => t.term) })),
    },
    targets: TARGETS,
    withinTargets,
  };
}
