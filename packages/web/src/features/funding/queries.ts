import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  fetchAward,
  fetchAwards,
  fetchFunds,
  fetchPolicies,
  fetchProject,
  fetchProjects,
  fetchSampleDraws,
  moveAward,
  type AwardFilter,
  type MoveBody,
  type Policy,
  type ProjectFilter,
} from './api.ts';

export const fundingKeys = {
  all: ['funding'] as const,
  projects: (q: ProjectFilter & { page: number; pageSize: number }) => ['funding', 'projects', q] as const,
  project: (id: number) => ['funding', 'project', id] as const,
  awards: (q: AwardFilter & { page: number; pageSize: number }) => ['funding', 'awards', q] as const,
  award: (id: number) => ['funding', 'award', id] as const,
  funds: ['funding', 'funds'] as const,
  policies: (includeRetired: boolean) => ['funding', 'policies', includeRetired] as const,
  draws: (year?: number) => ['funding', 'draws', year ?? null] as const,
};

export const useProjects = (q: ProjectFilter & { page: number; pageSize: number }) =>
  useQuery({ queryKey: fundingKeys.projects(q), queryFn: ({ signal }) => fetchProjects(q, signal), placeholderData: keepPreviousData });
export const useProject = (id: number) => useQuery({ queryKey: fundingKeys.project(id), queryFn: () => fetchProject(id), enabled: id > 0 });
export const useAwards = (q: AwardFilter & { page: number; pageSize: number }, enabled = true) =>
  useQuery({
    queryKey: fundingKeys.awards(q),
    queryFn: ({ signal }) => fetchAwards(q, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useAward = (id: number) => useQuery({ queryKey: fundingKeys.award(id), queryFn: () => fetchAward(id), enabled: id > 0 });
export const useFunds = (enabled = true) => useQuery({ queryKey: fundingKeys.funds, queryFn: fetchFunds, enabled });
export const usePolicies = (includeRetired = false) =>
  useQuery({ queryKey: fundingKeys.policies(includeRetired), queryFn: () => fetchPolicies({ includeRetired }) });

/** The newest active version of each policy: what an application can be made under today. */
export function useCurrentPolicies() {
  const query = usePolicies();
  const data = useMemo(() => {
    const newest = new Map<string, Policy>();
    for (const p of query.data ?? []) if (p.status === 'active' && (newest.get(p.code)?.version ?? 0) < p.version) newest.set(p.code, p);
    return query.data ? [...newest.values()] : undefined;
  }, [query.data]);
  return { ...query, data };
}
export const useSampleDraws = (year?: number, enabled = true) =>
  useQuery({ queryKey: fundingKeys.draws(year), queryFn: () => fetchSampleDraws(year), enabled });

/** After any funding write every funding read may be stale: awards move money, envelopes and reports follow. */
export function useInvalidateFunding() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: fundingKeys.all });
}

export function useMoveAward(id: number) {
  const invalidate = useInvalidateFunding();
  return useMutation({ mutationFn: (body: MoveBody) => moveAward(id, body), onSuccess: invalidate });
}
