import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { fetchCorrections, fetchEntries, fetchEntry, type EntryFilter } from './api.ts';

export const registerKeys = {
  all: ['registers'] as const,
  list: (key: string, query: object) => ['registers', key, 'list', query] as const,
  entry: (key: string, id: number) => ['registers', key, 'entry', id] as const,
  corrections: (query: object) => ['registers', 'corrections', query] as const,
};

export const useEntries = (key: string, query: EntryFilter & { page: number; pageSize: number }, enabled = true) =>
  useQuery({
    queryKey: registerKeys.list(key, query),
    queryFn: ({ signal }) => fetchEntries(key, query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useEntry = (key: string, id: number | null) =>
  useQuery({ queryKey: registerKeys.entry(key, id ?? 0), queryFn: () => fetchEntry(key, id!), enabled: id !== null });

export const useCorrections = (query: { status?: string; register?: string }) =>
  useQuery({ queryKey: registerKeys.corrections(query), queryFn: () => fetchCorrections(query) });

/** After a write: every register list, entry and correction is read again. */
export function useInvalidateRegisters() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: registerKeys.all }), [client]);
}
