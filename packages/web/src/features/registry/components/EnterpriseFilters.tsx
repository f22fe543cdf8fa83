import { MANUFACTURING_TYPE_LABELS, MANUFACTURING_TYPES, SIZE_CLASS_LABELS, SIZE_CLASSES, fieldLabel } from '@zhizao/domain';
import { Col, Input, Row, Segmented, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import type { EnterpriseFilter, EnterpriseStatus } from '../api.ts';
import { useTaxonomyOptions } from '../taxonomy.ts';

interface Props {
  filter: EnterpriseFilter;
  onChange(patch: EnterpriseFilter): void;
}

/** The list's filter bar. The search box commits on Enter; the selects commit on choice. */
export function EnterpriseFilters({ filter, onChange }: Props) {
  const { t, pick, locale } = useI18n();
  const taxonomy = useTaxonomyOptions();
  const [q, setQ] = useState(filter.q ?? '');
  // The URL is the truth: back/forward or "clear filters" must refresh the box.
  useEffect(() => setQ(filter.q ?? ''), [filter.q]);

  const select = (key: keyof EnterpriseFilter, options: { value: string; label: string }[]) => (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
      placeholder={`${fieldLabel(key === 'chainCode' ? 'chainCodes' : key, locale)} · ${t('registry.filter.any')}`}
      value={filter[key] ?? null}
      options={options}
      loading={taxonomy.loading}
      onChange={(value: string | null | undefined) => onChange({ [key]: value ?? undefined })}
      data-testid={`filter-${key}`}
    />
  );

  return (
    <Row gutter={[12, 12]} className="zz-filters">
      <Col xs={24} lg={10}>
        <Input.Search
          allowClear
          enterButton={t('common.search')}
          placeholder={t('registry.filter.q')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => onChange({ q: value.trim() || undefined })}
          data-testid="enterprise-search"
        />
      </Col>
      <Col xs={24} lg={14} style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Segmented<EnterpriseStatus>
          value={filter.status ?? 'active'}
          onChange={(status) => onChange({ status: status === 'active' ? undefined : status })}
          options={(['active', 'archived', 'all'] as const).map((s) => ({ value: s, label: t(`registry.status.${s}`) }))}
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        {select('districtCode', taxonomy.districts)}
      </Col>
      <Col xs={12} md={8} xl={5}>
        {select('chainCode', taxonomy.chains)}
      </Col>
      <Col xs={12} md={8} xl={5}>
        {select('clusterCode', taxonomy.clusters)}
      </Col>
      <Col xs={12} md={8} xl={5}>
        {select(
          'sizeClass',
          SIZE_CLASSES.map((s) => ({ value: s, label: pick(SIZE_CLASS_LABELS[s]) })),
        )}
      </Col>
      <Col xs={12} md={8} xl={5}>
        {select(
          'manufacturingType',
          MANUFACTURING_TYPES.map((m) => ({ value: m, label: pick(MANUFACTURING_TYPE_LABELS[m]) })),
        )}
      </Col>
    </Row>
  );
}
