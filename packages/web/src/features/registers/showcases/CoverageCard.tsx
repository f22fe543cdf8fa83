import { useQuery } from '@tanstack/react-query';
import type { ChainCoverage, CoverageState, ShowcaseCoverage } from '@zhizao/domain';
import { Col, Row, Skeleton, Statistic, Table, Tag, Tooltip } from 'antd';
import { api } from '../../../app/api/client.ts';
import { LoadError } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { registerKeys } from '../queries.ts';
import type { RegisterViewProps } from '../views.ts';

// The showcases' coverage above their list: each chain with its segments, green where a published
// showcase exists, gold where only candidates do, red where the chain or niche has none.

const COLOUR: Record<CoverageState, string> = { covered: 'success', candidate: 'warning', gap: 'error' };

export function CoverageCard({ definition }: RegisterViewProps) {
  const { t, pick } = useI18n();
  const coverage = useQuery({
    queryKey: [...registerKeys.all, definition.key, 'coverage'],
    queryFn: () => api<ShowcaseCoverage>(`/api/registers/${definition.key}/coverage`),
  });
  if (coverage.isError) return <LoadError error={coverage.error} onRetry={() => void coverage.refetch()} />;
  if (!coverage.data) return <Skeleton active className="zz-card" />;
  const { chains, totals } = coverage.data;
  const stateTag = (state: CoverageState) => <Tag color={COLOUR[state]}>{t(`showcases.coverage.${state}`)}</Tag>;

  return (
    <div className="zz-card" data-testid="showcase-coverage">
      <Row gutter={24} align="middle" style={{ marginBottom: 16 }}>
        <Col flex="auto">
          <h3 style={{ margin: 0 }}>{t('showcases.coverage.title')}</h3>
          <div style={{ color: '#8c8c8c' }}>{t('showcases.coverage.hint')}</div>
        </Col>
        <Col>
          <Statistic title={t('showcases.coverage.chains')} value={totals.chainsCovered} suffix={`/ ${totals.chains}`} />
        </Col>
        <Col>
          <Statistic title={t('showcases.coverage.segments')} value={totals.segmentsCovered} suffix={`/ ${totals.segments}`} />
        </Col>
      </Row>
      <Table<ChainCoverage>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={chains}
        columns={[
          { key: 'chain', title: t('showcases.coverage.chain'), width: 220, render: (_, chain) => pick(chain.label) },
          { key: 'state', title: t('showcases.coverage.state'), width: 110, render: (_, chain) => stateTag(chain.state) },
          {
            key: 'segments',
            title: t('showcases.coverage.segmentList'),
            render: (_, chain) =>
              chain.segments.length === 0 ? (
                <Tag color="error" bordered={false} data-testid={`coverage-gap-${chain.code}`}>
                  {t('showcases.coverage.noSegment')}
                </Tag>
              ) : (
                chain.segments.map((s) => (
                  <Tooltip
                    key={s.segment}
                    title={
                      s.published.length
                        ? s.published.map((p) => `${p.name}${p.enterpriseName ? `（${p.enterpriseName}）` : ''}`).join('；')
                        : s.candidates
                          ? t('showcases.coverage.candidates', { count: s.candidates })
                          : t('showcases.coverage.gap')
                    }
                  >
                    <Tag color={COLOUR[s.state]} data-testid={`coverage-${chain.code}-${s.state}`}>
                      {s.segment}
                      {s.published.length > 1 ? ` ×${s.published.length}` : ''}
                    </Tag>
                  </Tooltip>
                ))
              ),
          },
        ]}
      />
    </div>
  );
}
