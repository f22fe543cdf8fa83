import { describe, expect, it } from 'vitest';
import { checkGates, type GateFacts, type ProgrammeGates } from './gates.ts';

const GATES: ProgrammeGates = { minMaturityLevel: 2, aboveDesignatedSize: true, noSeriousIncident: true };
const GOOD: GateFacts = {
  today: '2026-04-10',
  opensOn: '2026-03-01',
  closesOn: '2026-05-31',
  maturityLevel: 3,
  sizeClass: 'above_designated',
  incidentFreeDeclared: true,
  banUntil: null,
};
const gate = (facts: Partial<GateFacts>, gates = GATES) => {
  const report = checkGates(gates, { ...GOOD, ...facts });
  return { eligible: report.eligible, byCode: Object.fromEntries(report.gates.map((g) => [g.code, g])) };
};

describe('eligibility gates', () => {
  it('passes an enterprise that meets every gate, each explained', () => {
    const r = checkGates(GATES, GOOD);
    expect(r.eligible).toBe(true);
    expect(r.gates.map((g) => [g.code, g.passed, g.key])).toEqual([
      ['window', true, 'recognition.gate.windowOpen'],
      ['maturity', true, 'recognition.gate.maturityMet'],
      ['size', true, 'recognition.gate.sizeMet'],
      ['incident', true, 'recognition.gate.incidentDeclared'],
      ['ban', true, 'recognition.gate.noBan'],
    ]);
    expect(r.gates[1]!.params).toEqual({ min: 2, level: 3 });
  });

  it('checks the window inclusively at both ends', () => {
    expect(gate({ today: '2026-03-01' }).eligible).toBe(true);
    expect(gate({ today: '2026-05-31' }).eligible).toBe(true);
    expect(gate({ today: '2026-02-28' }).byCode.window).toMatchObject({ passed: false, key: 'recognition.gate.windowNotOpen' });
    expect(gate({ today: '2026-06-01' }).byCode.window).toMatchObject({ passed: false, key: 'recognition.gate.windowClosed' });
  });

  it('refuses a maturity level below the minimum and explains a missing assessment apart', () => {
    expect(gate({ maturityLevel: 2 }).byCode.maturity!.passed).toBe(true);
    expect(gate({ maturityLevel: 1 }).byCode.maturity).toMatchObject({
      passed: false,
      key: 'recognition.gate.maturityLow',
      params: { level: 1, min: 2 },
    });
    expect(gate({ maturityLevel: 0 }).byCode.maturity).toMatchObject({ passed: false, key: 'recognition.gate.maturityLow' });
    expect(gate({ maturityLevel: null }).byCode.maturity).toMatchObject({ passed: false, key: 'recognition.gate.maturityMissing' });
    expect(gate({ maturityLevel: 2 }, { ...GATES, minMaturityLevel: 3 }).eligible).toBe(false);
  });

  it('refuses an enterprise below designated size and an undeclared incident record', () => {
    expect(gate({ sizeClass: 'below_designated' })).toMatchObject({
      eligible: false,
      byCode: { size: { passed: false, key: 'recognition.gate.sizeNotMet' } },
    });
    expect(gate({ incidentFreeDeclared: false })).toMatchObject({
      eligible: false,
      byCode: { incident: { passed: false, key: 'recognition.gate.incidentNotDeclared' } },
    });
  });

  it('leaves out the gates a programme does not set', () => {
    const r = checkGates(
      { minMaturityLevel: 0, aboveDesignatedSize: false, noSeriousIncident: false },
      { ...GOOD, maturityLevel: null, sizeClass: 'below_designated', incidentFreeDeclared: false },
    );
    expect(r.gates.map((g) => g.code)).toEqual(['window', 'ban']);
    expect(r.eligible).toBe(true);
  });

  it('bars an enterprise under a reapply ban through its last day', () => {
    expect(gate({ banUntil: '2026-04-10' }).byCode.ban).toMatchObject({
      passed: false,
      key: 'recognition.gate.banned',
      params: { until: '2026-04-10' },
    });
    expect(gate({ banUntil: '2026-04-09' }).byCode.ban!.passed).toBe(true);
  });
});
