import { describe, expect, it } from 'vitest';
import { inBand, meetsThreshold, SCORE_EPSILON, scoreBand } from './formula.ts';
import type { Answer, AnswerValue, ManufacturingType, ModelVersion } from './model.ts';
import { CMMM_2020 } from './models/cmmm-2020.ts';
import { CMMM_2024_DRAFT } from './models/cmmm-2024-draft.ts';
import { prepareScoring } from './score.ts';
import { pick, randomAnswers, seededRandom, syntheticBank, tinyModel } from './test-support.ts';

// Property tests over seeded random answer sets (maturity.md §4.5: "for every generated answer set, S
// falls in the band of n"). A failure names its seed and set, so it can be replayed.
const RUNS = 3000;
const cases: [ModelVersion, ManufacturingType][] = [
  [CMMM_2020, 'discrete'],
  [CMMM_2020, 'process'],
  [CMMM_2024_DRAFT, 'discrete'],
  [CMMM_2024_DRAFT, 'process'],
  [tinyModel(), 'discrete'],
];

describe.each(cases.map(([model, type]) => [`${model.id}/${type}`, model, type] as const))(
  'scoring properties, %s',
  (label, model, type) => {
    const bank = syntheticBank(model, model.id === 'TINY' ? 1 : 2);
    const scorer = prepareScoring(model, bank, type);
    const popular = prepareScoring({ ...model, formulaId: 'popular' }, bank, type);
    const random = seededRandom(label.length * 7919);
    const sets = Array.from({ length: RUNS / cases.length }, () =>
      randomAnswers(random, bank, { unanswered: pick(random, [0, 0, 0.1, 0.5]), notApplicable: pick(random, [0, 0.05, 0.3]) }),
    );

    it('puts the total in the band of the level reached, for formula A and B (§4.4)', () => {
      const levels = new Set<number>();
      sets.forEach((answers, i) => {
        for (const mode of ['draft', 'final'] as const) {
          const a = scorer.score(answers, mode);
          const b = popular.score(answers, mode);
          levels.add(a.reachedLevel);
          expect(
            inBand(a.totalScore, scoreBand('bandAligned', a.reachedLevel, 0.8)),
            `${label} set ${i} ${mode}: S=${a.totalScore} n=${a.reachedLevel}`,
          ).toBe(true);
          expect(inBand(b.totalScore, scoreBand('popular', b.reachedLevel, 0.8)), `${label} set ${i} ${mode}`).toBe(true);
          expect(b.reachedLevel).toBe(a.reachedLevel);
        }
      });
      // The generator must actually exercise the bands, not just level 0.
      expect(levels.size, `levels seen: ${[...levels].join()}`).toBeGreaterThanOrEqual(5);
    });

    it('never reaches past a level whose A falls short of the threshold', () => {
      sets.forEach((answers, i) => {
        const r = scorer.score(answers, 'final');
        r.levels.forEach((l, k) => {
          if (k < r.reachedLevel) expect(meetsThreshold(l.score, 0.8), `${label} set ${i} level ${k + 1}`).toBe(true);
        });
        if (r.reachedLevel < 5) expect(meetsThreshold(r.levels[r.reachedLevel]!.score, 0.8), `${label} set ${i}`).toBe(false);
      });
    });

    it('renormalised weights sum to 1 over what is scored, and every score lies in [0, 1]', () => {
      sets.slice(0, 100).forEach((answers) => {
        const r = scorer.score(answers, 'draft');
        for (const l of r.levels) {
          checkWeights(l.domains);
          for (const d of l.domains) checkWeights(d.subDomains);
        }
      });
    });

    it('is monotone: raising any single answer never lowers S or the level', () => {
      const values: AnswerValue[] = [0, 0.5, 0.8, 1];
      sets.forEach((answers, i) => {
        const before = scorer.score(answers, 'final');
        const beforeB = popular.score(answers, 'final');
        const target = pick(random, bank);
        const current = answers.find((a) => a.requirementId === target.id);
        if (current?.value === null) return; // N/A is not on the scale
        const higher = values.filter((v) => v > (current?.value ?? 0));
        if (higher.length === 0) return;
        const raised: Answer[] = [
          ...answers.filter((a) => a.requirementId !== target.id),
          { requirementId: target.id, value: pick(random, higher) },
        ];
        const after = scorer.score(raised, 'final');
        const afterB = popular.score(raised, 'final');
        const where = `${label} set ${i}, ${target.id} ${current?.value ?? 'unanswered'} → raised`;
        expect(after.totalScore, where).toBeGreaterThanOrEqual(before.totalScore - SCORE_EPSILON);
        expect(afterB.totalScore, where).toBeGreaterThanOrEqual(beforeB.totalScore - SCORE_EPSILON);
        expect(after.reachedLevel, where).toBeGreaterThanOrEqual(before.reachedLevel);
      });
    });
  },
);

function checkWeights(parts: { score: number | null; weight: number }[]): void {
  const scored = parts.filter((p) => p.score !== null);
  for (const p of scored) expect(p.score! >= -SCORE_EPSILON && p.score! <= 1 + SCORE_EPSILON).toBe(true);
  const sum = scored.reduce((s, p) => s + p.weight, 0);
  if (scored.some((p) => p.weight > 0)) expect(sum).toBeCloseTo(1, 9);
  for (const p of parts) if (p.score === null) expect(p.weight).toBe(0);
}
