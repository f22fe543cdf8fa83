import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RecognitionKind, RecognitionLevel } from '@zhizao/domain';
import { fetchApplication, fetchApplications, fetchGates, fetchProgramme, fetchProgrammes, type ApplicationListQuery } from './api.ts';
import {
  fetchEnterpriseLadder,
  fetchKpis,
  fetchLadder,
  fetchRecognitions,
  fetchRecommendations,
  type RecognitionQuery,
} from './ladderApi.ts';
import {
  fetchAssignment,
  fetchAssignments,
  fetchCalendar,
  fetchExperts,
  fetchNotice,
  fetchNotices,
  fetchPanel,
  fetchShortlist,
} from './reviewApi.ts';

// Everything read by the recognition pages sits under one key prefix, so a move refreshes all of it.
export const recognitionKeys = {
  all: ['recognition'] as const,
  programmes: ['recognition', 'programmes'] as const,
  programme: (id: number) => ['recognition', 'programme', id] as const,
  gates: (programmeId: number, declared: boolean) => ['recognition', 'gates', programmeId, declared] as const,
  applications: (q: ApplicationListQuery) => ['recognition', 'applications', q] as const,
  application: (id: number) => ['recognition', 'application', id] as const,
  experts: ['recognition', 'experts'] as const,
  panel: (id: number) => ['recognition', 'panel', id] as const,
  assignments: ['recognition', 'assignments'] as const,
  assignment: (id: number) => ['recognition', 'assignment', id] as const,
  shortlist: (programmeId: number) => ['recognition', 'shortlist', programmeId] as const,
  notices: ['recognition', 'notices'] as const,
  notice: (id: number) => ['recognition', 'notice', id] as const,
  calendar: (year: number) => ['recognition', 'calendar', year] as const,
  recognitions: (q: RecognitionQuery) => ['recognition', 'recognitions', q] as const,
  recommendations: ['recognition', 'recommendations'] as const,
  ladder: (groupBy: string, kind?: string) => ['recognition', 'ladder', groupBy, kind ?? ''] as const,
  enterpriseLadder: (id: number) => ['recognition', 'ladder', 'enterprise', id] as const,
  kpis: (level?: string, kind?: string) => ['recognition', 'kpis', level ?? '', kind ?? ''] as const,
};

export const useProgrammes = () => useQuery({ queryKey: recognitionKeys.programmes, queryFn: () => fetchProgrammes() });
export const useProgramme = (id: number) =>
  useQuery({ queryKey: recognitionKeys.programme(id), queryFn: () => fetchProgramme(id), enabled: id > 0 });
export const useGates = (programmeId: number, declared: boolean, enabled: boolean) =>
  useQuery({
    queryKey: recognitionKeys.gates(programmeId, declared),
    queryFn: () => fetchGates(programmeId, declared),
    enabled: enabled && programmeId > 0,
    placeholderData: keepPreviousData,
  });
export const useApplications = (q: ApplicationListQuery) =>
  useQuery({
    queryKey: recognitionKeys.applications(q),
    queryFn: ({ signal }) => fetchApplications(q, signal),
    placeholderData: keepPreviousData,
  });
export const useApplication = (id: number) =>
  useQuery({ queryKey: recognitionKeys.application(id), queryFn: () => fetchApplication(id), enabled: id > 0 });

export const useExperts = (enabled = true) => useQuery({ queryKey: recognitionKeys.experts, queryFn: fetchExperts, enabled });
export const usePanel = (id: number, enabled: boolean) =>
  useQuery({ queryKey: recognitionKeys.panel(id), queryFn: () => fetchPanel(id), enabled: enabled && id > 0 });
export const useAssignments = () => useQuery({ queryKey: recognitionKeys.assignments, queryFn: fetchAssignments });
export const useAssignment = (id: number) =>
  useQuery({ queryKey: recognitionKeys.assignment(id), queryFn: () => fetchAssignment(id), enabled: id > 0 });
export const useShortlist = (programmeId: number, enabled = true) =>
  useQuery({
    queryKey: recognitionKeys.shortlist(programmeId),
    queryFn: () => fetchShortlist(programmeId),
    enabled: enabled && programmeId > 0,
  });
export const useNotices = () => useQuery({ queryKey: recognitionKeys.notices, queryFn: fetchNotices });
export const useNotice = (id: number) =>
  useQuery({ queryKey: recognitionKeys.notice(id), queryFn: () => fetchNotice(id), enabled: id > 0 });
export const useCalendar = (year: number) => useQuery({ queryKey: recognitionKeys.calendar(year), queryFn: () => fetchCalendar(year) });

export const useRecognitions = (q: RecognitionQuery) =>
  useQuery({
    queryKey: recognitionKeys.recognitions(q),
    queryFn: ({ signal }) => fetchRecognitions(q, signal),
    placeholderData: keepPreviousData,
  });
export const useRecommendations = () => useQuery({ queryKey: recognitionKeys.recommendations, queryFn: fetchRecommendations });
export const useLadder = (groupBy: 'chain' | 'district', kind?: RecognitionKind) =>
  useQuery({ queryKey: recognitionKeys.ladder(groupBy, kind), queryFn: () => fetchLadder(groupBy, kind) });
export const useEnterpriseLadder = (id: number) =>
  useQuery({ queryKey: recognitionKeys.enterpriseLadder(id), queryFn: () => fetchEnterpriseLadder(id), enabled: id > 0 });
export const useKpis = (level?: RecognitionLevel, kind?: RecognitionKind) =>
  useQuery({ queryKey: recognitionKeys.kpis(level, kind), queryFn: () => fetchKpis({ level, kind }) });
