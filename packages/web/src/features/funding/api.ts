import type { AwardAction, AwardStatus, Investment, KpiTarget, Milestone, PolicyRules, ProjectKind } from '@zhizao/domain';
import { api, queryString, type QueryValue } from '../../app/api/client.ts';
import { downloadFile, uploadFile } from '../../app/api/files.ts';
import type { Page } from '../registry/api.ts';

// The funding API (packages/server/src/modules/funding, described in API-NOTES.md), typed as the pages use it.
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

const BASE = '/api/funding';
const q = (params: object) => queryString(params as Record<string, QueryValue>);

export const fetchProjects = (query: ProjectFilter & { page: number; pageSize: number }, signal?: AbortSignal) => api<Page<Project>>(`${BASE}/projects${q(query)}`, { signal });
export const fetchProject = (id: number) => api<Project>(`${BASE}/projects/${id}`);
export const createProject = (input: ProjectInput) => api<Project>(`${BASE}/projects`, { method: 'POST', body: input });
export const updateProject = (id: number, input: ProjectInput, version: number) => api<Project>(`${BASE}/projects/${id}`, { method: 'PUT', body: { ...input, version } });
export const completeProject = (id: number, completionDate: string) => api<Project>(`${BASE}/projects/${id}/complete`, { method: 'POST', body: { completionDate } });
export const exportProjects = (filter: ProjectFilter) => downloadFile(`${BASE}/projects/export.xlsx${q(filter)}`, 'projects.xlsx');
export const downloadProjectTemplate = () => downloadFile(`${BASE}/projects/template.xlsx`, 'project-import-template.xlsx');
export const uploadProjects = (file: File, onProgress: (percent: number) => void) => uploadFile<{ imported: number }>(`${BASE}/projects/import`, file, onProgress);

export const fetchFunds = () => api<Fund[]>(`${BASE}/funds`);
export const fetchFund = (id: number) => api<Fund>(`${BASE}/funds/${id}`);
export const createFund = (input: FundInput) => api<Fund>(`${BASE}/funds`, { method: 'POST', body: input });
export const updateFund = (id: number, input: FundInput) => api<Fund>(`${BASE}/funds/${id}`, { method: 'PUT', body: input });
export const fetchLedger = (fundId: number, query: { envelopeId?: number; page: number; pageSize: number }) => api<Page<LedgerEntry>>(`${BASE}/funds/${fundId}/ledger${q(query)}`);

export const fetchPolicies = (query: { code?: string; includeRetired?: boolean } = {}) => api<Policy[]>(`${BASE}/policies${q(query)}`);
export const fetchPolicy = (id: number) => api<Policy>(`${BASE}/policies/${id}`);
export const createPolicy = (input: PolicyInput) => api<Policy>(`${BASE}/policies`, { method: 'POST', body: input });
export const retirePolicy = (id: number) => api<Policy>(`${BASE}/policies/${id}/retire`, { method: 'POST', body: {} });
export const calculate = (policyId: number, body: { projectId: number } | { investment: Investment; kind: ProjectKind; alreadyAwardedFen?: number }, signal?: AbortSignal) =>
  api<CalculationView>(`${BASE}/policies/${policyId}/calculate`, { method: 'POST', body, signal });

export const fetchAwards = (query: AwardFilter & { page: number; pageSize: number }, signal?: AbortSignal) => api<Page<Award>>(`${BASE}/awards${q(query)}`, { signal });
export const fetchAward = (id: number) => api<Award>(`${BASE}/awards/${id}`);
export const applyForAward = (projectId: number, policyId: number) => api<Award>(`${BASE}/awards`, { method: 'POST', body: { projectId, policyId } });
export const moveAward = (id: number, body: MoveBody) => api<Award>(`${BASE}/awards/${id}/moves`, { method: 'POST', body });

export const fetchSampleDraws = (year?: number) => api<SampleDraw[]>(`${BASE}/sample-draws${q({ year })}`);
export const drawSample = (body: { year: number; ratio?: number; seed?: string }) => api<SampleDraw>(`${BASE}/sample-draws`, { method: 'POST', body });

export const fetchYearReport = (query: { from: number; to: number; districtCode?: string; chainCode?: string }) => api<{ rows: YearRow[] }>(`${BASE}/reports/years${q(query)}`);
export const fetchBreakdown = (query: { year?: number; by: 'chain' | 'district' }) => api<{ rows: BreakdownRow[] }>(`${BASE}/reports/breakdown${q(query)}`);
export const fetchCumulative = (since: number) => api<Cumulative>(`${BASE}/reports/cumulative${q({ since })}`);
export const fetchRecords = (query: RecordQuery) => api<Page<ReportRecord>>(`${BASE}/reports/records${q(query)}`);
export const exportReport = (query: { from: number; to: number; districtCode?: string; chainCode?: string }) => downloadFile(`${BASE}/reports/export.xlsx${q(query)}`, 'funding-report.xlsx');
