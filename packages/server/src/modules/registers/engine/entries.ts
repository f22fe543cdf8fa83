import { fieldOf, labelIn, type EntryValues, type FieldSpec, type Label, type Locale, type RegisterDefinition } from '@zhizao/domain';
import type { FieldLabels } from '../../../platform/errors.ts';

// A register row as stored and as the API shows it: the fields (booleans as 0/1 in the database), who it
// belongs to, and the values derived from it. Column names are the fields' keys (CamelCasePlugin).

export interface StoredRow {
  id: number;
  enterpriseId: number | null;
  districtCode: string | null;
  version: number;
  archived: number;
  isDemo: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

export interface Entry {
  id: number;
  version: number;
  enterpriseId: number | null;
  enterpriseName: string | null;
  districtCode: string | null;
  title: string;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

/** The fields a row stores in its own columns (enterprise and district go to the shared columns). */
export const ownColumns = (definition: RegisterDefinition) =>
  definition.fields.filter((f) => f.type !== 'enterprise' && f.type !== 'district').map((f) => f.key);

export function valuesOfRow(definition: RegisterDefinition, row: StoredRow): EntryValues {
  const values: EntryValues = {};
  for (const field of definition.fields) {
    const raw = field.type === 'enterprise' ? row.enterpriseId : field.type === 'district' ? row.districtCode : row[field.key];
    values[field.key] = raw === undefined || raw === null ? null : field.type === 'boolean' ? raw === 1 || raw === true : (raw as never);
  }
  return values;
}

/** The columns to write for a row's values (district and enterprise set by the caller from ownership). */
export function columnsOfValues(definition: RegisterDefinition, values: EntryValues): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const key of ownColumns(definition)) {
    const field = fieldOf(definition, key)!;
    const value = values[key] ?? null;
    columns[key] = field.type === 'boolean' && value !== null ? (value ? 1 : 0) : value;
  }
  return columns;
}

export function presentEntry(definition: RegisterDefinition, row: StoredRow, enterpriseName: string | null, today: string): Entry {
  const values = valuesOfRow(definition, row);
  const derived = Object.fromEntries((definition.derived ?? []).map((d) => [d.key, d.compute(values, today)]));
  return {
    ...values,
    ...derived,
    id: row.id,
    version: row.version,
    enterpriseId: row.enterpriseId,
    enterpriseName,
    districtCode: row.districtCode,
    title: String(values[definition.titleField] ?? `#${row.id}`),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const COMMON_LABELS: Record<string, Label> = {
  enterpriseId: { zh: '企业', en: 'Enterprise' },
  districtCode: { zh: '区市', en: 'District' },
  version: { zh: '版本号', en: 'Version' },
  confirmWarnings: { zh: '确认异常值', en: 'Confirm unusual values' },
  file: { zh: '文件', en: 'File' },
};

/** The register's field names for its errors. */
export function labelsOf(definition: RegisterDefinition): FieldLabels {
  return (key) => fieldOf(definition, key)?.label ?? definition.derived?.find((d) => d.key === key)?.label ?? COMMON_LABELS[key];
}

export const fieldLabelIn = (field: FieldSpec, locale: Locale) => labelIn(field.label, locale);
