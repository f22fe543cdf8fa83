import type {
  ApplicationMove,
  ApplicationState,
  GateCode,
  Indicator,
  KpiCode,
  KpiValue,
  ProgrammeGates,
  RecognitionKind,
  RecognitionLevel,
} from '@zhizao/domain';
import { api, queryString } from '../../app/api/client.ts';
import { downloadFile } from '../../app/api/files.ts';

// The recognition API for programmes and applications (packages/server/src/modules/recognition; shapes in
// API-NOTES.md), typed as the pages use it.

export interface ProgrammeInput {
  year: number;
  kind: RecognitionKind;
  level: RecognitionLevel;
  title: string;
  opensOn: string;
  closesOn: string;
  gates: ProgrammeGates;
  indicators: Indicator[];
  requiredKpis: KpiCode[];
  noticeWorkingDays: number;
  quota: number | null;
}

export interface Programme extends ProgrammeInput {
  id: number;
  isOpen: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  counts: Partial<Record<ApplicationState, number>>;
}

export interface GateReport {
  eligible: boolean;
  gates: { code: GateCode; passed: boolean; message: string; params: Record<string, unknown> }[];
}

export interface Spread {
  n: number;
  counted: number;
  score: number;
  min: number;
  max: number;
  stddev: number;
  dropped: boolean;
}

export interface ApplicationSummary {
  id: number;
  programmeId: number;
  programme: { year: number; kind: RecognitionKind; level: RecognitionLevel; title: string };
  enterpriseId: number;
  enterpriseName: string;
  districtCode: string;
  projectName: string;
  state: ApplicationState;
  version: number;
  submittedAt: string | null;
  updatedAt: string;
  finalScore: number | null;
  rank: number | null;
  recognitionNumber: string | null;
}

export type Kpis = Partial<Record<KpiCode, KpiValue>>;

export interface Attachment {
  id: string;
  applicationId: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: number | null;
  uploadedAt: string;
}

export interface HistoryEntry {
  move: ApplicationMove;
  fromState: ApplicationState;
  toState: ApplicationState;
  reason: string | null;
  actorRole: string | null;
  actorName: string | null;
  at: string;
}

export interface Benchmark {
  value: number | null;
  target: number;
  met: boolean | null;
}

export interface ApplicationDetail extends ApplicationSummary {
  projectDescription: string;
  serviceProviderName: string;
  incidentFreeDeclared: boolean;
  kpis: Kpis;
  kpiChanges: Partial<Record<KpiCode, number | null>>;
  requiredKpis: KpiCode[];
  benchmarks: { cncRate: Benchmark; operatingCost: Benchmark; productivity: Benchmark };
  gates: GateReport;
  allowedMoves: ApplicationMove[];
  history: HistoryEntry[];
  attachments: Attachment[];
  noticeId: number | null;
  scoreSpread: Spread | null;
}

/** What the enterprise edits; every field optional so autosave sends only what changed. */
export interface ApplicationEdit {
  projectName?: string;
  projectDescription?: string;
  serviceProviderName?: string;
  incidentFreeDeclared?: boolean;
  kpis?: Kpis;
}

export interface ApplicationListQuery {
  page: number;
  pageSize: number;
  programmeId?: number;
  state?: ApplicationState;
  districtCode?: string;
}

const base = '/api/recognition';

export const fetchProgrammes = (q: { year?: number; kind?: RecognitionKind; level?: RecognitionLevel } = {}) =>
  api<{ items: Programme[] }>(`${base}/programmes${queryString(q)}`).then((r) => r.items);
export const fetchProgramme = (id: number) => api<Programme>(`${base}/programmes/${id}`);
export const createProgramme = (body: ProgrammeInput) => api<Programme>(`${base}/programmes`, { method: 'POST', body });
export const updateProgramme = (id: number, body: ProgrammeInput & { version: number }) =>
  api<Programme>(`${base}/programmes/${id}`, { method: 'PUT', body });
export const fetchGates = (programmeId: number, incidentFreeDeclared: boolean) =>
  api<GateReport>(`${base}/programmes/${programmeId}/gates${queryString({ incidentFreeDeclared })}`);

export const fetchApplications = (q: ApplicationListQuery, signal?: AbortSignal) =>
  api<{ items: ApplicationSummary[]; total: number }>(`${base}/applications${queryString({ ...q })}`, { signal });
export const fetchApplication = (id: number) => api<ApplicationDetail>(`${base}/applications/${id}`);
export const createApplication = (programmeId: number) =>
  api<ApplicationDetail>(`${base}/applications`, { method: 'POST', body: { programmeId } });
export const saveApplication = (id: number, version: number, edit: ApplicationEdit) =>
  api<ApplicationDetail>(`${base}/applications/${id}`, { method: 'PUT', body: { version, ...edit } });
export const moveApplication = (id: number, move: ApplicationMove, version: number, reason?: string) =>
  api<ApplicationDetail>(`${base}/applications/${id}/moves`, { method: 'POST', body: { move, version, ...(reason ? { reason } : {}) } });

export const attachmentUploadPath = (applicationId: number) => `${base}/applications/${applicationId}/attachments`;
export const downloadAttachment = (file: Attachment) => downloadFile(`${base}/attachments/${encodeURIComponent(file.id)}`, file.fileName);
export const deleteAttachment = (file: Attachment) => api(`${base}/attachments/${encodeURIComponent(file.id)}`, { method: 'DELETE' });
