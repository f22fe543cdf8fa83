import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  fetchAdvice,
  fetchAssessment,
  fetchAssessments,
  fetchExpertReview,
  fetchExpertReviews,
  fetchModel,
  fetchModels,
  type AssessmentListQuery,
} from './api.ts';

export const maturityKeys = {
  all: ['maturity'] as const,
  models: ['maturity', 'models'] as const,
  model: (id: string) => ['maturity', 'model', id] as const,
  list: (q: AssessmentListQuery) => ['maturity', 'list', q] as const,
  detail: (id: number) => ['maturity', 'assessment', id] as const,
  advice: (id: number) => ['maturity', 'advice', id] as const,
  reviews: (q: { page: number; pageSize: number }) => ['maturity', 'reviews', q] as const,
  review: (id: number) => ['maturity', 'review', id] as const,
};

// Model versions and banks change rarely (a bureau edit); one read per visit is plenty.
export const useModels = () => useQuery({ queryKey: maturityKeys.models, queryFn: fetchModels, staleTime: 10 * 60_000 });
export const useModel = (id: string | undefined) =>
  useQuery({ queryKey: maturityKeys.model(id ?? ''), queryFn: () => fetchModel(id!), enabled: !!id, staleTime: 10 * 60_000 });
export const useAssessments = (q: AssessmentListQuery) =>
  useQuery({ queryKey: maturityKeys.list(q), queryFn: ({ signal }) => fetchAssessments(q, signal), placeholderData: keepPreviousData });
export const useAssessment = (id: number) =>
  useQuery({ queryKey: maturityKeys.detail(id), queryFn: () => fetchAssessment(id), enabled: id > 0 });
export const useAdvice = (id: number) => useQuery({ queryKey: maturityKeys.advice(id), queryFn: () => fetchAdvice(id), enabled: id > 0 });
export const useExpertReviews = (q: { page: number; pageSize: number }) =>
  useQuery({
    queryKey: maturityKeys.reviews(q),
    queryFn: ({ signal }) => fetchExpertReviews(q, signal),
    placeholderData: keepPreviousData,
  });
export const useExpertReview = (id: number, enabled = true) =>
  useQuery({ queryKey: maturityKeys.review(id), queryFn: () => fetchExpertReview(id), enabled: enabled && id > 0, retry: false });
