import { isApplicable, type Level, type ModelVersion } from '@zhizao/domain';
import type { AnswerInput, ModelView, Requirement } from './api.ts';

// The question bank laid out for the questionnaire: what is in scope, by sub-domain, by level.

/** Every requirement the server counts for completeness: active, in an applicable cell of the model. */
export function inScope(model: ModelView): Requirement[] {
  const known = new Set(model.definition.domains.flatMap((d) => d.subDomains.map((s) => s.code)));
  return model.requirements.filter(
    (r) => r.active && known.has(r.subDomainCode) && isApplicable(model.definition, r.subDomainCode, r.level),
  );
}

export const isAnswered = (a: AnswerInput | undefined) => !!a && (a.value !== null || !!a.naReason?.trim());

/** The items a sub-domain asks up to the target level, grouped by level in bank order. */
export function itemsByLevel(requirements: Requirement[], subDomainCode: string, targetLevel: Level): [Level, Requirement[]][] {
  const groups = new Map<Level, Requirement[]>();
  for (const r of requirements) {
    if (r.subDomainCode !== subDomainCode || r.level > targetLevel) continue;
    groups.set(r.level, [...(groups.get(r.level) ?? []), r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([level, items]) => [level, [...items].sort((x, y) => x.sortOrder - y.sortOrder)]);
}

/** The domain each sub-domain belongs to. */
export function domainOf(model: ModelVersion): Map<string, string> {
  return new Map(model.domains.flatMap((d) => d.subDomains.map((s) => [s.code, d.code] as const)));
}

/** Level name as the standard prints it, e.g. 二级 规范级 / Level 2 Standardised. */
export function levelLabel(model: ModelVersion, level: number, pick: (b: { zh: string; en: string }) => string): string {
  const def = model.levels.find((l) => l.level === level);
  return def ? pick(def.name) : String(level);
}
