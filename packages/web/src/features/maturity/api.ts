import { downloadFile } from '../../app/api/files.ts';
import type { Bilingual, Level, MaturityResult, ModelVersion } from '@zhizao/domain';
import { api, queryString } from '../../app/api/client.ts';

// The maturity API (packages/server/src/modules/maturity/routes.ts), typed as the pages use it.

export type AnswerValue = 1 | 0.8 | 0.5 | 0;
export type Status = 'draft' | 'submitted';

export interface ModelSummary {
  id: string;
  name: Bilingual;
  status: string;
  provisional: boolean;
  requirementCount: number;
}

export interface Requirement {
  id: string;
  subDomainCode: string;
  level: Level;
  text: Bilingual;
  evidence: Bilingual;
  advice: Bilingual;
  sortOrder: number;
  active: boolean;
}

export interface ModelView {
  id: string;
  definition: ModelVersion;
  requirements: Requirement[];
}

export interface AssessmentSummary {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  districtCode: string | null;
  modelVersion: string;
  manufacturingType: 'discrete' | 'process';
  targetLevel: Level;
  status: Status;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  reachedLevel: number | null;
  totalScore: number | null;
}

export interface StoredAnswer {
  requirementId: string;
  value: AnswerValue | null;
  naReason?: string | null;
  note?: string | null;
}

export interface Progress {
  items: number;
  answered: number;
  byDomain: Record<string, { items: number; answered: number }>;
}

export interface AssessmentDetail extends AssessmentSummary {
  /** 'summary' for the bureau until the enterprise shares: no answers, level and score only. */
  access: 'full' | 'summary';
  answers: StoredAnswer[];
  progress: Progress;
  result: MaturityResult;
}

export interface AnswerInput {
  requirementId: string;
  value: AnswerValue | null;
  naReason?: string;
  note?: string;
}

export interface Gap {
  requirementId: string;
  level: Level;
  domainName: string;
  subDomainName: string;
  text: string;
  advice: string;
  /** The answer now; null when unanswered (not-applicable items are no gaps). */
  value: number | null;
  gain: number;
  projectedScore: number;
}

export interface Advice {
  reachedLevel: number;
  targetLevel: Level | null;
  targetLevelName: string | null;
  currentScore: number | null;
  threshold: number;
  reachesThresholdAfter: number | null;
  gaps: Gap[];
}

export interface AssessmentListQuery {
  page: number;
  pageSize: number;
  status?: Status;
  districtCode?: string;
  modelVersion?: string;
}

const base = '/api/maturity';

export const fetchModels = () => api<{ items: ModelSummary[] }>(`${base}/models`).then((r) => r.items);
export const fetchModel = (id: string) => api<ModelView>(`${base}/models/${encodeURIComponent(id)}`);
export const fetchAssessments = (q: AssessmentListQuery, signal?: AbortSignal) =>
  api<{ items: AssessmentSummary[]; total: number }>(`${base}/assessments${queryString({ ...q })}`, { signal });
export const fetchAssessment = (id: number) => api<AssessmentDetail>(`${base}/assessments/${id}`);
export const fetchAdvice = (id: number) => api<Advice>(`${base}/assessments/${id}/advice`);
export const createAssessment = (body: { modelVersion?: string; targetLevel: number }) =>
  api<AssessmentSummary>(`${base}/assessments`, { method: 'POST', body });
export const saveAnswers = (id: number, version: number, answers: AnswerInput[]) =>
  api<{ version: number; progress: Progress }>(`${base}/assessments/${id}/answers`, { method: 'PUT', body: { version, answers } });
export const submitAssessment = (id: number, version: number) =>
  api<AssessmentSummary>(`${base}/assessments/${id}/submit`, { method: 'POST', body: { version } });

/** Whether the enterprise has shared the full report with the bureau (from the report route). */
export const fetchSharing = (id: number) =>
  api<{ shared: boolean; sharedAt: string | null }>(`${base}/assessments/${id}/report`).then(({ shared, sharedAt }) => ({
    shared,
    sharedAt,
  }));
export const setReportShared = (id: number, shared: boolean) =>
  api(`${base}/assessments/${id}/share`, { method: shared ? 'POST' : 'DELETE', body: shared ? {} : undefined });
export const downloadReport = (id: number, format: 'docx' | 'pdf') =>
  downloadFile(`${base}/assessments/${id}/report.${format}`, `maturity-report-${id}.${format}`);

// ── expert review (issue 3 part 6; packages/server/src/modules/maturity/expert.routes.ts) ──

export interface ExpertReview {
  id: number;
  assessmentId: number;
  enterpriseId: number;
  enterpriseName: string;
  districtCode: string;
  expertUserId: number;
  expertName: string;
  status: 'assigned' | 'submitted';
  version: number;
  assignedAt: string;
  updatedAt: string;
  submittedAt: string | null;
  verifiedLevel: number | null;
  verifiedScore: number | null;
}
export interface ExpertReviewListItem extends ExpertReview {
  modelVersion: string;
  manufacturingType: string;
  selfLevel: number | null;
  selfScore: number | null;
}
export interface Difference {
  requirementId: string;
  level: number;
  domainCode: string;
  subDomainCode: string;
  text: string;
  selfValue: number | null;
  expertValue: number | null;
  note: string | null;
  impact: number;
}
export interface LevelAndScore {
  reachedLevel: number;
  totalScore: number;
  submittedAt: string | null;
}
export interface ExpertReviewDetail {
  assessment: AssessmentSummary;
  review: ExpertReview;
  selfAssessed: LevelAndScore;
  verified: LevelAndScore | null;
  selfResult: MaturityResult;
  verifiedResult: MaturityResult;
  progress: Progress;
  answers: StoredAnswer[];
  selfAnswers: StoredAnswer[];
  differences: Difference[];
}

export const fetchExpertReviews = (q: { page: number; pageSize: number; status?: 'assigned' | 'submitted' }, signal?: AbortSignal) =>
  api<{ items: ExpertReviewListItem[]; total: number }>(`${base}/expert-reviews${queryString({ ...q })}`, { signal });
export const fetchExpertReview = (id: number) => api<ExpertReviewDetail>(`${base}/assessments/${id}/expert-review`);
export const assignExpert = (id: number, expertUserId: number) =>
  api<ExpertReview>(`${base}/assessments/${id}/expert-review`, { method: 'POST', body: { expertUserId } });
export const saveExpertAnswers = (id: number, version: number, answers: AnswerInput[]) =>
  api<{ version: number; progress: Progress }>(`${base}/assessments/${id}/expert-review/answers`, {
    method: 'PUT',
    body: { version, answers },
  });
export const submitExpertReview = (id: number, version: number) =>
  api<ExpertReview>(`${base}/assessments/${id}/expert-review/submit`, { method: 'POST', body: { version } });
