import { AWARD_STATUSES, type AwardStatus } from '@zhizao/domain';
import { Select, Space } from 'antd';
import { useState } from 'react';
import { useAuth, useCan } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyOptions } from '../../registry/taxonomy.ts';
import type { AwardFilter } from '../api.ts';
import { AwardTable } from '../components/AwardTable.tsx';
import { BudgetStrip } from '../components/BudgetStrip.tsx';
import { SampleDrawCard } from '../components/SampleDrawCard.tsx';
import { useFundingLabels } from '../labels.ts';
import { useAwards, useFunds } from '../queries.ts';
import { THIS_YEAR, YEAR_OPTIONS } from '../years.ts';

/** An enterprise's applications, or the review queue of a district officer or the bureau, with the sample draw. */
export function AwardListPage() {
  const t = useT();
  const can = useCan();
  const { actor } = useAuth();
  const labels = useFundingLabels();
  const taxonomy = useTaxonomyOptions();
  const own = actor?.role === 'enterprise_user';
  const [filter, setFilter] = useState<AwardFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useAwards({ ...filter, ...paging });
  // Budget and sample are about one year: the chosen one, else the newest year with a fund.
  const funds = useFunds(can('funding.fund.read'));
  const year = filter.year ?? funds.data?.[0]?.year ?? THIS_YEAR;
  const update = (patch: Partial<AwardFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };

  return (
    <Page
      title={t(own ? 'funding.awards.titleOwn' : 'funding.awards.title')}
      subtitle={t('funding.awards.subtitle')}
      crumbs={[{ title: t('menu.funding') }, { title: t('menu.fundingAwards') }]}
    >
      {can('funding.fund.read') && <BudgetStrip year={year} />}
      {can('funding.award.decide') && <SampleDrawCard year={year} />}
      <div className="zz-card">
        <Space wrap className="zz-filters">
          <Select<AwardStatus>
            allowClear
            style={{ width: 180 }}
            placeholder={t('funding.field.status')}
            value={filter.status}
            options={AWARD_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
            onChange={(status) => update({ status })}
            data-testid="filter-status"
          />
          <Select<number>
            id="awards-year"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 120 }}
            placeholder={t('funding.field.year')}
            value={filter.year}
            options={YEAR_OPTIONS}
            onChange={(year) => update({ year })}
            data-testid="filter-year"
          />
          {!own && (
            <Select<string>
              allowClear
              style={{ width: 200 }}
              placeholder={t('funding.field.district')}
              value={filter.districtCode}
              options={taxonomy.districts}
              onChange={(districtCode) => update({ districtCode })}
            />
          )}
        </Space>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <AwardTable
            items={list.data?.items ?? []}
            loading={list.isFetching}
            own={own}
            empty={list.isPending ? ' ' : <EmptyState description={t('funding.awards.empty')} />}
            pagination={{ ...paging, total: list.data?.total ?? 0, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
          />
        )}
      </div>
    </Page>
  );
}
