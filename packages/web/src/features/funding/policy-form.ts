import type { InvestmentItem, PolicyRules, ProjectKind } from '@zhizao/domain';
import type { Policy, PolicyInput } from './api.ts';
import { fenOf, yuanOf } from './money.ts';

/** The editor's shape: yuan and percent as people type them; the API holds fen and basis points. */
export interface PolicyFormValues {
  code: string;
  name: string;
  year: number | null;
  basis: string;
  qualifyingKinds: ProjectKind[];
  eligibleItems: InvestmentItem[];
  mode: 'flat' | 'tiered';
  ratePct: number | null;
  tierBasis: 'whole' | 'marginal';
  bands: { fromYuan: number | null; ratePct: number | null }[];
  minInvestment: number | null;
  capPerProject: number | null;
  capPerEnterpriseYear: number | null;
}

export const POLICY_FORM_FIELDS = [
  'code',
  'name',
  'year',
  'basis',
  'qualifyingKinds',
  'eligibleItems',
  'mode',
  'ratePct',
  'minInvestment',
  'capPerProject',
  'capPerEnterpriseYear',
] as const;

/** Server field names (`rules.minInvestmentFen`) → the editor's fields, so a refusal lands where it belongs; band problems show above the form. */
export const POLICY_FIELD_OF: Record<string, (typeof POLICY_FORM_FIELDS)[number]> = {
  'rules.qualifyingKinds': 'qualifyingKinds',
  'rules.eligibleItems': 'eligibleItems',
  'rules.rate.rateBp': 'ratePct',
  'rules.minInvestmentFen': 'minInvestment',
  'rules.capPerProjectFen': 'capPerProject',
  'rules.capPerEnterpriseYearFen': 'capPerEnterpriseYear',
};

const pctOf = (bp: number) => bp / 100;
const bpOf = (pct: number | null) => Math.round((pct ?? 0) * 100);

export function policyFormValues(p: Policy | null): PolicyFormValues {
  const r = p?.rules;
  return {
    code: p?.code ?? '',
    name: p?.name ?? '',
    year: p?.year ?? null,
    basis: p?.basis ?? '',
    qualifyingKinds: r?.qualifyingKinds ?? ['smart_factory', 'digital_workshop'],
    eligibleItems: r?.eligibleItems ?? ['equipment', 'software'],
    mode: r?.rate.mode ?? 'flat',
    ratePct: r?.rate.mode === 'flat' ? pctOf(r.rate.rateBp) : 10,
    tierBasis: r?.rate.mode === 'tiered' ? r.rate.basis : 'whole',
    bands:
      r?.rate.mode === 'tiered'
        ? r.rate.bands.map((b) => ({ fromYuan: yuanOf(b.fromFen), ratePct: pctOf(b.rateBp) }))
        : [{ fromYuan: 0, ratePct: 1 }],
    minInvestment: yuanOf(r?.minInvestmentFen ?? 0),
    capPerProject: yuanOf(r?.capPerProjectFen ?? null),
    capPerEnterpriseYear: yuanOf(r?.capPerEnterpriseYearFen ?? null),
  };
}

export function policyRulesOf(v: PolicyFormValues): PolicyRules {
  return {
    qualifyingKinds: v.qualifyingKinds,
    eligibleItems: v.eligibleItems,
    rate:
      v.mode === 'flat'
        ? { mode: 'flat', rateBp: bpOf(v.ratePct) }
        : { mode: 'tiered', basis: v.tierBasis, bands: v.bands.map((b) => ({ fromFen: fenOf(b.fromYuan) ?? 0, rateBp: bpOf(b.ratePct) })) },
    minInvestmentFen: fenOf(v.minInvestment) ?? 0,
    capPerProjectFen: fenOf(v.capPerProject),
    capPerEnterpriseYearFen: fenOf(v.capPerEnterpriseYear),
  };
}

export const policyInputOf = (v: PolicyFormValues): PolicyInput => ({
  code: v.code.trim(),
  name: v.name.trim(),
  year: v.year,
  basis: v.basis.trim() || null,
  rules: policyRulesOf(v),
});
