// Compact authoring format for the default question bank, expanded into Requirement records.
// Ids are derived from position: `<prefix>-<subDomainCode>-L<level>-<NN>` (NN = 1-based index in the cell).
// To keep ids stable, append new items at the end of a cell; never reorder or delete in place.
import type { Requirement } from './types.ts';

/** [text zh, text en, evidence zh, evidence en, advice zh, advice en] */
export type ItemSpec = readonly [
  textZh: string,
  textEn: string,
  evidenceZh: string,
  evidenceEn: string,
  adviceZh: string,
  adviceEn: string,
];

export type Level = 1 | 2 | 3 | 4 | 5;
export type LevelSpecs = Readonly<Record<Level, readonly ItemSpec[]>>;

export const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

export function expandSubDomain(idPrefix: string, modelVersion: string, subDomainCode: string, specs: LevelSpecs): Requirement[] {
  const out: Requirement[] = [];
  for (const level of LEVELS) {
    specs[level].forEach((item, i) => {
      const [textZh, textEn, evidenceZh, evidenceEn, adviceZh, adviceEn] = item;
      out.push({
        id: `${idPrefix}-${subDomainCode}-L${level}-${String(i + 1).padStart(2, '0')}`,
        modelVersion,
        subDomainCode,
        level,
        text: { zh: textZh, en: textEn },
        evidence: { zh: evidenceZh, en: evidenceEn },
        advice: { zh: adviceZh, en: adviceEn },
      });
    });
  }
  return out;
}

export function expandBank(idPrefix: string, modelVersion: string, bank: Readonly<Record<string, LevelSpecs>>): Requirement[] {
  return Object.entries(bank).flatMap(([code, specs]) => expandSubDomain(idPrefix, modelVersion, code, specs));
}

/** Selects items of an existing bank by index per level (for carrying items over to another model version). */
export function pick(specs: LevelSpecs, indices: Readonly<Record<Level, readonly number[]>>): LevelSpecs {
  const select = (level: Level): ItemSpec[] =>
    indices[level].map((i) => {
      const item = specs[level][i];
      if (!item) throw new Error(`question bank: no item ${i} at level ${level}`);
      return item;
    });
  return { 1: select(1), 2: select(2), 3: select(3), 4: select(4), 5: select(5) };
}

/** Concatenates several banks cell by cell, in the given order. */
export function merge(...parts: readonly LevelSpecs[]): LevelSpecs {
  const join = (level: Level): ItemSpec[] => parts.flatMap((p) => p[level]);
  return { 1: join(1), 2: join(2), 3: join(3), 4: join(4), 5: join(5) };
}

export function requireSpecs(bank: Readonly<Record<string, LevelSpecs>>, code: string): LevelSpecs {
  const specs = bank[code];
  if (!specs) throw new Error(`question bank: unknown sub-domain ${code}`);
  return specs;
}
