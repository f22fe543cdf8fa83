import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
  useQuery({ queryKey: fundingKeys.awards(q), queryFn: ({ signal }) => fetchAwards(q, signal), placeholderData: keepPreviousData, enabled });
export const useAward = (id: number) => useQuery({ queryKey: fundingKeys.award(id), queryFn: () => fetchAward(id), enabled: id > 0 });
export const useFunds = (enabled = true) => useQuery({ queryKey: fundingKeys.funds, queryFn: fetchFunds, enabled });
export const usePolicies = (includeRetired = false) => useQuery({ queryKey: fundingKeys.policies(includeRetired), queryFn: () => fetchPolicies({ includeRetired }) });
export const useSampleDraws = (year?: number, enabled = true) => useQuery({ queryKey: fundingKeys.draws(year), queryFn: () => fetchSampleDraws(year), enabled });

/** After any funding write every funding read may be stale: awards move money, envelopes and reports follow. */
export function useInvalidateFunding() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: fundingKeys.all });
}

export function useMoveAward(id: number) {
  const invalidate = useInvalidateFunding();
  return useMutation({ mutationFn: (body: MoveBody) => moveAward(id, body), onSuccess: invalidate });
}
