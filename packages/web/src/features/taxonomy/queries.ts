import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { registryKeys } from '../registry/queries.ts';
import { fetchTaxonomyUsage } from './api.ts';

// Under the taxonomy's key, so one invalidation refreshes both the entries and their counts.
const usageKey = [...registryKeys.taxonomy, 'usage'] as const;

export const useTaxonomyUsage = () => useQuery({ queryKey: usageKey, queryFn: fetchTaxonomyUsage });

/**
 * Any change to the taxonomy: run it, then re-read it everywhere (filters, enterprise forms, this page).
 * A refused change re-reads too: a refusal may mean someone else changed or used the entry meanwhile.
 */
export function useTaxonomyChange<V>(change: (v: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSettled: () => queryClient.invalidateQueries({ queryKey: registryKeys.taxonomy }) });
}
