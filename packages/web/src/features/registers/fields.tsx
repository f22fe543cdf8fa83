import type { DerivedField, FieldSpec, FieldValue, RegisterDefinition } from '@zhizao/domain';
import { maxLengthOf } from '@zhizao/domain';
import { Input, InputNumber, Select, Switch, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider.tsx';
import { DateField } from '../funding/components/DateField.tsx';
import { useTaxonomyNames, useTaxonomyOptions } from '../registry/taxonomy.ts';
import type { Entry } from './api.ts';
import { EnterprisePicker, EntryPicker } from './components/RemoteSelect.tsx';

// How each kind of register field is shown and typed in (domain registers/field.ts): labels for
// options, chains and districts, yuan for money, names for enterprises and referenced rows.

const yuan = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 });
const DERIVED_COLOURS = ['green', 'orange', 'red', 'blue', 'purple', 'default'];

export function useValueText() {
  const { pick, t } = useI18n();
  const names = useTaxonomyNames();
  return (field: FieldSpec, entry: Entry): ReactNode => {
    const value = entry[field.key] as FieldValue | undefined;
    if (value === null || value === undefined || value === '') return <span className="zz-muted">{t('common.none')}</span>;
    switch (field.type) {
      case 'enum':
        return pick(field.options.find((o) => o.value === value)?.label ?? { zh: String(value), en: String(value) });
      case 'boolean':
        return t(value ? 'registers.value.yes' : 'registers.value.no');
      case 'money':
        return yuan.format(Number(value) / 100);
      case 'chain':
        return names.chain(String(value));
      case 'district':
        return names.district(String(value));
      case 'enterprise':
        return <Link to={`/enterprises/${String(value)}`}>{entry.enterpriseName ?? `#${String(value)}`}</Link>;
      case 'reference':
        return (entry[`${field.key}Title`] as string | null) ?? `#${String(value)}`;
      case 'decimal':
      case 'integer':
        return field.unit ? `${Number(value).toLocaleString()} ${pick(field.unit)}` : Number(value).toLocaleString();
      default:
        return String(value);
    }
  };
}

export function useDerivedText() {
  const { pick, t } = useI18n();
  return (derived: DerivedField, entry: Entry): ReactNode => {
    const value = entry[derived.key] as string | number | null | undefined;
    if (value === null || value === undefined) return <span className="zz-muted">{t('common.none')}</span>;
    const index = derived.options?.findIndex((o) => o.value === value) ?? -1;
    if (index < 0 || !derived.options) return String(value);
    return <Tag color={DERIVED_COLOURS[index % DERIVED_COLOURS.length]}>{pick(derived.options[index]!.label)}</Tag>;
  };
}

/** The input of one field in the register's form. Money is typed in yuan and kept in fen. */
export function FieldInput({
  field,
  entry,
  districtLocked,
  id,
  value,
  onChange,
}: {
  field: FieldSpec;
  entry: Entry | null;
  districtLocked: boolean;
  id?: string;
  value?: FieldValue;
  onChange?: (value: FieldValue) => void;
}) {
  const { pick, t } = useI18n();
  const taxonomy = useTaxonomyOptions();
  const testId = `field-${field.key}`;
  const set = (next: FieldValue | undefined) => onChange?.(next === undefined || next === '' ? null : next);
  switch (field.type) {
    case 'text':
      return field.multiline ? (
        <Input.TextArea
          id={id}
          value={(value as string) ?? ''}
          onChange={(e) => set(e.target.value)}
          maxLength={maxLengthOf(field)}
          showCount
          autoSize={{ minRows: 3, maxRows: 8 }}
          data-testid={testId}
        />
      ) : (
        <Input
          id={id}
          value={(value as string) ?? ''}
          onChange={(e) => set(e.target.value)}
          maxLength={maxLengthOf(field)}
          data-testid={testId}
        />
      );
    case 'integer':
    case 'year':
    case 'decimal':
      return (
        <InputNumber<number>
          id={id}
          style={{ width: '100%' }}
          value={(value as number | null) ?? null}
          onChange={(next) => set(next)}
          precision={field.type === 'decimal' ? undefined : 0}
          min={field.type === 'year' ? 1949 : field.min}
          max={field.type === 'year' ? 2100 : field.max}
          addonAfter={field.type !== 'year' && field.unit ? pick(field.unit) : undefined}
          data-testid={testId}
        />
      );
    case 'money':
      return (
        <InputNumber<number>
          id={id}
          style={{ width: '100%' }}
          value={typeof value === 'number' ? value / 100 : null}
          onChange={(next) => set(next === null ? null : Math.round(next * 100))}
          precision={2}
          min={0}
          addonAfter="元"
          data-testid={testId}
        />
      );
    case 'date':
      return <DateField id={id} value={(value as string | null) ?? null} onChange={(next) => set(next)} data-testid={testId} />;
    case 'enum':
      return (
        <Select
          id={id}
          value={(value as string | null) ?? undefined}
          onChange={(next: string | undefined) => set(next ?? null)}
          allowClear={!field.required}
          showSearch={{ optionFilterProp: 'label' }}
          options={field.options.map((o) => ({ value: o.value, label: pick(o.label) }))}
          data-testid={testId}
        />
      );
    case 'boolean':
      return <Switch id={id} checked={value === true} onChange={(next) => set(next)} data-testid={testId} />;
    case 'chain':
      return (
        <Select
          id={id}
          value={(value as string | null) ?? undefined}
          onChange={(next: string | undefined) => set(next ?? null)}
          allowClear={!field.required}
          showSearch={{ optionFilterProp: 'label' }}
          options={taxonomy.chains}
          data-testid={testId}
        />
      );
    case 'district':
      return (
        <Select
          id={id}
          value={(value as string | null) ?? undefined}
          onChange={(next: string | undefined) => set(next ?? null)}
          disabled={districtLocked}
          showSearch={{ optionFilterProp: 'label' }}
          options={taxonomy.districts}
          data-testid={testId}
        />
      );
    case 'enterprise':
      return (
        <EnterprisePicker
          id={id}
          value={(value as number | null) ?? null}
          onChange={(next) => set(next)}
          knownLabel={entry?.enterpriseName}
          placeholder={t('registers.form.searchEnterprise')}
          data-testid={testId}
        />
      );
    case 'reference':
      return (
        <EntryPicker
          id={id}
          register={field.register}
          value={(value as number | null) ?? null}
          onChange={(next) => set(next)}
          knownLabel={(entry?.[`${field.key}Title`] as string | null) ?? null}
          placeholder={t('registers.form.searchEntry')}
          data-testid={testId}
        />
      );
  }
}

/** The register's list columns: its declared ones, title first. */
export function columnsOf(definition: RegisterDefinition): string[] {
  return definition.columns.includes(definition.titleField) ? [...definition.columns] : [definition.titleField, ...definition.columns];
}
