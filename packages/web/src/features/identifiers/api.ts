import type { HandleValue, PrefixAction, PrefixStatus, TemplateDefinition } from '@zhizao/domain';
import { api, queryString } from '../../app/api/client.ts';
import { downloadFile, uploadFile } from '../../app/api/files.ts';

// The node's web-facing JSON routes (/api/identifiers, session + CSRF), as API-NOTES.md in the worktree describes them.

export interface NodeInfo {
  nodePrefix: string;
  /** The node prefix is a demo value, not a nationally allocated one. */
  demoPrefix: boolean;
  totals: { registrations: number; resolutions: number; enterprises: number };
}

export interface Prefix {
  prefix: string;
  enterpriseId: number;
  enterpriseName: string;
  creditCode: string;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  purpose: string | null;
  status: PrefixStatus;
  appliedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  version: number;
  identifierCount?: number;
}

export interface PrefixApplication {
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
  purpose: string;
}

export interface ApiKey {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface TemplateSummary {
  prefix: string;
  version: string;
  createdAt: string;
  itemCount: number;
  description?: string;
}

export type TemplateInput = Omit<TemplateDefinition, 'prefix'>;

export interface IdentifierSummary {
  handle: string;
  templateVersion: string | null;
  updatedAt: string;
  valueCount: number;
}

export interface IdentifierRecord {
  handle: string;
  prefix: string;
  templateVersion: string | null;
  values: HandleValue[];
  createdAt: string;
  updatedAt: string;
  /** False when the caller sees the public values only. */
  complete: boolean;
}

/** A value as registration takes it (domain HandleValueInput): plain-string data, permissions from the template item. */
export interface ValueInput {
  index: number;
  type: string;
  data: string;
  permissions?: string;
}

export interface UploadJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  registered: number;
  errors: { row: number; handle: string | null; message: string }[];
  fileName: string;
  createdAt: string;
  finishedAt: string | null;
}

export interface DailyStats {
  days: { day: string; registrations: number; resolutions: number }[];
  byEnterprise: {
    enterpriseId: number;
    enterpriseName: string;
    creditCode: string;
    prefix: string | null;
    registrations: number;
    resolutions: number;
  }[];
  totals: { registrations: number; resolutions: number };
}

export interface Paged<T> {
  items: T[];
  total: number;
}

const base = '/api/identifiers';
const enc = encodeURIComponent;

export const fetchNode = () => api<NodeInfo>(`${base}/node`);

export const fetchPrefixes = (q: { status?: PrefixStatus; page: number; pageSize: number }, signal?: AbortSignal) =>
  api<Paged<Prefix>>(`${base}/prefixes${queryString({ ...q })}`, { signal });
export const applyForPrefix = (input: PrefixApplication) => api<Prefix>(`${base}/prefixes`, { method: 'POST', body: input });
export const decidePrefix = (prefix: string, body: { action: PrefixAction; note?: string; version: number }) =>
  api<Prefix>(`${base}/prefixes/${enc(prefix)}/decision`, { method: 'POST', body });

export const fetchApiKeys = () => api<{ items: ApiKey[] }>(`${base}/api-keys`);
export const createApiKey = (label: string) =>
  api<{ id: string; secret: string; label: string }>(`${base}/api-keys`, { method: 'POST', body: { label } });
export const revokeApiKey = (id: string) => api<unknown>(`${base}/api-keys/${enc(id)}`, { method: 'DELETE' });

/** Template versions, newest first. */
/** A read grant: the grantee enterprise sees the non-public values of every identifier under the prefix. */
export interface Grant {
  prefix: string;
  granteeEnterpriseId: number;
  granteeName: string;
  createdAt: string;
}

export const fetchGrants = () => api<{ items: Grant[] }>(`${base}/grants`);
export const createGrant = (body: { prefix: string; granteeCreditCode: string }) => api<Grant>(`${base}/grants`, { method: 'POST', body });
export const removeGrant = (g: Grant) => api<unknown>(`${base}/grants/${enc(g.prefix)}/${g.granteeEnterpriseId}`, { method: 'DELETE' });

export const fetchTemplates = async (prefix: string) => {
  const { items } = await api<{ items: TemplateSummary[] }>(`${base}/prefixes/${enc(prefix)}/templates`);
  return { items: [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
};
export const fetchTemplate = (prefix: string, version: string) =>
  api<TemplateDefinition>(`${base}/prefixes/${enc(prefix)}/templates/${enc(version)}`);
export const createTemplate = (prefix: string, input: TemplateInput) =>
  api<TemplateDefinition>(`${base}/prefixes/${enc(prefix)}/templates`, { method: 'POST', body: input });

export const fetchIdentifiers = (prefix: string, q: { q?: string; page: number; pageSize: number }, signal?: AbortSignal) =>
  api<Paged<IdentifierSummary> & { totalCapped: boolean }>(`${base}/prefixes/${enc(prefix)}/identifiers${queryString({ ...q })}`, {
    signal,
  });
export const fetchRecord = (handle: string) => api<IdentifierRecord>(`${base}/record${queryString({ handle })}`);
export const registerIdentifier = (body: { handle: string; templateVersion: string; values: ValueInput[] }) =>
  api<{ created: number; replaced: number; unchanged: number }>(`${base}/records`, { method: 'POST', body });

/** Sends the file with its prefix and template version; the server registers in the background and reports through the job. */
export const startUpload = (file: File, fields: { prefix: string; templateVersion: string }, onProgress: (percent: number) => void) =>
  uploadFile<{ jobId: string }>(`${base}/uploads`, file, onProgress, fields);
export const fetchUploadJob = (id: string) => api<UploadJob>(`${base}/uploads/${enc(id)}`);
export const downloadUploadTemplate = (prefix: string, version: string) =>
  downloadFile(`${base}/uploads/template.csv${queryString({ prefix, version })}`, `identifiers-${prefix}-${version}.csv`);

export const fetchDailyStats = (q: { from?: string; to?: string }) => api<DailyStats>(`${base}/stats${queryString({ ...q })}`);
export const downloadStatsExport = (format: 'json' | 'csv', q: { from?: string; to?: string }) =>
  downloadFile(`${base}/stats/export${queryString({ format, ...q })}`, `identifier-statistics.${format}`);
