import type { Role } from '../accounts/roles.ts';

// The application workflow as an explicit state machine (issue 4 part 3). Steps follow the municipal
// recognition procedure: ../shared/domain/recognition-and-funding.md §2 (申报 → 初审 → 复审 → 专家评审 →
// 公示 → 认定). A move is legal only from its listed states, by its listed role, with its preconditions.

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'returned',
  'district_passed',
  'expert_scoring',
  'shortlisted',
  'in_notice',
  'recognised',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_MOVES = [
  'submit',
  'resubmit',
  'withdraw',
  'district_pass',
  'district_return',
  'city_pass',
  'city_return',
  'city_reject',
  'close_scoring',
  'publish_notice',
  'reject',
  'recognise',
] as const;
export type ApplicationMove = (typeof APPLICATION_MOVES)[number];

export interface MoveRule {
  from: readonly ApplicationState[];
  to: ApplicationState;
  role: Role;
  /** A written reason is required (returns, rejections: the enterprise must learn why). */
  needsReason: boolean;
}

export const MOVES: Record<ApplicationMove, MoveRule> = {
  submit: { from: ['draft'], to: 'submitted', role: 'enterprise_user', needsReason: false },
  resubmit: { from: ['returned'], to: 'submitted', role: 'enterprise_user', needsReason: false },
  withdraw: { from: ['draft', 'returned', 'submitted'], to: 'withdrawn', role: 'enterprise_user', needsReason: false },
  district_pass: { from: ['submitted'], to: 'district_passed', role: 'district_officer', needsReason: false },
  district_return: { from: ['submitted'], to: 'returned', role: 'district_officer', needsReason: true },
  city_pass: { from: ['district_passed'], to: 'expert_scoring', role: 'bureau_admin', needsReason: false },
  city_return: { from: ['district_passed'], to: 'returned', role: 'bureau_admin', needsReason: true },
  city_reject: { from: ['district_passed'], to: 'rejected', role: 'bureau_admin', needsReason: true },
  close_scoring: { from: ['expert_scoring'], to: 'shortlisted', role: 'bureau_admin', needsReason: false },
  publish_notice: { from: ['shortlisted'], to: 'in_notice', role: 'bureau_admin', needsReason: false },
  reject: { from: ['shortlisted', 'in_notice'], to: 'rejected', role: 'bureau_admin', needsReason: true },
  recognise: { from: ['in_notice'], to: 'recognised', role: 'bureau_admin', needsReason: false },
};

/** The states an enterprise may still edit its application in. */
export const EDITABLE_STATES: readonly ApplicationState[] = ['draft', 'returned'];
/** States that end an application: a new one may be started in the same programme after these. */
export const FINAL_STATES: readonly ApplicationState[] = ['recognised', 'rejected', 'withdrawn'];

/** Facts a move's preconditions look at; the server gathers them, the rules live here. */
export interface MoveContext {
  reason?: string | null;
  /** submit/resubmit: every eligibility gate passed. */
  gatesPassed?: boolean;
  /** submit/resubmit: project name, description and required KPIs filled. */
  contentComplete?: boolean;
  /** close_scoring: number of panel members, and how many have submitted. */
  panelSize?: number;
  panelSubmitted?: number;
  /** recognise: the notice window has ended. */
  noticeEnded?: boolean;
  /** recognise: objections not yet handled, and those upheld. */
  objectionsOpen?: number;
  objectionsUpheld?: number;
}

export const MIN_PANEL_SIZE = 3;

export type MoveRefusal = { status: 400 | 403 | 409; key: RecognitionMoveKey; params?: Record<string, string | number>; field?: string };
export type RecognitionMoveKey =
  | 'recognition.unknownMove'
  | 'recognition.illegalMove'
  | 'recognition.moveForbidden'
  | 'recognition.reasonRequired'
  | 'recognition.gatesFailed'
  | 'recognition.incomplete'
  | 'recognition.panelTooSmall'
  | 'recognition.scoringOpen'
  | 'recognition.noticeNotEnded'
  | 'recognition.objectionsOpen'
  | 'recognition.objectionUpheld';

export const isMove = (value: string): value is ApplicationMove => (APPLICATION_MOVES as readonly string[]).includes(value);

/**
 * May `role` make `move` on an application in `state`, given the facts? Returns null when it may, or the
 * refusal with its message key. Order: unknown move, wrong state, wrong role, missing reason, preconditions.
 */
export function checkMove(state: ApplicationState, move: string, role: Role, context: MoveContext = {}): MoveRefusal | null {
  if (!isMove(move)) return { status: 400, key: 'recognition.unknownMove', params: { move }, field: 'move' };
  const rule = MOVES[move];
  if (!rule.from.includes(state)) return { status: 409, key: 'recognition.illegalMove', params: { move, state } };
  if (rule.role !== role) return { status: 403, key: 'recognition.moveForbidden', params: { move } };
  if (rule.needsReason && !context.reason?.trim()) return { status: 400, key: 'recognition.reasonRequired', field: 'reason' };
  switch (move) {
    case 'submit':
    case 'resubmit':
      if (context.gatesPassed !== true) return { status: 409, key: 'recognition.gatesFailed' };
      if (context.contentComplete !== true) return { status: 400, key: 'recognition.incomplete' };
      return null;
    case 'close_scoring': {
      const size = context.panelSize ?? 0;
      if (size < MIN_PANEL_SIZE) return { status: 409, key: 'recognition.panelTooSmall', params: { min: MIN_PANEL_SIZE } };
      if ((context.panelSubmitted ?? 0) < size)
        return { status: 409, key: 'recognition.scoringOpen', params: { missing: size - (context.panelSubmitted ?? 0) } };
      return null;
    }
    case 'recognise':
      if (context.noticeEnded !== true) return { status: 409, key: 'recognition.noticeNotEnded' };
      if ((context.objectionsOpen ?? 0) > 0)
        return { status: 409, key: 'recognition.objectionsOpen', params: { count: context.objectionsOpen ?? 0 } };
      if ((context.objectionsUpheld ?? 0) > 0) return { status: 409, key: 'recognition.objectionUpheld' };
      return null;
    default:
      return null;
  }
}

/** The moves `role` could make from `state` (preconditions aside): what the UI offers as buttons. */
export function allowedMoves(state: ApplicationState, role: Role): ApplicationMove[] {
  // publish_notice is made for a batch through the notice, never one application at a time
  return APPLICATION_MOVES.filter((m) => m !== 'publish_notice' && MOVES[m].role === role && MOVES[m].from.includes(state));
}

export const APPLICATION_STATE_LABELS: Record<ApplicationState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交（待区市初审）', en: 'Submitted (district review)' },
  returned: { zh: '已退回修改', en: 'Returned for changes' },
  district_passed: { zh: '初审通过（待市级复审）', en: 'District passed (city review)' },
  expert_scoring: { zh: '专家评审中', en: 'Expert scoring' },
  shortlisted: { zh: '入围', en: 'Shortlisted' },
  in_notice: { zh: '公示中', en: 'In public notice' },
  recognised: { zh: '已认定', en: 'Recognised' },
  rejected: { zh: '未通过', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};
