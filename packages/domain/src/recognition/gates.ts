// Eligibility gates of a recognition programme (issue 4 part 1), each checked and explained on its own.
// Common gates: ../shared/domain/recognition-and-funding.md §1 "Common entry gates" — above designated
// size (规模以上), c3mep maturity ≥ the programme's level, no major incident in 3 years; plus the
// application window and a revocation's reapply ban (§3).

export interface ProgrammeGates {
  minMaturityLevel: number;
  aboveDesignatedSize: boolean;
  noSeriousIncident: boolean;
}

export interface GateFacts {
  /** China-calendar date (YYYY-MM-DD) the check is made on. */
  today: string;
  opensOn: string;
  closesOn: string;
  /** Reached level of the enterprise's latest submitted maturity assessment; null when none. */
  maturityLevel: number | null;
  sizeClass: string;
  incidentFreeDeclared: boolean;
  /** The latest reapply ban still running, if any (YYYY-MM-DD). */
  banUntil: string | null;
}

export const GATE_CODES = ['window', 'maturity', 'size', 'incident', 'ban'] as const;
export type GateCode = (typeof GATE_CODES)[number];

export type GateMessageKey =
  | 'recognition.gate.windowOpen'
  | 'recognition.gate.windowNotOpen'
  | 'recognition.gate.windowClosed'
  | 'recognition.gate.maturityMet'
  | 'recognition.gate.maturityMissing'
  | 'recognition.gate.maturityLow'
  | 'recognition.gate.sizeMet'
  | 'recognition.gate.sizeNotMet'
  | 'recognition.gate.incidentDeclared'
  | 'recognition.gate.incidentNotDeclared'
  | 'recognition.gate.noBan'
  | 'recognition.gate.banned';

export interface GateResult {
  code: GateCode;
  passed: boolean;
  key: GateMessageKey;
  params: Record<string, string | number>;
}

/** Every gate the programme sets, each with its verdict and the reason in a message key. */
export function checkGates(gates: ProgrammeGates, facts: GateFacts): { eligible: boolean; gates: GateResult[] } {
  const results: GateResult[] = [];
  const { today, opensOn, closesOn } = facts;
  if (today < opensOn)
    results.push({ code: 'window', passed: false, key: 'recognition.gate.windowNotOpen', params: { opensOn, closesOn } });
  else if (today > closesOn)
    results.push({ code: 'window', passed: false, key: 'recognition.gate.windowClosed', params: { opensOn, closesOn } });
  else results.push({ code: 'window', passed: true, key: 'recognition.gate.windowOpen', params: { opensOn, closesOn } });

  if (gates.minMaturityLevel > 0) {
    const min = gates.minMaturityLevel;
    if (facts.maturityLevel === null)
      results.push({ code: 'maturity', passed: false, key: 'recognition.gate.maturityMissing', params: { min } });
    else if (facts.maturityLevel < min)
      results.push({ code: 'maturity', passed: false, key: 'recognition.gate.maturityLow', params: { min, level: facts.maturityLevel } });
    else results.push({ code: 'maturity', passed: true, key: 'recognition.gate.maturityMet', params: { min, level: facts.maturityLevel } });
  }
  if (gates.aboveDesignatedSize) {
    const passed = facts.sizeClass === 'above_designated';
    results.push({ code: 'size', passed, key: passed ? 'recognition.gate.sizeMet' : 'recognition.gate.sizeNotMet', params: {} });
  }
  if (gates.noSeriousIncident) {
    const passed = facts.incidentFreeDeclared;
    results.push({
      code: 'incident',
      passed,
      key: passed ? 'recognition.gate.incidentDeclared' : 'recognition.gate.incidentNotDeclared',
      params: {},
    });
  }
  if (facts.banUntil !== null && facts.banUntil >= today)
    results.push({ code: 'ban', passed: false, key: 'recognition.gate.banned', params: { until: facts.banUntil } });
  else results.push({ code: 'ban', passed: true, key: 'recognition.gate.noBan', params: {} });
  return { eligible: results.every((r) => r.passed), gates: results };
}
