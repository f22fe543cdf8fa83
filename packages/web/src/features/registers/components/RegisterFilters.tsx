import type { RegisterDefinition } from '@zhizao/domain';
import { DatePicker, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyOptions } from '../../registry/taxonomy.ts';
import type { EntryFilter } from '../api.ts';

/** The register's filter fields (options, chains, yes/no, date and year ranges), a district for the bureau, and a text search. */
export function RegisterFilters({
  definition,
  filter,
  onChange,
}: {
  definition: RegisterDefinition;
  filter: EntryFilter;
  onChange(patch: EntryFilter): void;
}) {
  const { pick, t } = useI18n();
  const { actor } = useAuth();
  const taxonomy = useTaxonomyOptions();
  const cityWide = actor?.role === 'bureau_admin' || definition.ownership === 'city';
  const hasDistrict = definition.ownership !== 'city' || definition.fields.some((f) => f.type === 'district');
  return (
    <Space wrap className="zz-filters">
      <Input.Search
        allowClear
        style={{ width: 240 }}
        placeholder={t('registers.list.search')}
        defaultValue={filter.q as string | undefined}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        data-testid="filter-q"
      />
      {cityWide && hasDistrict && actor?.role !== 'enterprise_user' && (
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('registers.list.district')}
          value={filter.districtCode as string | undefined}
          options={taxonomy.districts}
          onChange={(districtCode?: string) => onChange({ districtCode })}
          data-testid="filter-districtCode"
        />
      )}
      {definition.fields
        .filter((f) => f.filter)
        .map((field) => {
          const label = pick(field.label);
          const testId = `filter-${field.key}`;
          switch (field.type) {
            case 'enum':
            case 'chain':
            case 'boolean':
              return (
                <Select<string>
                  key={field.key}
                  allowClear
                  style={{ width: 170 }}
                  placeholder={label}
                  value={filter[field.key] === undefined ? undefined : String(filter[field.key])}
                  options={
                    field.type === 'enum'
                      ? field.options.map((o) => ({ value: o.value, label: pick(o.label) }))
                      : field.type === 'chain'
                        ? taxonomy.chains
                        : [
                            { value: 'true', label: t('registers.value.yes') },
                            { value: 'false', label: t('registers.value.no') },
                          ]
                  }
                  onChange={(value?: string) => onChange({ [field.key]: value })}
                  data-testid={testId}
                />
              );
            case 'year':
              return (
                <InputNumber<number>
                  key={field.key}
                  style={{ width: 130 }}
                  placeholder={label}
                  min={1949}
                  max={2100}
                  value={(filter[`${field.key}From`] as number | undefined) ?? null}
                  onChange={(year) => onChange({ [`${field.key}From`]: year ?? undefined, [`${field.key}To`]: year ?? undefined })}
                  data-testid={testId}
                />
              );
            case 'date':
              return (
                <DatePicker.RangePicker
                  key={field.key}
                  placeholder={[label, label]}
                  value={
                    filter[`${field.key}From`]
                      ? [dayjs(filter[`${field.key}From`] as string), dayjs(filter[`${field.key}To`] as string)]
                      : null
                  }
                  onChange={(range) =>
                    onChange({
                      [`${field.key}From`]: range?.[0]?.format('YYYY-MM-DD'),
                      [`${field.key}To`]: range?.[1]?.format('YYYY-MM-DD'),
                    })
                  }
                  data-testid={testId}
                />
              );
            case 'text':
              return (
                <Input.Search
                  key={field.key}
                  allowClear
                  style={{ width: 180 }}
                  placeholder={label}
                  defaultValue={filter[field.key] as string | undefined}
                  onSearch={(value) => onChange({ [field.key]: value.trim() || undefined })}
                  data-testid={testId}
                />
              );
            default:
              return null;
          }
        })}
    </Space>
  );
}
