import { totalInvestment, type Investment, type KpiTarget } from './kinds.ts';

// What a project must satisfy beyond its JSON shape (issue 5 part 1): one check for the form, the API and the Excel import.

export interface ProjectFacts extends Investment {
  startDate: string;
  completionDate: string | null;
  targets: readonly KpiTarget[];
}

export interface ProjectProblem {
  field: string;
  key: 'funding.projectInvestmentZero' | 'funding.projectDatesOrder' | 'funding.projectDuplicateKpi' | 'validation.minimum';
  params?: Record<string, string | number>;
}

export function projectProblems(p: ProjectFacts): ProjectProblem[] {
  const problems: ProjectProblem[] = [];
  for (const item of ['equipmentFen', 'softwareFen', 'servicesFen', 'otherFen'] as const) {
    if (!(p[item] >= 0)) problems.push({ field: item, key: 'validation.minimum', params: { limit: 0 } });
  }
  if (problems.length === 0 && totalInvestment(p) <= 0) problems.push({ field: 'equipmentFen', key: 'funding.projectInvestmentZero' });
  if (p.completionDate && p.completionDate < p.startDate) problems.push({ field: 'completionDate', key: 'funding.projectDatesOrder' });
  const seen = new Set<string>();
  for (const t of p.targets) {
    if (seen.has(t.code)) problems.push({ field: 'targets', key: 'funding.projectDuplicateKpi', params: { code: t.code } });
    seen.add(t.code);
  }
  return problems;
}
