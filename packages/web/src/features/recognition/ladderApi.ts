import type { RecognitionKind, RecognitionLevel, ReevaluationOutcome, RevocationCause } from '@zhizao/domain';
import { api, queryString } from '../../app/api/client.ts';
import { downloadFile } from '../../app/api/files.ts';
import type { ApplicationSummary } from './api.ts';

// Recognitions and after: certificates, re-evaluation, revocation, upward recommendation, the ladder
// and the KPI view (API-NOTES.md "Recognitions and after", "Upward recommendation", "Ladder and KPIs").

export interface Recognition {
  id: number;
  recognitionNumber: string;
  enterpriseId: number;
  enterpriseName: string;
  districtCode: string;
  districtName: string;
  kind: RecognitionKind;
  level: RecognitionLevel;
  year: number;
  projectName: string;
  recognisedOn: string;
  status: 'active' | 'revoked';
  source: 'application' | 'recommendation' | 'record';
  applicationId: number | null;
  reevaluationDue: string;
  reevaluations: { evaluatedOn: string; outcome: ReevaluationOutcome; note: string | null }[];
  revocation: null | { revokedOn: string | null; cause: RevocationCause; note: string | null; banUntil: string | null };
}
export interface RecognitionQuery {
  page: number;
  pageSize: number;
  level?: RecognitionLevel;
  kind?: RecognitionKind;
  year?: number;
  status?: 'active' | 'revoked';
  districtCode?: string;
  enterpriseId?: number;
}

export type RecommendationOutcome = 'pending' | 'approved' | 'declined';
export interface Recommendation {
  id: number;
  targetLevel: 'provincial' | 'national';
  kind: RecognitionKind;
  year: number;
  createdAt: string;
  snapshotSm3: string;
  files: { name: string; kind: 'summary' | 'book-docx' | 'book-pdf' | 'data'; sm3: string; size: number }[];
  items: {
    rank: number;
    recognitionId: number;
    recognitionNumber: string;
    enterpriseId: number;
    enterpriseName: string;
    projectName: string;
    outcome: RecommendationOutcome;
    decidedOn: string | null;
    note: string | null;
    newRecognitionId: number | null;
  }[];
}

export interface LadderGroup {
  code: string;
  name: { zh: string; en: string };
  municipal: number;
  provincial: number;
  national: number;
}
export interface Ladder {
  totals: Record<RecognitionLevel, number>;
  groups: LadderGroup[];
}
export interface EnterpriseLadder {
  enterprise: { id: number; name: string };
  steps: { level: RecognitionLevel; recognitions: Recognition[] }[];
  applications: ApplicationSummary[];
  recommendations: {
    recommendationId: number;
    targetLevel: RecognitionLevel;
    createdAt: string;
    recognitionId: number;
    rank: number;
    outcome: RecommendationOutcome;
    decidedOn: string | null;
  }[];
}

export interface KpiItem {
  recognitionId: number;
  recognitionNumber: string;
  enterpriseName: string;
  districtCode: string;
  projectName: string;
  level: RecognitionLevel;
  kind: RecognitionKind;
  year: number;
  cncRate: number | null;
  operatingCostChange: number | null;
  productivityChange: number | null;
  met: { cncRate: boolean | null; operatingCost: boolean | null; productivity: boolean | null };
}
/** Of the recognised enterprises: how many reported the KPI, how many met the benchmark, the mean. */
export interface KpiShare {
  reported: number;
  met: number;
  mean: number | null;
}
export interface KpiView {
  benchmarks: { cncRate: number; operatingCostChange: number; productivityChange: number };
  summary: { n: number; cncRate: KpiShare; operatingCost: KpiShare; productivity: KpiShare };
  items: KpiItem[];
  showcases: KpiItem[];
}

const base = '/api/recognition';

export const fetchRecognitions = (q: RecognitionQuery, signal?: AbortSignal) =>
  api<{ items: Recognition[]; total: number }>(`${base}/recognitions${queryString({ ...q })}`, { signal });
export const downloadCertificate = (r: Recognition) =>
  downloadFile(`${base}/recognitions/${r.id}/certificate.pdf`, `${r.recognitionNumber}.pdf`);
export const reevaluate = (id: number, body: { outcome: ReevaluationOutcome; evaluatedOn?: string; note: string }) =>
  api<Recognition>(`${base}/recognitions/${id}/reevaluations`, { method: 'POST', body });
export const revoke = (id: number, body: { cause: RevocationCause; note: string; banUntil?: string }) =>
  api<Recognition>(`${base}/recognitions/${id}/revoke`, { method: 'POST', body });

export const fetchRecommendations = () => api<{ items: Recommendation[] }>(`${base}/recommendations`).then((r) => r.items);
export const createRecommendation = (body: {
  targetLevel: 'provincial' | 'national';
  kind: RecognitionKind;
  year: number;
  recognitionIds: number[];
}) => api<Recommendation>(`${base}/recommendations`, { method: 'POST', body });
export const downloadPackFile = (r: Recommendation, name: string) =>
  downloadFile(`${base}/recommendations/${r.id}/files/${encodeURIComponent(name)}`, name);
export const recordOutcome = (
  id: number,
  recognitionId: number,
  body: { outcome: 'approved' | 'declined'; decidedOn: string; recognitionNumber?: string; note?: string },
) => api<Recommendation>(`${base}/recommendations/${id}/items/${recognitionId}/outcome`, { method: 'POST', body });

export const fetchLadder = (groupBy: 'chain' | 'district', kind?: RecognitionKind) =>
  api<Ladder>(`${base}/ladder${queryString({ groupBy, kind })}`);
export const fetchEnterpriseLadder = (enterpriseId: number) => api<EnterpriseLadder>(`${base}/ladder/enterprises/${enterpriseId}`);
export const fetchKpis = (q: { level?: RecognitionLevel; kind?: RecognitionKind }) => api<KpiView>(`${base}/kpis${queryString(q)}`);
