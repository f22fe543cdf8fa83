import type { Bilingual, ManufacturingType, WeightSet } from '@zhizao/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api/client.ts';
import type { ModelView, Requirement } from './api.ts';
import { maturityKeys } from './queries.ts';

// Model administration (bureau): copies, weights and the bank of custom versions (server routes.ts).

const base = '/api/maturity/models';
const path = (id: string) => `${base}/${encodeURIComponent(id)}`;

export interface RequirementChange {
  text?: Bilingual;
  evidence?: Bilingual;
  advice?: Bilingual;
  active?: boolean;
  sortOrder?: number;
}

export const copyModel = (id: string, body: { newId: string; name: Bilingual }) =>
  api<ModelView>(`${path(id)}/copy`, { method: 'POST', body });
export const saveWeights = (id: string, weights: Partial<Record<ManufacturingType, WeightSet>>) =>
  api<ModelView>(`${path(id)}/weights`, { method: 'PUT', body: { weights } });
export const changeRequirement = (id: string, requirementId: string, body: RequirementChange) =>
  api<Requirement>(`${path(id)}/requirements/${encodeURIComponent(requirementId)}`, { method: 'PUT', body });

/** Every model edit invalidates the list and that model. */
export function useModelMutations(id: string) {
  const qc = useQueryClient();
  const refresh = () =>
    Promise.all([qc.invalidateQueries({ queryKey: maturityKeys.models }), qc.invalidateQueries({ queryKey: maturityKeys.model(id) })]);
  return {
    weights: useMutation({ mutationFn: (w: Partial<Record<ManufacturingType, WeightSet>>) => saveWeights(id, w), onSuccess: refresh }),
    requirement: useMutation({
      mutationFn: ({ requirementId, body }: { requirementId: string; body: RequirementChange }) =>
        changeRequirement(id, requirementId, body),
      onSuccess: refresh,
    }),
  };
}
