import { describe, expect, it } from 'vitest';
import { evaluatePerformance } from './evaluation.ts';
import type { KpiTarget } from './kinds.ts';
import { allowedActions, AWARD_MOVES, AWARD_STATUSES, planMove, type AwardAction, type AwardState } from './workflow.ts';

const award = (over: Partial<AwardState> = {}): AwardState => ({
  status: 'submitted',
  approvedFen: null,
  paidFen: 0,
  clawedBackFen: 0,
  evaluationResult: null,
  ...over,
});

describe('award state machine', () => {
  it('walks the whole road with the right role at each step', () => {
    const road: [AwardAction, AwardState['status'], Parameters<typeof planMove>[2], number?][] = [
      ['preliminaryPass', 'submitted', 'district_officer'],
      ['sampleSelect', 'preliminary_passed', 'bureau_admin'],
      ['secondPass', 'second_review', 'bureau_admin'],
      ['publishNotice', 'reviewed', 'bureau_admin'],
      ['approve', 'in_notice', 'bureau_admin'],
    ];
    const to = road.map(([action, status, role]) => planMove(action, award({ status }), role));
    expect(to.map((p) => (p.ok ? p.to : p.key))).toEqual(['preliminary_passed', 'second_review', 'reviewed', 'in_notice', 'approved']);
  });

  it('pays in batches: a part leaves it paying, the rest makes it paid, more is refused', () => {
    const approved = award({ status: 'approved', approvedFen: 1000 });
    expect(planMove('pay', approved, 'bureau_admin', { amountFen: 400 })).toEqual({ ok: true, to: 'paying' });
    const paying = award({ status: 'paying', approvedFen: 1000, paidFen: 400 });
    expect(planMove('pay', paying, 'bureau_admin', { amountFen: 600 })).toEqual({ ok: true, to: 'paid' });
    expect(planMove('pay', paying, 'bureau_admin', { amountFen: 601 })).toMatchObject({
      ok: false,
      status: 409,
      key: 'funding.awardOverpay',
    });
    expect(planMove('pay', paying, 'bureau_admin', { amountFen: 0 })).toMatchObject({ ok: false, status: 400, field: 'amountFen' });
  });

  it('refuses every move from a status not in its table, with the action and the status named', () => {
    for (const action of Object.keys(AWARD_MOVES) as AwardAction[]) {
      for (const status of AWARD_STATUSES) {
        if ((AWARD_MOVES[action].from as readonly string[]).includes(status)) continue;
        const role = action === 'withdraw' ? 'enterprise_user' : 'bureau_admin';
        expect(planMove(action, award({ status }), role, { note: 'x', amountFen: 1 })).toEqual({
          ok: false,
          status: 409,
          key: 'funding.awardIllegalMove',
          params: { action, status },
        });
      }
    }
  });

  it('refuses the wrong role before anything else', () => {
    expect(planMove('approve', award({ status: 'in_notice' }), 'district_officer')).toMatchObject({ ok: false, status: 403 });
    expect(planMove('preliminaryPass', award(), 'enterprise_user')).toMatchObject({ ok: false, status: 403 });
    expect(planMove('withdraw', award(), 'bureau_admin')).toMatchObject({ ok: false, status: 403 });
    expect(planMove('approve', award({ status: 'in_notice' }), 'system_admin')).toMatchObject({ ok: false, status: 403 });
  });

  it('a refusal needs a reason', () => {
    expect(planMove('preliminaryReject', award(), 'district_officer', { note: '  ' })).toMatchObject({
      ok: false,
      key: 'funding.awardNoteRequired',
      field: 'note',
    });
    expect(planMove('preliminaryReject', award(), 'district_officer', { note: '材料不全' })).toEqual({ ok: true, to: 'rejected' });
  });

  it('claws back only after missed targets, and never more than was paid', () => {
    const evaluated = award({ status: 'evaluated', approvedFen: 1000, paidFen: 1000, evaluationResult: 'partial' });
    expect(planMove('clawBack', evaluated, 'bureau_admin', { amountFen: 500 })).toEqual({ ok: true, to: 'clawed_back' });
    expect(planMove('clawBack', evaluated, 'bureau_admin', { amountFen: 1001 })).toMatchObject({
      ok: false,
      key: 'funding.awardClawBackTooMuch',
    });
    expect(planMove('clawBack', { ...evaluated, evaluationResult: 'met' }, 'bureau_admin', { amountFen: 1 })).toMatchObject({
      ok: false,
      key: 'funding.awardTargetsMet',
    });
  });

  it('offers each role only its own moves, never the draw’s', () => {
    expect(allowedActions(award(), 'enterprise_user')).toEqual(['withdraw']);
    expect(allowedActions(award(), 'district_officer')).toEqual(['preliminaryPass', 'preliminaryReject']);
    expect(allowedActions(award({ status: 'preliminary_passed' }), 'bureau_admin')).toEqual([]);
    expect(allowedActions(award({ status: 'evaluated', evaluationResult: 'met' }), 'bureau_admin')).toEqual([]);
  });
});

describe('performance evaluation', () => {
  const targets: KpiTarget[] = [
    { code: 'productivity', name: '生产效率', unit: '%', baseline: 100, target: 120, direction: 'up' },
    { code: 'operating_cost', name: '运营成本', unit: '万元', baseline: 1000, target: 800, direction: 'down' },
  ];
  it('met when every target is reached, with the change from the baseline', () => {
    const e = evaluatePerformance(
      targets,
      [
        { code: 'productivity', actual: 157 },
        { code: 'operating_cost', actual: 740 },
      ],
      100_000,
    );
    expect(e).toMatchObject({ result: 'met', metCount: 2, suggestedClawBackFen: 0 });
    expect(e.lines.map((l) => l.changePct)).toEqual([57, -26]);
  });
  it('partial: half the targets missed suggests clawing back half of what was paid', () => {
    const e = evaluatePerformance(
      targets,
      [
        { code: 'productivity', actual: 110 },
        { code: 'operating_cost', actual: 800 },
      ],
      100_001,
    );
    expect(e).toMatchObject({ result: 'partial', metCount: 1, suggestedClawBackFen: 50_000 });
  });
  it('missed when no actual reaches its target (or is missing)', () => {
    expect(evaluatePerformance(targets, [], 10).result).toBe('missed');
  });
});
