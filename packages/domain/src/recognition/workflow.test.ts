import { describe, expect, it } from 'vitest';
import { ROLES } from '../accounts/roles.ts';
import { MESSAGES } from '../i18n/messages.ts';
import {
  APPLICATION_MOVES,
  APPLICATION_STATES,
  MOVES,
  allowedMoves,
  checkMove,
  type ApplicationMove,
  type ApplicationState,
  type MoveContext,
} from './workflow.ts';

// Facts under which every precondition holds, so only state, role and reason decide.
const ALL_GOOD: MoveContext = {
  reason: '材料齐全',
  gatesPassed: true,
  contentComplete: true,
  panelSize: 3,
  panelSubmitted: 3,
  noticeEnded: true,
  objectionsOpen: 0,
  objectionsUpheld: 0,
};

describe('application state machine', () => {
  it('walks the whole happy path, each move by its own role', () => {
    const path: [ApplicationMove, ApplicationState][] = [
      ['submit', 'submitted'],
      ['district_pass', 'district_passed'],
      ['city_pass', 'expert_scoring'],
      ['close_scoring', 'shortlisted'],
      ['publish_notice', 'in_notice'],
      ['recognise', 'recognised'],
    ];
    let state: ApplicationState = 'draft';
    for (const [move, to] of path) {
      expect(checkMove(state, move, MOVES[move].role, ALL_GOOD), `${state} --${move}`).toBeNull();
      expect(MOVES[move].to).toBe(to);
      state = to;
    }
  });

  it('lets a returned application be changed and resubmitted', () => {
    expect(MOVES.district_return.to).toBe('returned');
    expect(MOVES.city_return.to).toBe('returned');
    expect(checkMove('returned', 'resubmit', 'enterprise_user', ALL_GOOD)).toBeNull();
    expect(MOVES.resubmit.to).toBe('submitted');
  });

  it('refuses every move from every state it is not listed for, with recognition.illegalMove', () => {
    let refused = 0;
    for (const state of APPLICATION_STATES) {
      for (const move of APPLICATION_MOVES) {
        if (MOVES[move].from.includes(state)) continue;
        for (const role of ROLES) {
          expect(checkMove(state, move, role, ALL_GOOD), `${state} --${move} by ${role}`).toMatchObject({
            status: 409,
            key: 'recognition.illegalMove',
            params: { move, state },
          });
          refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(100);
  });

  it('refuses every legal move to every other role, with recognition.moveForbidden', () => {
    for (const move of APPLICATION_MOVES) {
      for (const state of MOVES[move].from) {
        for (const role of ROLES.filter((r) => r !== MOVES[move].role)) {
          expect(checkMove(state, move, role, ALL_GOOD), `${state} --${move} by ${role}`).toMatchObject({
            status: 403,
            key: 'recognition.moveForbidden',
          });
        }
      }
    }
  });

  it('ends in recognised, rejected and withdrawn: nothing leaves them', () => {
    for (const state of ['recognised', 'rejected', 'withdrawn'] as const) {
      for (const role of ROLES) expect(allowedMoves(state, role)).toEqual([]);
    }
  });

  it('refuses an unknown move as a 400 on the move field', () => {
    expect(checkMove('draft', 'approve_everything', 'bureau_admin')).toMatchObject({
      status: 400,
      key: 'recognition.unknownMove',
      field: 'move',
    });
  });

  it('needs a written reason to return or reject, and a blank one is no reason', () => {
    for (const move of ['district_return', 'city_return', 'city_reject', 'reject'] as const) {
      const rule = MOVES[move];
      for (const reason of [undefined, null, '', '   ']) {
        expect(checkMove(rule.from[0]!, move, rule.role, { ...ALL_GOOD, reason }), `${move} reason=${String(reason)}`).toMatchObject({
          status: 400,
          key: 'recognition.reasonRequired',
          field: 'reason',
        });
      }
    }
    expect(checkMove('submitted', 'district_pass', 'district_officer', { ...ALL_GOOD, reason: '' })).toBeNull();
  });

  it('submits only when every gate passed and the content is complete', () => {
    for (const move of ['submit', 'resubmit'] as const) {
      const from = MOVES[move].from[0]!;
      expect(checkMove(from, move, 'enterprise_user', { ...ALL_GOOD, gatesPassed: false })).toMatchObject({
        key: 'recognition.gatesFailed',
      });
      expect(checkMove(from, move, 'enterprise_user', { ...ALL_GOOD, contentComplete: false })).toMatchObject({
        status: 400,
        key: 'recognition.incomplete',
      });
      expect(checkMove(from, move, 'enterprise_user', {})).toMatchObject({ key: 'recognition.gatesFailed' });
    }
  });

  it('closes scoring only with a panel of three or more who have all submitted', () => {
    expect(checkMove('expert_scoring', 'close_scoring', 'bureau_admin', { panelSize: 2, panelSubmitted: 2 })).toMatchObject({
      key: 'recognition.panelTooSmall',
      params: { min: 3 },
    });
    expect(checkMove('expert_scoring', 'close_scoring', 'bureau_admin', { panelSize: 5, panelSubmitted: 3 })).toMatchObject({
      key: 'recognition.scoringOpen',
      params: { missing: 2 },
    });
    expect(checkMove('expert_scoring', 'close_scoring', 'bureau_admin', { panelSize: 5, panelSubmitted: 5 })).toBeNull();
  });

  it('recognises only after the notice ended with every objection handled and none upheld', () => {
    const base = { noticeEnded: true, objectionsOpen: 0, objectionsUpheld: 0 };
    expect(checkMove('in_notice', 'recognise', 'bureau_admin', { ...base, noticeEnded: false })).toMatchObject({
      key: 'recognition.noticeNotEnded',
    });
    expect(checkMove('in_notice', 'recognise', 'bureau_admin', { ...base, objectionsOpen: 2 })).toMatchObject({
      key: 'recognition.objectionsOpen',
      params: { count: 2 },
    });
    expect(checkMove('in_notice', 'recognise', 'bureau_admin', { ...base, objectionsUpheld: 1 })).toMatchObject({
      key: 'recognition.objectionUpheld',
    });
    expect(checkMove('in_notice', 'recognise', 'bureau_admin', base)).toBeNull();
    expect(checkMove('in_notice', 'reject', 'bureau_admin', { reason: '异议成立' })).toBeNull();
  });

  it('offers each role exactly its own moves, never the batch-only notice move', () => {
    expect(allowedMoves('draft', 'enterprise_user')).toEqual(['submit', 'withdraw']);
    expect(allowedMoves('submitted', 'district_officer')).toEqual(['district_pass', 'district_return']);
    expect(allowedMoves('submitted', 'bureau_admin')).toEqual([]);
    expect(allowedMoves('district_passed', 'bureau_admin')).toEqual(['city_pass', 'city_return', 'city_reject']);
    expect(allowedMoves('shortlisted', 'bureau_admin')).toEqual(['reject']);
    expect(allowedMoves('in_notice', 'bureau_admin')).toEqual(['reject', 'recognise']);
    expect(allowedMoves('expert_scoring', 'expert')).toEqual([]);
  });

  it('has a message in both languages for every refusal key', () => {
    const keys = [
      'recognition.unknownMove',
      'recognition.illegalMove',
      'recognition.moveForbidden',
      'recognition.reasonRequired',
      'recognition.gatesFailed',
      'recognition.incomplete',
      'recognition.panelTooSmall',
      'recognition.scoringOpen',
      'recognition.noticeNotEnded',
      'recognition.objectionsOpen',
      'recognition.objectionUpheld',
    ] as const;
    for (const key of keys) expect(MESSAGES[key]).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
  });
});
