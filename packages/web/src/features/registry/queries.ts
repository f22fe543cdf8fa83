import type { EnterpriseInput } from '@zhizao/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createEnterprise,
  fetchEnterprise,
  fetchEnterprises,
  fetchRegistryStats,
  fetchTaxonomy,
  setEnterpriseArchived,
  updateEnterprise,
  type EnterpriseListQuery,
} from './api.ts';

export const registryKeys = {
  all: ['registry'] as const,
  list: (query: EnterpriseListQuery) => ['registry', 'list', query] as const,
  detail: (id: number) => ['registry', 'enterprise', id] as const,
  stats: ['registry', 'stats'] as const,
  taxonomy: ['taxonomy'] as const,
};

export function useEnterprises(query: EnterpriseListQuery) {
  // Keeping the previous page on screen while the next one loads stops the table from flashing.
  return useQuery({
    queryKey: registryKeys.list(query),
    queryFn: ({ signal }) => fetchEnterprises(query, signal),
    placeholderData: keepPreviousData,
  });
}

export const useEnterprise = (id: number) =>
  useQuery({ queryKey: registryKeys.detail(id), queryFn: () => fetchEnterprise(id), enabled: id > 0 });

// Districts, chains and clusters change rarely; one read per visit is plenty.
export const useTaxonomy = () => useQuery({ queryKey: registryKeys.taxonomy, queryFn: fetchTaxonomy, staleTime: 10 * 60_000 });

export const useRegistryStats = () => useQuery({ queryKey: registryKeys.stats, queryFn: fetchRegistryStats });

/** Every registry read may be stale after a write: lists, details and the home page's counts. */
function useInvalidateRegistry() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: registryKeys.all });
}

export function useSaveEnterprise() {
  const invalidate = useInvalidateRegistry();
  return useMutation({
    mutationFn: (v: { id?: number; version?: number; input: EnterpriseInput }) =>
      v.id ? updateEnterprise(v.id, v.input, v.version ?? 0) : createEnterprise(v.input),
    onSuccess: invalidate,
  });
}

export function useSetArchived() {
  const invalidate = useInvalidateRegistry();
  return useMutation({
    mutationFn: (v: { id: number; archived: boolean }) => setEnterpriseArchived(v.id, v.archived),
    onSuccess: invalidate,
  });
}

/** For the import wizard: after a commit, lists and counts must show the new rows. */
export const useRegistryInvalidation = useInvalidateRegistry;
