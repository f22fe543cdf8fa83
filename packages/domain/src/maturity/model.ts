// The CMMM model as versioned data (GB/T 39116-2020 / GB/T 39117-2020, ../shared/domain/maturity.md).
// Everything the standard's public summaries leave unconfirmed — weights, applicability, threshold,
// total-score formula, the element layer — lives in a ModelVersion value, never in code (§4.5 "Engine
// rule"), so a bureau admin can copy a version and correct it without a release.
import type { ManufacturingType } from '../registry/enterprise.ts';

export type { ManufacturingType };
export interface Bilingual {
  zh: string;
  en: string;
}

export const LEVELS = [1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];
/** 0 = 未达到一级 (below level 1). */
export type ReachedLevel = 0 | Level;

/** Formula A (`bandAligned`) and formula B (`popular`) of maturity.md §4.5. */
export const FORMULA_IDS = ['bandAligned', 'popular'] as const;
export type FormulaId = (typeof FORMULA_IDS)[number];

export type ModelStatus = 'standard' | 'draft' | 'custom';

export interface SubDomain {
  code: string;
  name: Bilingual;
}
export interface Domain {
  code: string;
  name: Bilingual;
  /** The 2020 model groups domains under four elements (§3); the 2024 draft has no element layer (§7). */
  elementCode?: string;
  subDomains: SubDomain[];
}
export interface CapabilityElement {
  code: string;
  name: Bilingual;
}
export interface LevelDefinition {
  level: Level;
  name: Bilingual;
  /** The popular stage label (流程化管理 …), §2. */
  stage: Bilingual;
}

/** Weights for one manufacturing type: α per domain code, γ per sub-domain code (within its domain). */
export interface WeightSet {
  domain: Record<string, number>;
  subDomain: Record<string, number>;
}

/** Sub-domain code → level → whether that cell has requirements at all (§6: some cells may be empty). */
export type Applicability = Record<string, Record<Level, boolean>>;

export interface ModelVersion {
  id: 'CMMM-2020' | (string & {});
  name: Bilingual;
  status: ModelStatus;
  /** For a custom version: the shipped version it was copied from, whose question bank it shares. */
  basedOn?: string;
  elements?: CapabilityElement[];
  domains: Domain[];
  levels: LevelDefinition[];
  applicability: Applicability;
  weights: Record<ManufacturingType, WeightSet>;
  /** A level is reached at A_k ≥ passThreshold (0.8, §4.3 — unconfirmed against the text). */
  passThreshold: number;
  formulaId: FormulaId;
  /** True while any weight is a placeholder: results must then be labelled provisional (§5). */
  provisional: boolean;
  provisionalNote?: Bilingual;
}

/** One answer to one requirement: 全部/大部分/部分/不满足 = 1/0.8/0.5/0, null = not applicable (§4.1). */
export const ANSWER_VALUES = [1, 0.8, 0.5, 0] as const;
export type AnswerValue = (typeof ANSWER_VALUES)[number];
export interface Answer {
  requirementId: string;
  value: AnswerValue | null;
  /** Required when value is null: N/A ≠ 0 and needs a written justification (§6). */
  naReason?: string;
}

export function isApplicable(model: ModelVersion, subDomainCode: string, level: Level): boolean {
  return model.applicability[subDomainCode]?.[level] === true;
}

/** Every cell applicable: the default until the matrix is read from the standard (§6, unconfirmed). */
export function allApplicable(domains: readonly Domain[]): Applicability {
  const cells: Applicability = {};
  for (const d of domains) for (const s of d.subDomains) cells[s.code] = { 1: true, 2: true, 3: true, 4: true, 5: true };
  return cells;
}

/** Equal α over domains and equal γ within each domain: the placeholder while real weights are unknown (§5). */
export function equalWeights(domains: readonly Domain[]): WeightSet {
  const weights: WeightSet = { domain: {}, subDomain: {} };
  for (const d of domains) {
    weights.domain[d.code] = 1 / domains.length;
    for (const s of d.subDomains) weights.subDomain[s.code] = 1 / d.subDomains.length;
  }
  return weights;
}

/** Percentages as printed in the sources (e.g. 24 %) → fractions. */
export function fromPercent(table: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(table).map(([code, percent]) => [code, percent / 100]));
}

/**
 * A copy a bureau admin can edit: a new id, status custom. basedOn stays the shipped version even for a
 * copy of a copy, because that names the question bank; the audit log keeps the chain of edits.
 */
export function copyModelVersion(model: ModelVersion, id: string, name: Bilingual): ModelVersion {
  // A model version is plain JSON data (it is stored as such), so a JSON round trip is a deep copy.
  const copy = JSON.parse(JSON.stringify(model)) as ModelVersion;
  return { ...copy, id, name, status: 'custom', basedOn: questionBankVersion(model) };
}

/** The modelVersion the requirements of this version carry: its own id, or the one it was copied from. */
export function questionBankVersion(model: ModelVersion): string {
  return model.basedOn ?? model.id;
}
