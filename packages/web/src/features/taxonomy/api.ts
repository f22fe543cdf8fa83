import { api } from '../../app/api/client.ts';

// The bureau's administration of the taxonomy (packages/server/src/modules/registry/taxonomy.routes.ts).
// Reading it is GET /api/registry/taxonomy, in ../registry/api.ts.

/** Chains and clusters are created and deleted; districts are only renamed (their codes are fixed). */
export type TaxonomyKind = 'chains' | 'clusters' | 'districts';
export type CreatableKind = Exclude<TaxonomyKind, 'districts'>;

export interface EntryNames {
  nameZh: string;
  nameEn: string;
}

/** What the entry form sends: a new entry's code, and a cluster's chain. */
export interface EntryInput extends EntryNames {
  code: string;
  chainCode?: string | null;
}

/** Enterprises per code, archived ones included: what blocks a deletion. */
export interface TaxonomyUsage {
  districts: Record<string, number>;
  chains: Record<string, number>;
  clusters: Record<string, number>;
}

const path = (kind: TaxonomyKind, code?: string) => `/api/registry/${kind}${code === undefined ? '' : `/${encodeURIComponent(code)}`}`;

/** The body each kind accepts: a cluster names its chain; a district only its names. */
function bodyOf(kind: TaxonomyKind, input: EntryInput, withCode: boolean) {
  const names = { nameZh: input.nameZh.trim(), nameEn: input.nameEn.trim() };
  const chain = kind === 'clusters' ? { chainCode: input.chainCode ?? null } : {};
  return withCode ? { code: input.code.trim(), ...names, ...chain } : { ...names, ...chain };
}

export const fetchTaxonomyUsage = () => api<TaxonomyUsage>('/api/registry/taxonomy/usage');
export const createEntry = (kind: CreatableKind, input: EntryInput) =>
  api<unknown>(path(kind), { method: 'POST', body: bodyOf(kind, input, true) });
export const updateEntry = (kind: TaxonomyKind, input: EntryInput) =>
  api<unknown>(path(kind, input.code), { method: 'PUT', body: bodyOf(kind, input, false) });
export const deleteEntry = (kind: CreatableKind, code: string) => api<{ ok: boolean }>(path(kind, code), { method: 'DELETE' });
