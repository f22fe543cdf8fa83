import { MANUFACTURING_TYPES, SIZE_CLASSES, type ManufacturingType, type SizeClass } from '@zhizao/domain';
import type { EnterpriseListQuery, EnterpriseSort } from './api.ts';

// The list's state lives in the URL, so a filtered view can be bookmarked, shared and reloaded.
export const DEFAULT_PAGE_SIZE = 20;
const SORTS: readonly EnterpriseSort[] = ['name', 'createdAt', 'updatedAt', 'creditCode'];
const STATUSES = ['active', 'archived', 'all'] as const;

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
const text = (value: string | null) => (value && value.trim() ? value.trim() : undefined);
const positive = (value: string | null, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export function queryFromSearch(search: URLSearchParams): EnterpriseListQuery {
  return {
    q: text(search.get('q')),
    districtCode: text(search.get('districtCode')),
    chainCode: text(search.get('chainCode')),
    clusterCode: text(search.get('clusterCode')),
    sizeClass: oneOf<SizeClass>(SIZE_CLASSES, search.get('sizeClass')),
    manufacturingType: oneOf<ManufacturingType>(MANUFACTURING_TYPES, search.get('manufacturingType')),
    status: oneOf(STATUSES, search.get('status')),
    page: positive(search.get('page'), 1),
    pageSize: Math.min(positive(search.get('pageSize'), DEFAULT_PAGE_SIZE), 200),
    sort: oneOf(SORTS, search.get('sort')),
    order: oneOf(['asc', 'desc'] as const, search.get('order')),
  };
}

/** The URL for a query: defaults are left out so plain views keep plain URLs. */
export function searchFromQuery(query: EnterpriseListQuery): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === DEFAULT_PAGE_SIZE) continue;
    search.set(key, String(value));
  }
  return search;
}

/** The filter part of a query, without paging and sorting: what the export takes. */
export function filterOf({ page: _p, pageSize: _s, sort: _o, order: _d, ...filter }: EnterpriseListQuery) {
  return filter;
}
