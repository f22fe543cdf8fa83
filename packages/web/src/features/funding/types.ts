import type { AwardAction, AwardStatus, Investment, KpiTarget, Milestone, PolicyRules, ProjectKind } from '@zhizao/domain';

// What the funding API (packages/server/src/modules/funding/schemas.ts) answers and takes, as the pages use it.
// Money is integer fen throughout; rates are basis points.

export interface Project extends Investment {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  districtCode: string;
  chainCode: string | null;
  year: number;
  kind: ProjectKind;
  name: string;
  description: string | null;
  totalInvestmentFen: number;
  startDate: string;
  completionDate: string | null;
  milestones: Milestone[];
  targets: KpiTarget[];
  status: 'registered' | 'completed';
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectInput extends Investment {
  enterpriseId?: number;
  chainCode?: string | null;
  year: number;
  kind: ProjectKind;
  name: string;
  description: string | null;
  startDate: string;
  completionDate: string | null;
  milestones: Milestone[];
  targets: KpiTarget[];
}

export interface ProjectFilter {
  year?: number;
  kind?: ProjectKind;
  districtCode?: string;
  chainCode?: string;
  enterpriseId?: number;
  q?: string;
}

export interface Envelope {
  id: number;
  fundId: number;
  kind: 'smart_digital' | 'other';
  name: string;
  amountFen: number;
  allocatedFen: number;
  clawedBackFen: number;
  paidFen: number;
  availableFen: number;
}

export interface Fund {
  id: number;
  year: number;
  name: string;
  totalFen: number;
  envelopes: Envelope[];
  smartDigitalFen: number;
  smartDigitalShare: number;
  allocatedFen: number;
  paidFen: number;
  awardedShareOfFund: number;
}

export interface FundInput {
  year: number;
  name: string;
  totalFen: number;
  envelopes: { id?: number; kind: Envelope['kind']; name: string; amountFen: number }[];
}

export interface LedgerEntry {
  id: number;
  envelopeId: number;
  awardId: number;
  enterpriseName: string;
  projectName: string;
  kind: 'allocation' | 'payment' | 'clawback';
  amountFen: number;
  batch: string | null;
  at: string;
  actorUsername: string;
  note: string | null;
}

export interface Policy {
  id: number;
  code: string;
  version: number;
  name: string;
  year: number | null;
  status: 'active' | 'retired';
  rules: PolicyRules;
  createdAt: string;
  basis: string | null;
}

export interface PolicyInput {
  code: string;
  name: string;
  year?: number | null;
  basis?: string | null;
  rules: PolicyRules;
}

export interface CalculationView {
  eligible: boolean;
  amountFen: number;
  lines: { step: string; code: string; text: string; amountFen: number | null }[];
}

export interface EvaluationLine {
  code: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  actual: number;
  direction: 'up' | 'down';
  met: boolean;
  changePct: number | null;
}

export interface Evaluation {
  completionDate: string;
  lines: EvaluationLine[];
  metCount: number;
  total: number;
  result: 'met' | 'partial' | 'missed';
  suggestedClawBackFen: number;
}

export interface AwardMove {
  action: string;
  fromStatus: AwardStatus | null;
  toStatus: AwardStatus;
  actorUsername: string;
  actorRole: string | null;
  at: string;
  note: string | null;
  amountFen: number | null;
  /** The payment batch, on `pay` moves. */
  batch?: string | null;
}

export interface Award {
  id: number;
  projectId: number;
  projectName: string;
  projectYear: number;
  kind: ProjectKind;
  enterpriseId: number;
  enterpriseName: string;
  districtCode: string;
  year: number;
  policyId: number;
  policyCode: string;
  policyVersion: number;
  status: AwardStatus;
  amountFen: number;
  calculation: CalculationView;
  approvedFen: number | null;
  paidFen: number;
  clawedBackFen: number;
  envelopeId: number | null;
  sampleDrawId: number | null;
  sampled: boolean;
  noticeStart: string | null;
  noticeEnd: string | null;
  evaluation: Evaluation | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  moves: AwardMove[];
  allowedActions: AwardAction[];
}

export interface AwardFilter {
  status?: AwardStatus;
  year?: number;
  districtCode?: string;
  enterpriseId?: number;
  projectId?: number;
}

/** The body of a move: the action plus what that action needs. */
export interface MoveBody {
  action: AwardAction;
  note?: string;
  noticeStart?: string;
  noticeEnd?: string;
  envelopeId?: number;
  approvedFen?: number;
  amountFen?: number;
  batch?: string;
  completionDate?: string;
  actuals?: { code: string; actual: number }[];
}

export interface SampleDraw {
  id: number;
  year: number;
  seed: string;
  ratio: number;
  population: number[];
  selected: number[];
  at: string;
  actorUsername: string;
}

export interface YearRow {
  year: number;
  projects: number;
  investmentFen: number;
  awards: number;
  awardedFen: number;
  paidFen: number;
  clawedBackFen: number;
  fundTotalFen: number | null;
  shareOfFund: number | null;
}

export interface BreakdownRow {
  code: string;
  nameZh: string;
  nameEn: string;
  projects: number;
  investmentFen: number;
  awardedFen: number;
  paidFen: number;
}

export interface Cumulative {
  since: number;
  through: number;
  projects: number;
  investmentFen: number;
  awardedFen: number;
  paidFen: number;
  clawedBackFen: number;
}

export type RecordMetric = 'projects' | 'awards' | 'payments';
export interface RecordQuery {
  metric: RecordMetric;
  year?: number;
  since?: number;
  districtCode?: string;
  chainCode?: string;
  page: number;
  pageSize: number;
}
/** One project (and its award, if any) behind a report figure. */
export interface ReportRecord extends Pick<Project, 'enterpriseId' | 'enterpriseName' | 'districtCode' | 'chainCode' | 'year' | 'kind'> {
  projectId: number;
  projectName: string;
  investmentFen: number;
  awardId: number | null;
  awardStatus: AwardStatus | null;
  awardedFen: number;
  paidFen: number;
}
