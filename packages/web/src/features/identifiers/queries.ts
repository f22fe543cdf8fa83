import type { PrefixStatus } from '@zhizao/domain';
import { useCallback } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchApiKeys,
  fetchDailyStats,
  fetchGrants,
  fetchIdentifiers,
  fetchNode,
  fetchPrefixes,
  fetchRecord,
  fetchTemplate,
  fetchTemplates,
} from './api.ts';
import { fetchEvents, fetchMovements, fetchStock, fetchTrace, type EventFilter } from './traceApi.ts';

export const identifierKeys = {
  all: ['identifiers'] as const,
  node: ['identifiers', 'node'] as const,
  prefixes: (q: object) => ['identifiers', 'prefixes', q] as const,
  apiKeys: ['identifiers', 'api-keys'] as const,
  grants: ['identifiers', 'grants'] as const,
  templates: (prefix: string) => ['identifiers', 'templates', prefix] as const,
  template: (prefix: string, version: string) => ['identifiers', 'template', prefix, version] as const,
  list: (prefix: string, q: object) => ['identifiers', 'list', prefix, q] as const,
  record: (handle: string) => ['identifiers', 'record', handle] as const,
  stats: (q: object) => ['identifiers', 'stats', q] as const,
  events: (q: object) => ['identifiers', 'events', q] as const,
  stock: (q: object) => ['identifiers', 'stock', q] as const,
  movements: (q: object) => ['identifiers', 'movements', q] as const,
};

export const useNode = () => useQuery({ queryKey: identifierKeys.node, queryFn: fetchNode, staleTime: 5 * 60_000 });

export const usePrefixes = (q: { status?: PrefixStatus; page: number; pageSize: number }) =>
  useQuery({ queryKey: identifierKeys.prefixes(q), queryFn: ({ signal }) => fetchPrefixes(q, signal), placeholderData: keepPreviousData });

/** An enterprise's prefixes that take writes: the choice offered by the template, identifier and upload pages. */
export function useActivePrefixes() {
  const list = usePrefixes({ status: 'active', page: 1, pageSize: 100 });
  return { ...list, prefixes: (list.data?.items ?? []).map((p) => p.prefix) };
}

export const useApiKeys = () => useQuery({ queryKey: identifierKeys.apiKeys, queryFn: fetchApiKeys });
export const useGrants = () => useQuery({ queryKey: identifierKeys.grants, queryFn: fetchGrants });
export const useTemplates = (prefix: string | undefined) =>
  useQuery({ queryKey: identifierKeys.templates(prefix ?? ''), queryFn: () => fetchTemplates(prefix!), enabled: !!prefix });
export const useTemplate = (prefix: string | undefined, version: string | undefined) =>
  useQuery({
    queryKey: identifierKeys.template(prefix ?? '', version ?? ''),
    queryFn: () => fetchTemplate(prefix!, version!),
    enabled: !!prefix && !!version,
    staleTime: Infinity,
  });
export const useIdentifiers = (prefix: string | undefined, q: { q?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: identifierKeys.list(prefix ?? '', q),
    queryFn: ({ signal }) => fetchIdentifiers(prefix!, q, signal),
    enabled: !!prefix,
    placeholderData: keepPreviousData,
  });
export const useRecord = (handle: string | null) =>
  useQuery({ queryKey: identifierKeys.record(handle ?? ''), queryFn: () => fetchRecord(handle!), enabled: !!handle });
export const useDailyStats = (q: { from?: string; to?: string }) =>
  useQuery({ queryKey: identifierKeys.stats(q), queryFn: () => fetchDailyStats(q), placeholderData: keepPreviousData });

export const useEvents = (q: EventFilter & { page: number; pageSize: number }) =>
  useQuery({ queryKey: identifierKeys.events(q), queryFn: ({ signal }) => fetchEvents(q, signal), placeholderData: keepPreviousData });
export const useStock = (q: { location?: string; product?: string }) =>
  useQuery({ queryKey: identifierKeys.stock(q), queryFn: () => fetchStock(q), placeholderData: keepPreviousData });
export const useMovements = (q: { location?: string; product?: string; page: number; pageSize: number }) =>
  useQuery({ queryKey: identifierKeys.movements(q), queryFn: () => fetchMovements(q), placeholderData: keepPreviousData });

export const useTrace = (id: string) => useQuery({ queryKey: ['trace', id], queryFn: () => fetchTrace(id), enabled: !!id });

/** After any write, every identifier read may be stale: lists, counts, stock. */
export function useInvalidateIdentifiers() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: identifierKeys.all }), [queryClient]);
}
