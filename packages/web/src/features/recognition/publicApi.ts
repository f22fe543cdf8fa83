import type { RecognitionKind, RecognitionLevel } from '@zhizao/domain';
import { api, queryString } from '../../app/api/client.ts';
import type { NoticeStatus } from './reviewApi.ts';

// The public portal's reads and the real-name objection (no login; API-NOTES.md "Public"). Nothing
// private comes back: no credit codes, contacts, KPIs or objectors.

export interface PublicNotice {
  id: number;
  title: string;
  startsOn: string;
  endsOn: string;
  workingDays: number;
  status: NoticeStatus;
  items: {
    index: number;
    enterpriseName: string;
    projectName: string;
    districtName: string;
    kind: RecognitionKind;
    level: RecognitionLevel;
    score: number | null;
  }[];
}
export interface PublicObjection {
  applicationIndex?: number;
  objectorName: string;
  objectorIdNumber: string;
  contact: string;
  text: string;
}
export interface PublicRecognised {
  recognitionNumber: string;
  enterpriseName: string;
  projectName: string;
  kind: RecognitionKind;
  level: RecognitionLevel;
  year: number;
  districtName: string;
  recognisedOn: string;
}

const base = '/api/public/recognition';

export const fetchPublicNotices = () => api<{ items: PublicNotice[] }>(`${base}/notices`).then((r) => r.items);
export const fetchPublicNotice = (id: number) => api<PublicNotice>(`${base}/notices/${id}`);
export const fileObjection = (id: number, body: PublicObjection) =>
  api<{ reference: string; receivedOn: string }>(`${base}/notices/${id}/objections`, { method: 'POST', body });
export const fetchRecognised = (q: { level?: RecognitionLevel; kind?: RecognitionKind; year?: number; page: number; pageSize: number }) =>
  api<{ items: PublicRecognised[]; total: number; counts: Record<RecognitionLevel, number> }>(`${base}/recognised${queryString(q)}`);
