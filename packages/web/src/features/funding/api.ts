import type { Investment, ProjectKind } from '@zhizao/domain';
import { api, queryString, type QueryValue } from '../../app/api/client.ts';
import { downloadFile, uploadFile } from '../../app/api/files.ts';
import type { Page } from '../registry/api.ts';
import type {
  Award,
  AwardFilter,
  BreakdownRow,
  CalculationView,
  Cumulative,
  Fund,
  FundInput,
  LedgerEntry,
  MoveBody,
  Policy,
  PolicyInput,
  Project,
  ProjectFilter,
  ProjectInput,
  RecordQuery,
  ReportRecord,
  SampleDraw,
  YearRow,
} from './types.ts';

// The funding API's calls (packages/server/src/modules/funding/*.routes.ts); the shapes live in types.ts.
export type * from './types.ts';

const BASE = '/api/funding';
const q = (params: object) => queryString(params as Record<string, QueryValue>);

export const fetchProjects = (query: ProjectFilter & { page: number; pageSize: number }, signal?: AbortSignal) =>
  api<Page<Project>>(`${BASE}/projects${q(query)}`, { signal });
export const fetchProject = (id: number) => api<Project>(`${BASE}/projects/${id}`);
export const createProject = (input: ProjectInput) => api<Project>(`${BASE}/projects`, { method: 'POST', body: input });
export const updateProject = (id: number, input: ProjectInput, version: number) =>
  api<Project>(`${BASE}/projects/${id}`, { method: 'PUT', body: { ...input, version } });
export const completeProject = (id: number, completionDate: string) =>
  api<Project>(`${BASE}/projects/${id}/complete`, { method: 'POST', body: { completionDate } });
export const exportProjects = (filter: ProjectFilter) => downloadFile(`${BASE}/projects/export.xlsx${q(filter)}`, 'projects.xlsx');
export const downloadProjectTemplate = () => downloadFile(`${BASE}/projects/template.xlsx`, 'project-import-template.xlsx');
export const uploadProjects = (file: File, onProgress: (percent: number) => void) =>
  uploadFile<{ imported: number }>(`${BASE}/projects/import`, file, onProgress);

export const fetchFunds = () => api<Fund[]>(`${BASE}/funds`);
export const fetchFund = (id: number) => api<Fund>(`${BASE}/funds/${id}`);
export const createFund = (input: FundInput) => api<Fund>(`${BASE}/funds`, { method: 'POST', body: input });
export const updateFund = (id: number, input: FundInput) => api<Fund>(`${BASE}/funds/${id}`, { method: 'PUT', body: input });
export const fetchLedger = (fundId: number, query: { envelopeId?: number; page: number; pageSize: number }) =>
  api<Page<LedgerEntry>>(`${BASE}/funds/${fundId}/ledger${q(query)}`);

export const fetchPolicies = (query: { code?: string; includeRetired?: boolean } = {}) => api<Policy[]>(`${BASE}/policies${q(query)}`);
export const fetchPolicy = (id: number) => api<Policy>(`${BASE}/policies/${id}`);
export const createPolicy = (input: PolicyInput) => api<Policy>(`${BASE}/policies`, { method: 'POST', body: input });
export const retirePolicy = (id: number) => api<Policy>(`${BASE}/policies/${id}/retire`, { method: 'POST', body: {} });
export const calculate = (
  policyId: number,
  body: { projectId: number } | { investment: Investment; kind: ProjectKind; alreadyAwardedFen?: number },
  signal?: AbortSignal,
) => api<CalculationView>(`${BASE}/policies/${policyId}/calculate`, { method: 'POST', body, signal });

export const fetchAwards = (query: AwardFilter & { page: number; pageSize: number }, signal?: AbortSignal) =>
  api<Page<Award>>(`${BASE}/awards${q(query)}`, { signal });
export const fetchAward = (id: number) => api<Award>(`${BASE}/awards/${id}`);
export const applyForAward = (projectId: number, policyId: number) =>
  api<Award>(`${BASE}/awards`, { method: 'POST', body: { projectId, policyId } });
export const moveAward = (id: number, body: MoveBody) => api<Award>(`${BASE}/awards/${id}/moves`, { method: 'POST', body });

export const fetchSampleDraws = (year?: number) => api<SampleDraw[]>(`${BASE}/sample-draws${q({ year })}`);
export const drawSample = (body: { year: number; ratio?: number; seed?: string }) =>
  api<SampleDraw>(`${BASE}/sample-draws`, { method: 'POST', body });

export const fetchYearReport = (query: { from: number; to: number; districtCode?: string; chainCode?: string }) =>
  api<{ rows: YearRow[] }>(`${BASE}/reports/years${q(query)}`);
export const fetchBreakdown = (query: { year?: number; by: 'chain' | 'district' }) =>
  api<{ rows: BreakdownRow[] }>(`${BASE}/reports/breakdown${q(query)}`);
export const fetchCumulative = (since: number) => api<Cumulative>(`${BASE}/reports/cumulative${q({ since })}`);
export const fetchRecords = (query: RecordQuery) => api<Page<ReportRecord>>(`${BASE}/reports/records${q(query)}`);
export const exportReport = (query: { from: number; to: number; districtCode?: string; chainCode?: string }) =>
  downloadFile(`${BASE}/reports/export.xlsx${q(query)}`, 'funding-report.xlsx');
