import type { EntryValues } from '@zhizao/domain';
import { api, queryString, type QueryValue } from '../../app/api/client.ts';
import { downloadFile, uploadFile } from '../../app/api/files.ts';
import type { Page } from '../registry/api.ts';

// The registers' API (packages/server/src/modules/registers/engine/routes.ts), the same for every register.

export interface Entry {
  id: number;
  version: number;
  enterpriseId: number | null;
  enterpriseName: string | null;
  districtCode: string | null;
  title: string;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

export type EntryFilter = Record<string, QueryValue>;

export interface Correction {
  id: number;
  register: string;
  entryId: number;
  entryTitle: string | null;
  enterpriseId: number;
  districtCode: string | null;
  changes: EntryValues;
  current: EntryValues;
  reason: string;
  status: 'pending' | 'accepted' | 'rejected';
  decisionNote: string | null;
  decidedAt: string | null;
  createdAt: string;
}

const base = (key: string) => `/api/registers/${key}`;

export const fetchEntries = (key: string, query: EntryFilter & { page: number; pageSize: number }, signal?: AbortSignal) =>
  api<Page<Entry>>(`${base(key)}${queryString(query)}`, { signal });
export const fetchEntry = (key: string, id: number) => api<Entry>(`${base(key)}/${id}`);
export const createEntry = (key: string, values: EntryValues, confirmWarnings: boolean) =>
  api<Entry>(base(key), { method: 'POST', body: { ...values, confirmWarnings } });
export const updateEntry = (key: string, id: number, values: EntryValues, version: number, confirmWarnings: boolean) =>
  api<Entry>(`${base(key)}/${id}`, { method: 'PUT', body: { ...values, version, confirmWarnings } });
export const deleteEntry = (key: string, id: number) => api<{ ok: boolean }>(`${base(key)}/${id}`, { method: 'DELETE' });
export const exportEntries = (key: string, filter: EntryFilter) =>
  downloadFile(`${base(key)}/export.xlsx${queryString(filter)}`, `${key}.xlsx`);
export const downloadTemplate = (key: string) => downloadFile(`${base(key)}/template.xlsx`, `${key}-template.xlsx`);
export const uploadEntries = (key: string, file: File, confirmWarnings: boolean, onProgress: (percent: number) => void) =>
  uploadFile<{ imported: number }>(`${base(key)}/import${confirmWarnings ? '?confirmWarnings=true' : ''}`, file, onProgress);

export const proposeCorrection = (key: string, id: number, changes: EntryValues, reason: string) =>
  api<Correction>(`${base(key)}/${id}/corrections`, { method: 'POST', body: { changes, reason } });
export const fetchCorrections = (query: { status?: string; register?: string }) =>
  api<{ items: Correction[] }>(`/api/registers/corrections${queryString(query)}`);
export const decideCorrection = (id: number, body: { accept: boolean; note?: string; confirmWarnings?: boolean }) =>
  api<Correction>(`/api/registers/corrections/${id}/decide`, { method: 'POST', body });
