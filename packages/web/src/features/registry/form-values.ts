import type { EnterpriseInput, ManufacturingType, SizeClass } from '@zhizao/domain';

/** The form's own shape: text boxes hold '' where the API holds null. */
export interface EnterpriseFormValues {
  creditCode: string;
  name: string;
  districtCode: string | undefined;
  chainCodes: string[];
  clusterCode: string | undefined;
  sizeClass: SizeClass | undefined;
  manufacturingType: ManufacturingType | undefined;
  industryCode: string;
  address: string;
  mainProducts: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

export const ENTERPRISE_FORM_FIELDS = [
  'creditCode',
  'name',
  'districtCode',
  'chainCodes',
  'clusterCode',
  'sizeClass',
  'manufacturingType',
  'industryCode',
  'address',
  'mainProducts',
  'contactName',
  'contactPhone',
  'contactEmail',
] as const satisfies readonly (keyof EnterpriseFormValues)[];

export function formValuesOf(e: EnterpriseInput | null, defaults: Partial<EnterpriseFormValues> = {}): EnterpriseFormValues {
  return {
    creditCode: e?.creditCode ?? '',
    name: e?.name ?? '',
    districtCode: e?.districtCode ?? defaults.districtCode,
    chainCodes: e?.chainCodes ?? [],
    clusterCode: e?.clusterCode ?? undefined,
    sizeClass: e?.sizeClass,
    manufacturingType: e?.manufacturingType,
    industryCode: e?.industryCode ?? '',
    address: e?.address ?? '',
    mainProducts: e?.mainProducts ?? '',
    contactName: e?.contactName ?? '',
    contactPhone: e?.contactPhone ?? '',
    contactEmail: e?.contactEmail ?? '',
  };
}

const opt = (v: string | undefined | null) => (v && v.trim() ? v.trim() : null);

/** What the API receives; the server normalises and checks it again (the domain's rules). */
export function inputOf(v: EnterpriseFormValues): EnterpriseInput {
  return {
    creditCode: v.creditCode.trim(),
    name: v.name.trim(),
    districtCode: v.districtCode ?? '',
    chainCodes: v.chainCodes ?? [],
    clusterCode: opt(v.clusterCode),
    // Required on the form, so set by the time it is submitted.
    sizeClass: v.sizeClass!,
    manufacturingType: v.manufacturingType!,
    industryCode: opt(v.industryCode),
    address: opt(v.address),
    mainProducts: opt(v.mainProducts),
    contactName: opt(v.contactName),
    contactPhone: opt(v.contactPhone),
    contactEmail: opt(v.contactEmail),
  };
}
