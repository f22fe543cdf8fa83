import { creditCodeProblem, normaliseCreditCode } from './credit-code.ts';

// 规模以上工业企业: annual main-business revenue ≥ ¥20 M (../shared/domain/gov-it.md §6).
export const SIZE_CLASSES = ['above_designated', 'below_designated'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];
// Discrete vs process manufacturing: the seed §三.1 pushes the two differently.
export const MANUFACTURING_TYPES = ['discrete', 'process'] as const;
export type ManufacturingType = (typeof MANUFACTURING_TYPES)[number];

export const SIZE_CLASS_LABELS: Record<SizeClass, { zh: string; en: string }> = {
  above_designated: { zh: '规上', en: 'Above designated size' },
  below_designated: { zh: '规下', en: 'Below designated size' },
};
export const MANUFACTURING_TYPE_LABELS: Record<ManufacturingType, { zh: string; en: string }> = {
  discrete: { zh: '离散型', en: 'Discrete' },
  process: { zh: '流程型', en: 'Process' },
};

/** What a person enters for an enterprise, in the API and in an import row. */
export interface EnterpriseInput {
  creditCode: string;
  name: string;
  districtCode: string;
  chainCodes: string[];
  clusterCode: string | null;
  sizeClass: SizeClass;
  manufacturingType: ManufacturingType;
  industryCode: string | null;
  address: string | null;
  mainProducts: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
}

export interface Enterprise extends EnterpriseInput {
  id: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The known codes an enterprise may refer to. */
export interface TaxonomyCodes {
  districtCodes: ReadonlySet<string>;
  chainCodes: ReadonlySet<string>;
  clusterCodes: ReadonlySet<string>;
}

export type EnterpriseProblemCode =
  | 'required'
  | 'creditCodeLength'
  | 'creditCodeCharacter'
  | 'creditCodeCheck'
  | 'tooLong'
  | 'unknownDistrict'
  | 'unknownChain'
  | 'unknownCluster'
  | 'invalidEnum'
  | 'invalidPhone'
  | 'invalidEmail'
  | 'invalidIndustryCode';

export interface FieldProblem {
  field: keyof EnterpriseInput;
  code: EnterpriseProblemCode;
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// GB/T 4754-2017: manufacturing is 门类 C, 大类 13–43; we accept the 2-, 3- or 4-digit code, with or without "C".
const INDUSTRY = /^C?(1[3-9]|[23]\d|4[0-3])\d{0,2}$/;

export const ENTERPRISE_NAME_MAX = 100;
const TEXT_MAX = 200;

/** Checks an input against the rules and the taxonomy; returns every problem, field by field. */
export function enterpriseProblems(input: EnterpriseInput, taxonomy: TaxonomyCodes): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: keyof EnterpriseInput, code: EnterpriseProblemCode) => problems.push({ field, code });

  if (!input.creditCode.trim()) add('creditCode', 'required');
  else {
    const p = creditCodeProblem(input.creditCode);
    if (p === 'length') add('creditCode', 'creditCodeLength');
    if (p === 'character') add('creditCode', 'creditCodeCharacter');
    if (p === 'check') add('creditCode', 'creditCodeCheck');
  }
  if (!input.name.trim()) add('name', 'required');
  else if (input.name.length > ENTERPRISE_NAME_MAX) add('name', 'tooLong');
  if (!input.districtCode) add('districtCode', 'required');
  else if (!taxonomy.districtCodes.has(input.districtCode)) add('districtCode', 'unknownDistrict');
  if (input.chainCodes.some((c) => !taxonomy.chainCodes.has(c))) add('chainCodes', 'unknownChain');
  if (input.clusterCode && !taxonomy.clusterCodes.has(input.clusterCode)) add('clusterCode', 'unknownCluster');
  if (!(SIZE_CLASSES as readonly string[]).includes(input.sizeClass)) add('sizeClass', 'invalidEnum');
  if (!(MANUFACTURING_TYPES as readonly string[]).includes(input.manufacturingType)) add('manufacturingType', 'invalidEnum');
  if (input.industryCode && !INDUSTRY.test(input.industryCode)) add('industryCode', 'invalidIndustryCode');
  if (input.contactPhone && !PHONE.test(input.contactPhone)) add('contactPhone', 'invalidPhone');
  if (input.contactEmail && !EMAIL.test(input.contactEmail)) add('contactEmail', 'invalidEmail');
  for (const field of ['address', 'mainProducts', 'contactName'] as const) {
    if ((input[field]?.length ?? 0) > TEXT_MAX) add(field, 'tooLong');
  }
  return problems;
}

/** Trims text, upper-cases the credit code, sorts the chains, turns empty strings into null. */
export function normaliseEnterpriseInput(input: EnterpriseInput): EnterpriseInput {
  const opt = (v: string | null) => (v && v.trim() ? v.trim() : null);
  return {
    ...input,
    creditCode: normaliseCreditCode(input.creditCode),
    name: input.name.trim(),
    // A set of chains: one order everywhere, so a resent list in another order is no change.
    chainCodes: [...new Set(input.chainCodes.map((c) => c.trim()).filter(Boolean))].sort(),
    clusterCode: opt(input.clusterCode),
    industryCode: opt(input.industryCode)?.toUpperCase() ?? null,
    address: opt(input.address),
    mainProducts: opt(input.mainProducts),
    contactName: opt(input.contactName),
    contactPhone: opt(input.contactPhone),
    contactEmail: opt(input.contactEmail),
  };
}

/** Masks a phone number for lists and exports (个人信息保护法; gov-it.md §6). */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length >= 7 ? phone.slice(0, 3) + '****' + phone.slice(-4) : '****';
}
