import { INVESTMENT_ITEMS, type KpiTarget, type Milestone, type ProjectKind } from '@zhizao/domain';
import type { Project, ProjectInput } from './api.ts';
import { fenOf, yuanOf } from './money.ts';
import { THIS_YEAR } from './years.ts';

/** The form's shape: amounts in yuan as typed (the API holds fen), optional texts as ''. */
export interface ProjectFormValues {
  enterpriseId?: number;
  year: number;
  kind: ProjectKind | undefined;
  name: string;
  description: string;
  equipmentFen: number | null;
  softwareFen: number | null;
  servicesFen: number | null;
  otherFen: number | null;
  startDate: string | null;
  completionDate: string | null;
  milestones: Milestone[];
  targets: KpiTarget[];
}

/** Fields a server refusal may name, so it lands on the field; a refusal about one row of a list shows above the form. */
export const PROJECT_FORM_FIELDS = [
  'enterpriseId',
  'year',
  'kind',
  'name',
  'description',
  ...INVESTMENT_ITEMS.map((i) => `${i}Fen` as const),
  'startDate',
  'completionDate',
  'milestones',
  'targets',
] as const;

export function projectFormValues(p: Project | null): ProjectFormValues {
  return {
    enterpriseId: p?.enterpriseId,
    year: p?.year ?? THIS_YEAR,
    kind: p?.kind,
    name: p?.name ?? '',
    description: p?.description ?? '',
    equipmentFen: yuanOf(p?.equipmentFen),
    softwareFen: yuanOf(p?.softwareFen),
    servicesFen: yuanOf(p?.servicesFen),
    otherFen: yuanOf(p?.otherFen),
    startDate: p?.startDate ?? null,
    completionDate: p?.completionDate ?? null,
    milestones: p?.milestones ?? [],
    targets: p?.targets ?? [],
  };
}

/** The investment as fen, empty boxes counting as 0. */
export const investmentOfForm = (v: Partial<ProjectFormValues>) => ({
  equipmentFen: fenOf(v.equipmentFen) ?? 0,
  softwareFen: fenOf(v.softwareFen) ?? 0,
  servicesFen: fenOf(v.servicesFen) ?? 0,
  otherFen: fenOf(v.otherFen) ?? 0,
});

export function projectInputOf(v: ProjectFormValues): ProjectInput {
  return {
    ...(v.enterpriseId ? { enterpriseId: v.enterpriseId } : {}),
    year: v.year,
    kind: v.kind!,
    name: v.name.trim(),
    description: v.description.trim() || null,
    ...investmentOfForm(v),
    startDate: v.startDate!,
    completionDate: v.completionDate || null,
    milestones: (v.milestones ?? []).map((m) => ({ name: m.name, dueDate: m.dueDate, doneDate: m.doneDate || null })),
    targets: v.targets ?? [],
  };
}
