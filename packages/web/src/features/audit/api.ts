import { api, queryString } from '../../app/api/client.ts';
import type { Page } from '../registry/api.ts';

/** One audit entry as GET /api/audit returns it (packages/server/src/modules/audit/routes.ts). */
export interface AuditEntry {
  seq: number;
  at: string;
  actorUserId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  prevHash: string;
  hash: string;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: string;
  to?: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  problem: 'missing' | 'brokenLink' | 'altered' | null;
}

export const fetchAudit = (query: AuditQuery) => api<Page<AuditEntry>>(`/api/audit${queryString({ ...query })}`);
export const verifyAudit = () => api<AuditVerification>('/api/audit/verify');
