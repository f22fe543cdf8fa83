import { LEVELS, type Answer, type AnswerValue, type ModelVersion } from './model.ts';
import type { Requirement } from './question-bank/types.ts';

// Fixtures for the maturity tests and the benchmark: a seeded PRNG (mulberry32) so that property tests
// are repeatable without a property-testing library, a synthetic bank, and random answer sets.

export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** `perCell` requirements in every sub-domain × level cell: 20 × 5 × 2 = 200 for CMMM-2020. */
export function syntheticBank(model: ModelVersion, perCell = 2): Requirement[] {
  const bank: Requirement[] = [];
  for (const d of model.domains)
    for (const s of d.subDomains)
      for (const level of LEVELS)
        for (let i = 1; i <= perCell; i++) {
          const text = { zh: `${s.name.zh} ${level} 级 第 ${i} 项`, en: `${s.name.en} L${level} #${i}` };
          bank.push({
            id: `T-${s.code}-L${level}-${i}`,
            modelVersion: model.id,
            subDomainCode: s.code,
            level,
            text,
            evidence: text,
            advice: text,
          });
        }
  return bank;
}

export interface AnswerMix {
  /** Chance an item is left unanswered. */
  unanswered?: number;
  /** Chance an item is marked N/A. */
  notApplicable?: number;
}

const VALUES: readonly AnswerValue[] = [1, 0.8, 0.5, 0];

/**
 * Answers spread across all levels: each assessment gets its own "capability", so that lower levels
 * tend to score higher and the reached level varies from 0 to 5 across sets.
 */
export function randomAnswers(random: Random, bank: readonly Requirement[], mix: AnswerMix = {}): Answer[] {
  const capability = random() * 6;
  const answers: Answer[] = [];
  for (const r of bank) {
    const roll = random();
    if (roll < (mix.unanswered ?? 0)) continue;
    if (roll < (mix.unanswered ?? 0) + (mix.notApplicable ?? 0)) {
      answers.push({ requirementId: r.id, value: null, naReason: 'not part of our business' });
      continue;
    }
    const strong = random() < Math.min(0.98, Math.max(0.02, capability - r.level + 0.5));
    answers.push({ requirementId: r.id, value: strong ? pick(random, [1, 1, 0.8]) : pick(random, VALUES) });
  }
  return answers;
}

/** Every answer the same: a quick way to build worked examples. */
export function uniformAnswers(bank: readonly Requirement[], value: (r: Requirement) => AnswerValue | null): Answer[] {
  return bank.map((r) => {
    const v = value(r);
    return v === null ? { requirementId: r.id, value: null, naReason: 'trimmed' } : { requirementId: r.id, value: v };
  });
}

/**
 * A model small enough to score by hand: D1 (α 0.6) = s1 (γ 0.5) + s2 (γ 0.5); D2 (α 0.4) = s3 (γ 1);
 * same weights for both manufacturing types.
 */
export function tinyModel(): ModelVersion {
  const domains = [
    {
      code: 'D1',
      name: { zh: '域一', en: 'Domain 1' },
      subDomains: [
        { code: 's1', name: { zh: '子域一', en: 'Sub 1' } },
        { code: 's2', name: { zh: '子域二', en: 'Sub 2' } },
      ],
    },
    { code: 'D2', name: { zh: '域二', en: 'Domain 2' }, subDomains: [{ code: 's3', name: { zh: '子域三', en: 'Sub 3' } }] },
  ];
  const weights = { domain: { D1: 0.6, D2: 0.4 }, subDomain: { s1: 0.5, s2: 0.5, s3: 1 } };
  const cell = { 1: true, 2: true, 3: true, 4: true, 5: true } as const;
  return {
    id: 'TINY',
    name: { zh: '测试模型', en: 'Test model' },
    status: 'custom',
    domains,
    levels: LEVELS.map((level) => ({ level, name: { zh: `${level}`, en: `${level}` }, stage: { zh: '', en: '' } })),
    applicability: { s1: { ...cell }, s2: { ...cell }, s3: { ...cell } },
    weights: { discrete: weights, process: structuredCopy(weights) },
    passThreshold: 0.8,
    formulaId: 'bandAligned',
    provisional: false,
  };
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Two requirements per cell of the tiny model, answered as in the worked example of score.test.ts:
 * key `s1@3` → values of that cell's two requirements (null = N/A, undefined = unanswered).
 */
export function tinyAnswers(values: Record<string, readonly (AnswerValue | null | undefined)[]>): Answer[] {
  const answers: Answer[] = [];
  for (const [cell, list] of Object.entries(values)) {
    const [sub, level] = cell.split('@');
    list.forEach((value, i) => {
      if (value === undefined) return;
      const requirementId = `T-${sub}-L${level}-${i + 1}`;
      answers.push(value === null ? { requirementId, value, naReason: 'trimmed' } : { requirementId, value });
    });
  }
  return answers;
}

/** The worked example: A1 = 0.93, A2 = 0.825, A3 = 0.485, A4 = A5 = 0 → n = 2. */
export const WORKED_EXAMPLE: Record<string, (AnswerValue | null | undefined)[]> = {
  's1@1': [1, 1],
  's2@1': [1, 0.8],
  's3@1': [0.8, 1],
  's1@2': [0.8, 0.8],
  's2@2': [1, 0.5],
  's3@2': [1, 0.8],
  's1@3': [0.5, 0],
  's2@3': [0.5, 0.5],
  's3@3': [0.8, 0.5],
  's1@4': [0, 0],
  's2@4': [0, 0],
  's3@4': [0, 0],
  's1@5': [0, 0],
  's2@5': [0, 0],
  's3@5': [0, 0],
};
