import type { EnterpriseInput, ManufacturingType, SizeClass } from '@zhizao/domain';
import { api, queryString } from '../../app/api/client.ts';
import { downloadFile, uploadFile } from '../../app/api/files.ts';

/** An enterprise as the API shows it (packages/server/src/modules/registry/schemas.ts, enterpriseViewSchema). */
export interface EnterpriseView extends EnterpriseInput {
  id: number;
  archived: boolean;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
  canEdit: boolean;
  canArchive: boolean;
}

export type EnterpriseStatus = 'active' | 'archived' | 'all';
export type EnterpriseSort = 'name' | 'createdAt' | 'updatedAt' | 'creditCode';

/** The list's filters: the same names in the page URL, the list call and the export call. */
export interface EnterpriseFilter {
  q?: string;
  districtCode?: string;
  chainCode?: string;
  clusterCode?: string;
  sizeClass?: SizeClass;
  manufacturingType?: ManufacturingType;
  status?: EnterpriseStatus;
}

export interface EnterpriseListQuery extends EnterpriseFilter {
  page: number;
  pageSize: number;
  sort?: EnterpriseSort;
  order?: 'asc' | 'desc';
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TaxonomyEntry {
  code: string;
  nameZh: string;
  nameEn: string;
}
export interface Taxonomy {
  districts: (TaxonomyEntry & { kind: string })[];
  chains: (TaxonomyEntry & { isDemo: boolean })[];
  clusters: (TaxonomyEntry & { isDemo: boolean; chainCode: string | null })[];
}

export interface RegistryStats {
  enterprises: number;
  byDistrict: Record<string, number>;
  bySizeClass: Record<string, number>;
  byManufacturingType: Record<string, number>;
  byChain: Record<string, number>;
}

/** What the server found in an uploaded file, before anything is written. */
export interface ImportPreview {
  id: string;
  totalRows: number;
  validRows: number;
  /** All problems; `problems` may list only the first of them. */
  problemCount?: number;
  /** `column` is the sheet's column letter. */
  problems: { row: number; column: string | null; field: string; message: string }[];
}

export const fetchEnterprises = (query: EnterpriseListQuery, signal?: AbortSignal) =>
  api<Page<EnterpriseView>>(`/api/enterprises${queryString({ ...query })}`, { signal });
export const fetchEnterprise = (id: number) => api<EnterpriseView>(`/api/enterprises/${id}`);
export const fetchTaxonomy = () => api<Taxonomy>('/api/registry/taxonomy');
export const fetchRegistryStats = () => api<RegistryStats>('/api/registry/stats');

export const createEnterprise = (input: EnterpriseInput) => api<EnterpriseView>('/api/enterprises', { method: 'POST', body: input });
export const updateEnterprise = (id: number, input: EnterpriseInput, version: number) =>
  api<EnterpriseView>(`/api/enterprises/${id}`, { method: 'PUT', body: { ...input, version } });
export const setEnterpriseArchived = (id: number, archived: boolean) =>
  api<EnterpriseView>(`/api/enterprises/${id}/${archived ? 'archive' : 'restore'}`, { method: 'POST', body: {} });

export const exportEnterprises = (filter: EnterpriseFilter) =>
  downloadFile(`/api/enterprises/export.xlsx${queryString({ ...filter })}`, 'enterprises.xlsx');
export const downloadImportTemplate = () => downloadFile('/api/enterprises/import/template.xlsx', 'enterprise-import-template.xlsx');
export const uploadImport = (file: File, onProgress: (percent: number) => void) =>
  uploadFile<ImportPreview>('/api/enterprises/import', file, onProgress);
export const downloadImportErrors = (id: string) => downloadFile(`/api/enterprises/import/${id}/errors.xlsx`, 'import-problems.xlsx');
export const commitImport = (id: string) =>
  api<{ imported: number }>(`/api/enterprises/import/${id}/commit`, { method: 'POST', body: { mode: 'valid' } });
export const cancelImport = (id: string) => api<unknown>(`/api/enterprises/import/${id}`, { method: 'DELETE' });
