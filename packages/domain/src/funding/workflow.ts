import { PERMISSIONS, type Permission } from '../accounts/policy.ts';
import type { Role } from '../accounts/roles.ts';

// The award's life, from application to claw-back (issue 5 part 4; the fund flow of
// shared/domain/recognition-and-funding.md §5). One table says which move leads where and who makes it;
// the server asks `planMove` before writing and never decides a transition itself.

export const AWARD_STATUSES = [
  'submitted',
  'preliminary_passed',
  'second_review',
  'reviewed',
  'in_notice',
  'approved',
  'paying',
  'paid',
  'evaluated',
  'clawed_back',
  'rejected',
  'withdrawn',
] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];

/** Statuses an award leaves no more: a project may apply again once its award ended here. */
export const CLOSED_AWARD_STATUSES: readonly AwardStatus[] = ['rejected', 'withdrawn'];
/** Statuses whose amount counts against the envelope (an allocation was written). */
export const ALLOCATED_AWARD_STATUSES: readonly AwardStatus[] = ['approved', 'paying', 'paid', 'evaluated', 'clawed_back'];

interface MoveRule {
  from: readonly AwardStatus[];
  to: AwardStatus;
  permission: Permission;
  /** A refusal must say why. */
  needsNote?: boolean;
  /** Made by the sample draw, never one by one. */
  byDraw?: boolean;
  /** Moves money: needs a positive amount. */
  needsAmount?: boolean;
}

export const AWARD_MOVES = {
  withdraw: { from: ['submitted'], to: 'withdrawn', permission: 'funding.award.apply' },
  preliminaryPass: { from: ['submitted'], to: 'preliminary_passed', permission: 'funding.award.review' },
  preliminaryReject: { from: ['submitted'], to: 'rejected', permission: 'funding.award.review', needsNote: true },
  sampleSelect: { from: ['preliminary_passed'], to: 'second_review', permission: 'funding.award.decide', byDraw: true },
  sampleSkip: { from: ['preliminary_passed'], to: 'reviewed', permission: 'funding.award.decide', byDraw: true },
  secondPass: { from: ['second_review'], to: 'reviewed', permission: 'funding.award.decide' },
  secondReject: { from: ['second_review'], to: 'rejected', permission: 'funding.award.decide', needsNote: true },
  publishNotice: { from: ['reviewed'], to: 'in_notice', permission: 'funding.award.decide' },
  approve: { from: ['in_notice'], to: 'approved', permission: 'funding.award.decide' },
  reject: { from: ['in_notice'], to: 'rejected', permission: 'funding.award.decide', needsNote: true },
  pay: { from: ['approved', 'paying'], to: 'paying', permission: 'funding.award.decide', needsAmount: true },
  evaluate: { from: ['paid'], to: 'evaluated', permission: 'funding.award.decide' },
  clawBack: { from: ['evaluated'], to: 'clawed_back', permission: 'funding.award.decide', needsAmount: true },
} as const satisfies Record<string, MoveRule>;
export type AwardAction = keyof typeof AWARD_MOVES;
export const AWARD_ACTIONS = Object.keys(AWARD_MOVES) as AwardAction[];
/** The moves a caller makes one award at a time (the draw makes the others). */
export const MANUAL_AWARD_ACTIONS = AWARD_ACTIONS.filter((a) => !(AWARD_MOVES[a] as MoveRule).byDraw);

/** What the state machine needs to know about an award. */
export interface AwardState {
  status: AwardStatus;
  approvedFen: number | null;
  paidFen: number;
  clawedBackFen: number;
  /** The performance evaluation's result, once evaluated. */
  evaluationResult: 'met' | 'partial' | 'missed' | null;
}

export interface MoveInput {
  note?: string | null;
  amountFen?: number | null;
}

export type AwardMoveRefusal = {
  ok: false;
  status: 400 | 403 | 409;
  key: MoveRefusalKey;
  params: Record<string, string | number>;
  field?: string;
};
export type MoveRefusalKey =
  | 'auth.forbidden'
  | 'funding.awardIllegalMove'
  | 'funding.awardNoteRequired'
  | 'funding.awardAmountRequired'
  | 'funding.awardOverpay'
  | 'funding.awardClawBackTooMuch'
  | 'funding.awardTargetsMet';
export type MovePlan = { ok: true; to: AwardStatus } | AwardMoveRefusal;

const roleMay = (role: Role, permission: Permission) => (PERMISSIONS[permission] as readonly Role[]).includes(role);

const refuse = (
  status: 400 | 403 | 409,
  key: MoveRefusalKey,
  params: Record<string, string | number> = {},
  field?: string,
): AwardMoveRefusal => ({
  ok: false,
  status,
  key,
  params,
  ...(field ? { field } : {}),
});

/** May `role` make `action` on this award now, and where does it lead? Scope (own district / enterprise) is the caller's check. */
export function planMove(action: AwardAction, award: AwardState, role: Role, input: MoveInput = {}): MovePlan {
  const rule: MoveRule = AWARD_MOVES[action];
  if (!roleMay(role, rule.permission)) return refuse(403, 'auth.forbidden');
  if (!rule.from.includes(award.status)) return refuse(409, 'funding.awardIllegalMove', { action, status: award.status });
  if (rule.needsNote && !input.note?.trim()) return refuse(400, 'funding.awardNoteRequired', {}, 'note');
  if (rule.needsAmount && !(typeof input.amountFen === 'number' && Number.isInteger(input.amountFen) && input.amountFen > 0)) {
    return refuse(400, 'funding.awardAmountRequired', {}, 'amountFen');
  }
  if (action === 'pay') {
    const open = (award.approvedFen ?? 0) - award.paidFen;
    if (input.amountFen! > open) return refuse(409, 'funding.awardOverpay', { open }, 'amountFen');
    return { ok: true, to: input.amountFen === open ? 'paid' : 'paying' };
  }
  if (action === 'clawBack') {
    if (award.evaluationResult === 'met') return refuse(409, 'funding.awardTargetsMet');
    const room = award.paidFen - award.clawedBackFen;
    if (input.amountFen! > room) return refuse(409, 'funding.awardClawBackTooMuch', { room }, 'amountFen');
  }
  return { ok: true, to: rule.to };
}

/** The moves `role` could make from this status (amounts aside): what the UI offers. */
export function allowedActions(award: AwardState, role: Role): AwardAction[] {
  return MANUAL_AWARD_ACTIONS.filter((action) => {
    const rule: MoveRule = AWARD_MOVES[action];
    if (!rule.from.includes(award.status) || !roleMay(role, rule.permission)) return false;
    return action !== 'clawBack' || award.evaluationResult !== 'met';
  });
}
