import { Input, Select, Space } from 'antd';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyOptions } from '../../registry/taxonomy.ts';
import type { ProjectFilter } from '../api.ts';
import { useFundingLabels } from '../labels.ts';
import { YEAR_OPTIONS } from '../years.ts';

/** Year, kind, district, chain and a name search; an enterprise sees only year and kind (its own projects anyway). */
export function ProjectFilters({ filter, onChange }: { filter: ProjectFilter; onChange(patch: Partial<ProjectFilter>): void }) {
  const t = useT();
  const { actor } = useAuth();
  const labels = useFundingLabels();
  const taxonomy = useTaxonomyOptions();
  const scoped = actor?.role !== 'enterprise_user';
  return (
    <Space wrap className="zz-filters">
      <Select
        allowClear
        style={{ width: 120 }}
        placeholder={t('funding.field.year')}
        value={filter.year}
        options={YEAR_OPTIONS}
        onChange={(year?: number) => onChange({ year })}
        data-testid="filter-year"
      />
      <Select
        allowClear
        style={{ width: 160 }}
        placeholder={t('funding.field.kind')}
        value={filter.kind}
        options={labels.kindOptions}
        onChange={(kind?: ProjectFilter['kind']) => onChange({ kind })}
        data-testid="filter-kind"
      />
      {scoped && (
        <>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('funding.field.district')}
            value={filter.districtCode}
            options={taxonomy.districts}
            onChange={(districtCode?: string) => onChange({ districtCode })}
            data-testid="filter-district"
          />
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('funding.field.chain')}
            value={filter.chainCode}
            options={taxonomy.chains}
            onChange={(chainCode?: string) => onChange({ chainCode })}
            data-testid="filter-chain"
          />
          <Input.Search
            allowClear
            style={{ width: 240 }}
            placeholder={t('funding.projects.search')}
            defaultValue={filter.q}
            onSearch={(q) => onChange({ q: q.trim() || undefined })}
            data-testid="filter-q"
          />
        </>
      )}
    </Space>
  );
}
