// The hard constraints between a technology demand and an innovation resource, each evaluated for one
// pair and explained: what the demand asks, what the resource offers, and whether that holds. A side
// that states nothing cannot fail a constraint: the demand then accepts anything ('passed'), and a
// resource silent on what the demand asks leaves it 'unknown' (to settle when the two talk).

/** 技术合作方式: the cooperation modes of the two lists (seed §二.(四): purchase, licence, joint development, commissioned R&D, talent). */
export const COOPERATION_MODES = ['purchase', 'licence', 'joint_development', 'commissioned_rd', 'talent'] as const;
export type CooperationMode = (typeof COOPERATION_MODES)[number];

/** An amount range in yuan; either end may be open. */
export interface AmountRange {
  min: number | null;
  max: number | null;
}

/** What the constraints read of a demand. */
export interface DemandConstraints {
  budget: AmountRange | null;
  /** The lowest technology readiness level (1–9, GB/T 22900-2022) the demand accepts. */
  minReadinessLevel: number | null;
  /** Modes the demand would cooperate in; empty = any. */
  cooperationModes: readonly CooperationMode[];
  /** Where the provider must be (GB/T 2260 codes: a province, a city or a district); empty = anywhere. */
  regionCodes: readonly string[];
}

/** What the constraints read of a resource. */
export interface ResourceConstraints {
  price: AmountRange | null;
  readinessLevel: number | null;
  /** Modes the resource can be transferred or offered in. */
  cooperationModes: readonly CooperationMode[];
  /** Where its holder is (GB/T 2260). */
  regionCode: string | null;
}

export type ConstraintKey = 'budget' | 'readinessLevel' | 'cooperationMode' | 'region';
export type ConstraintOutcome = 'passed' | 'failed' | 'unknown';

export interface ConstraintCheck {
  key: ConstraintKey;
  outcome: ConstraintOutcome;
  /** What the demand asks and what the resource offers, as the check saw them. */
  demand: unknown;
  resource: unknown;
}

const check = (key: ConstraintKey, outcome: ConstraintOutcome, demand: unknown, resource: unknown): ConstraintCheck => ({
  key,
  outcome,
  demand,
  resource,
});

/** The budget holds when the resource's lowest price is within the budget's top (the price can be agreed). */
function budget(d: DemandConstraints, r: ResourceConstraints): ConstraintCheck {
  if (!d.budget || d.budget.max === null) return check('budget', 'passed', d.budget, r.price);
  const lowest = r.price?.min ?? r.price?.max ?? null;
  if (lowest === null) return check('budget', 'unknown', d.budget, r.price);
  return check('budget', lowest <= d.budget.max ? 'passed' : 'failed', d.budget, r.price);
}

function readiness(d: DemandConstraints, r: ResourceConstraints): ConstraintCheck {
  if (d.minReadinessLevel === null) return check('readinessLevel', 'passed', null, r.readinessLevel);
  if (r.readinessLevel === null) return check('readinessLevel', 'unknown', d.minReadinessLevel, null);
  return check('readinessLevel', r.readinessLevel >= d.minReadinessLevel ? 'passed' : 'failed', d.minReadinessLevel, r.readinessLevel);
}

function cooperation(d: DemandConstraints, r: ResourceConstraints): ConstraintCheck {
  if (!d.cooperationModes.length) return check('cooperationMode', 'passed', [], r.cooperationModes);
  if (!r.cooperationModes.length) return check('cooperationMode', 'unknown', d.cooperationModes, []);
  const shared = d.cooperationModes.some((m) => r.cooperationModes.includes(m));
  return check('cooperationMode', shared ? 'passed' : 'failed', d.cooperationModes, r.cooperationModes);
}

/**
 * Whether an administrative area (GB/T 2260: 2 digits of province, 2 of city, 2 of county) lies
 * within another: 370000 (Shandong) holds 371000 (Weihai), which holds 371002 (Huancui).
 */
export function regionWithin(code: string, area: string): boolean {
  if (code === area) return true;
  const level = area.endsWith('0000') ? 2 : area.endsWith('00') ? 4 : 6;
  return level < 6 && code.slice(0, level) === area.slice(0, level);
}

function region(d: DemandConstraints, r: ResourceConstraints): ConstraintCheck {
  if (!d.regionCodes.length) return check('region', 'passed', [], r.regionCode);
  if (r.regionCode === null) return check('region', 'unknown', d.regionCodes, null);
  const inside = d.regionCodes.some((area) => regionWithin(r.regionCode!, area));
  return check('region', inside ? 'passed' : 'failed', d.regionCodes, r.regionCode);
}

/** Every hard constraint for the pair, in a fixed order. */
export function checkConstraints(demand: DemandConstraints, resource: ResourceConstraints): ConstraintCheck[] {
  return [budget(demand, resource), readiness(demand, resource), cooperation(demand, resource), region(demand, resource)];
}
