import type { Aggregate, Indicator } from '@zhizao/domain';
import { api, queryString } from '../../app/api/client.ts';
import type { ApplicationDetail, ApplicationSummary, Spread } from './api.ts';

// Experts, panels, score sheets, the shortlist, public notices, objections and the working-day calendar
// (API-NOTES.md "Experts, panels, scores" and "Shortlist, notice, objections").

export interface Tie {
  id: number;
  expertUserId: number;
  enterpriseId: number | null;
  enterpriseName: string | null;
  providerName: string | null;
  note: string | null;
  createdAt: string;
}
export interface Expert {
  userId: number;
  username: string;
  displayName: string;
  ties: Tie[];
}
export interface PanelMember {
  expertUserId: number;
  displayName: string;
  status: 'assigned' | 'submitted';
  total: number | null;
  scores: Record<string, number> | null;
  comment: string | null;
  submittedAt: string | null;
}
/** A member a conflict tie recorded after the panel formed took off it. */
export interface WithdrawnMember {
  expertUserId: number;
  displayName: string;
  tie: string | null;
  withdrawnAt: string | null;
  hadSubmitted: boolean;
}
export interface Panel {
  members: PanelMember[];
  withdrawn: WithdrawnMember[];
  aggregate: Aggregate | null;
}

export interface Assignment {
  applicationId: number;
  programme: ApplicationSummary['programme'];
  enterpriseName: string;
  projectName: string;
  state: ApplicationSummary['state'];
  myStatus: 'assigned' | 'submitted';
  myTotal: number | null;
}
export interface Sheet {
  scores: Record<string, number | null>;
  comment: string | null;
  status: 'assigned' | 'submitted';
  total: number | null;
  version: number;
}
export interface AssignmentDetail {
  application: ApplicationDetail;
  indicators: Indicator[];
  sheet: Sheet;
  /** The other experts' totals: null until the caller has submitted. */
  others: { displayName: string; total: number | null; submittedAt: string | null }[] | null;
}

export interface ShortlistItem {
  rank: number;
  applicationId: number;
  enterpriseName: string;
  districtCode: string;
  projectName: string;
  state: ApplicationSummary['state'];
  score: number;
  spread: Spread;
}

export interface NoticeItem {
  applicationId: number;
  enterpriseName: string;
  projectName: string;
  districtName: string;
  score: number | null;
  rank: number | null;
  state: ApplicationSummary['state'];
}
export type NoticeStatus = 'upcoming' | 'open' | 'ended';
export interface Notice {
  id: number;
  programmeId: number;
  title: string;
  startsOn: string;
  endsOn: string;
  workingDays: number;
  publishedAt: string;
  status: NoticeStatus;
  items: NoticeItem[];
}
export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';
export interface Objection {
  id: number;
  noticeId: number;
  applicationId: number | null;
  reference: string;
  objectorName: string;
  objectorIdNumber: string;
  contact: string;
  text: string;
  receivedOn: string;
  filedAt: string;
  channel: 'online' | 'paper';
  status: ObjectionStatus;
  outcome: string | null;
  handledAt: string | null;
}
export interface PaperObjection {
  applicationId?: number;
  objectorName: string;
  objectorIdNumber: string;
  contact: string;
  text: string;
  receivedOn: string;
}
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

const base = '/api/recognition';

export const fetchExperts = () => api<{ items: Expert[] }>(`${base}/experts`).then((r) => r.items);
export const addTie = (userId: number, body: { enterpriseId?: number; providerName?: string; note?: string }) =>
  api<Tie>(`${base}/experts/${userId}/ties`, { method: 'POST', body });
export const deleteTie = (tieId: number) => api(`${base}/experts/ties/${tieId}`, { method: 'DELETE' });
export const fetchPanel = (applicationId: number) => api<Panel>(`${base}/applications/${applicationId}/panel`);
export const savePanel = (applicationId: number, expertUserIds: number[]) =>
  api<Panel>(`${base}/applications/${applicationId}/panel`, { method: 'PUT', body: { expertUserIds } });

export const fetchAssignments = () => api<{ items: Assignment[] }>(`${base}/expert/assignments`).then((r) => r.items);
export const fetchAssignment = (applicationId: number) => api<AssignmentDetail>(`${base}/expert/assignments/${applicationId}`);
export const saveSheet = (applicationId: number, version: number, scores: Record<string, number>, comment?: string) =>
  api<Sheet>(`${base}/expert/assignments/${applicationId}`, {
    method: 'PUT',
    body: { version, scores, ...(comment !== undefined ? { comment } : {}) },
  });
export const submitSheet = (applicationId: number, version: number) =>
  api<Sheet>(`${base}/expert/assignments/${applicationId}/submit`, { method: 'POST', body: { version } });

export const fetchShortlist = (programmeId: number) =>
  api<{ items: ShortlistItem[] }>(`${base}/programmes/${programmeId}/shortlist`).then((r) => r.items);
export const publishNotice = (
  programmeId: number,
  body: { applicationIds: number[]; startsOn?: string; workingDays?: number; title?: string },
) => api<Notice>(`${base}/programmes/${programmeId}/notices`, { method: 'POST', body });
export const fetchNotices = () => api<{ items: Notice[] }>(`${base}/notices`).then((r) => r.items);
export const fetchNotice = (id: number) => api<Notice & { objections: Objection[] }>(`${base}/notices/${id}`);
export const recordObjection = (noticeId: number, body: PaperObjection) =>
  api<Objection>(`${base}/notices/${noticeId}/objections`, { method: 'POST', body });
export const handleObjection = (id: number, outcome: 'upheld' | 'dismissed', note: string) =>
  api<Objection>(`${base}/objections/${id}/handle`, { method: 'POST', body: { outcome, note } });

export const fetchCalendar = (year: number) => api<{ days: CalendarDay[] }>(`${base}/calendar${queryString({ year })}`).then((r) => r.days);
export const setCalendarDay = (date: string, kind: CalendarDay['kind'], name: string) =>
  api(`${base}/calendar/${date}`, { method: 'PUT', body: { kind, name } });
export const deleteCalendarDay = (date: string) => api(`${base}/calendar/${date}`, { method: 'DELETE' });
export const fetchEndDate = (start: string, days: number) =>
  api<{ startsOn: string; endsOn: string; workingDays: number }>(`${base}/calendar/end-date${queryString({ start, days })}`);
