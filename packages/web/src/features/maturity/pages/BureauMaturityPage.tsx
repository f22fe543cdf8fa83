import '../maturity.css';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { downloadDistribution, downloadEligible, fetchDistribution, fetchEligible, type BureauFilter, type GroupBy } from '../bureauApi.ts';
import { DistributionChart } from '../components/DistributionChart.tsx';
import { DistributionNational } from '../components/DistributionNational.tsx';
import { EligibleTable } from '../components/EligibleTable.tsx';
import { useMaturityLabels } from '../labels.ts';
import { useModels } from '../queries.ts';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => thisYear - i);

/** The bureau's city-wide picture: level distribution by chain, district or type beside the national one, and who is eligible. */
export function BureauMaturityPage() {
  const { t, pick } = useI18n();
  const labels = useMaturityLabels();
  const run = useAction();
  const [groupBy, setGroupBy] = useState<GroupBy>('chain');
  const [filter, setFilter] = useState<BureauFilter>({});
  const [minLevel, setMinLevel] = useState(2);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const models = useModels();
  const distribution = useQuery({
    queryKey: ['maturity', 'distribution', groupBy, filter],
    queryFn: () => fetchDistribution(groupBy, filter),
    placeholderData: keepPreviousData,
  });
  const eligible = useQuery({
    queryKey: ['maturity', 'eligible', minLevel, filter, paging],
    queryFn: () => fetchEligible({ minLevel, ...filter, ...paging }),
    placeholderData: keepPreviousData,
  });

  const filters = (
    <Space wrap>
      <Select
        allowClear
        style={{ width: 220 }}
        placeholder={t('maturity.filter.model')}
        value={filter.modelVersion}
        options={(models.data ?? []).map((m) => ({ value: m.id, label: `${m.id} · ${pick(m.name)}` }))}
        onChange={(v?: string) => {
          setFilter((f) => ({ ...f, modelVersion: v }));
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        data-testid="filter-model"
      />
      <Select
        allowClear
        style={{ width: 140 }}
        placeholder={t('maturity.bureau.anyYear')}
        value={filter.year}
        options={YEARS.map((y) => ({ value: y, label: String(y) }))}
        onChange={(v?: number) => {
          setFilter((f) => ({ ...f, year: v }));
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        data-testid="filter-year"
      />
    </Space>
  );

  return (
    <Page
      title={t('maturity.bureau.title')}
      subtitle={t('maturity.bureau.subtitle')}
      crumbs={[{ title: t('menu.maturityBureau') }]}
      extra={filters}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {distribution.isError ? (
          <LoadError error={distribution.error} onRetry={() => void distribution.refetch()} />
        ) : !distribution.data ? (
          <PageSkeleton rows={8} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <Card
                title={t('maturity.bureau.distribution')}
                extra={
                  <Space wrap>
                    <Segmented<GroupBy>
                      value={groupBy}
                      onChange={setGroupBy}
                      data-testid="group-by"
                      options={(['chain', 'district', 'manufacturingType'] as const).map((g) => ({
                        value: g,
                        label: t(`maturity.bureau.by.${g}`),
                      }))}
                    />
                    <Button
                      icon={<DownloadOutlined />}
                      onClick={() => void run(() => downloadDistribution(groupBy, filter), t('maturity.bureau.exported'))}
                      data-testid="export-distribution"
                    >
                      {t('maturity.bureau.export')}
                    </Button>
                  </Space>
                }
              >
                {distribution.data.city.total === 0 ? (
                  <EmptyState description={t('maturity.bureau.empty')} />
                ) : (
                  <>
                    {distribution.data.countsEnterprisesInEachChain && groupBy === 'chain' && (
                      <Alert type="info" showIcon title={t('maturity.bureau.chainNote')} style={{ marginBottom: 12 }} />
                    )}
                    <DistributionChart data={distribution.data} />
                  </>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card title={t('maturity.bureau.national')} style={{ height: '100%' }}>
                <DistributionNational data={distribution.data} />
              </Card>
            </Col>
          </Row>
        )}
        <Card
          title={t('maturity.bureau.eligible')}
          extra={
            <Space wrap>
              <span>{t('maturity.bureau.minLevel')}</span>
              <Select
                style={{ width: 120 }}
                value={minLevel}
                options={[1, 2, 3, 4, 5].map((l) => ({ value: l, label: labels.level(l) }))}
                onChange={(v: number) => {
                  setMinLevel(v);
                  setPaging((p) => ({ ...p, page: 1 }));
                }}
                data-testid="min-level"
              />
              <Button
                icon={<DownloadOutlined />}
                onClick={() => void run(() => downloadEligible(minLevel, filter), t('maturity.bureau.exported'))}
                data-testid="export-eligible"
              >
                {t('maturity.bureau.export')}
              </Button>
            </Space>
          }
        >
          {eligible.isError ? (
            <LoadError error={eligible.error} onRetry={() => void eligible.refetch()} />
          ) : (
            <EligibleTable
              items={eligible.data?.items ?? []}
              total={eligible.data?.total ?? 0}
              page={paging.page}
              pageSize={paging.pageSize}
              loading={eligible.isFetching}
              onPage={(page, pageSize) => setPaging({ page, pageSize })}
            />
          )}
        </Card>
      </Space>
    </Page>
  );
}
