import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchEnterpriseOptions, fetchSecuritySettings, fetchUsers, saveSecuritySettings, type UserListQuery } from './api.ts';

export const accountKeys = {
  users: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
  security: ['settings', 'security'] as const,
  enterpriseOptions: (q: string) => ['enterprise-options', q] as const,
};

export const useUsers = (query: UserListQuery) =>
  useQuery({ queryKey: accountKeys.list(query), queryFn: () => fetchUsers(query), placeholderData: keepPreviousData });

/** Any change to an account: run it, then re-read the list. */
export function useUserChange<V, R>(change: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.users }) });
}

/** Enterprises matching what the security admin typed; the previous answer stays while the next loads. */
export const useEnterpriseOptions = (q: string) =>
  useQuery({
    queryKey: accountKeys.enterpriseOptions(q),
    queryFn: ({ signal }) => fetchEnterpriseOptions(q, signal),
    placeholderData: keepPreviousData,
  });

export const useSecuritySettings = () => useQuery({ queryKey: accountKeys.security, queryFn: fetchSecuritySettings });

export function useSaveSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSecuritySettings,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.security }),
  });
}
