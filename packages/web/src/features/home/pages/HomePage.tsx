import { Button, Card, Col, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { visibleMenu, isGroup } from '../../../app/layout/menu.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import type { RegistryStats } from '../../registry/api.ts';
import { useRegistryStats, useTaxonomy } from '../../registry/queries.ts';
import { useTaxonomyNames } from '../../registry/taxonomy.ts';
import { CountBarChart } from '../components/CountBarChart.tsx';
import { OwnEnterpriseCard } from '../components/OwnEnterpriseCard.tsx';
import { StatCards } from '../components/StatCards.tsx';

export function HomePage() {
  const { t } = useI18n();
  const { session, can } = useAuth();
  const name = session?.user.displayName ?? '';
  const ownEnterpriseId = session?.user.role === 'enterprise_user' ? session.user.enterpriseId : null;
  return (
    <Page title={t('home.greeting', { name })} subtitle={t('app.bureau')}>
      {ownEnterpriseId ? <OwnEnterpriseCard enterpriseId={ownEnterpriseId} /> : null}
      {can('registry.read') ? <RegistryDashboard /> : <AdminWelcome />}
    </Page>
  );
}

/** Accounts without registry rights (the three administrators) get their own entry points instead of counts. */
function AdminWelcome() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const entries = visibleMenu(can).flatMap((item) => (isGroup(item) ? item.entries : []));
  return (
    <Card title={t('home.shortcuts')}>
      <Typography.Paragraph type="secondary">{t('home.welcomeAdmin')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {entries.map((e) => (
          <Col key={e.path} xs={24} sm={12} lg={6}>
            <Button block size="large" icon={e.icon} onClick={() => void navigate(e.path)}>
              {t(e.label)}
            </Button>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function RegistryDashboard() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const stats = useRegistryStats();
  const taxonomy = useTaxonomy();
  if (stats.isPending || taxonomy.isPending) return <PageSkeleton rows={10} />;
  if (stats.isError) return <LoadError error={stats.error} onRetry={() => void stats.refetch()} />;
  if (taxonomy.isError) return <LoadError error={taxonomy.error} onRetry={() => void taxonomy.refetch()} />;
  if (stats.data.enterprises === 0) {
    return (
      <div className="zz-card">
        <EmptyState
          description={t('home.emptyRegistry')}
          action={
            <Button type="primary" onClick={() => void navigate('/enterprises')}>
              {t('home.openList')}
            </Button>
          }
        />
      </div>
    );
  }
  return <Charts stats={stats.data} />;
}

function Charts({ stats }: { stats: RegistryStats }) {
  const { t } = useI18n();
  const { actor } = useAuth();
  const names = useTaxonomyNames();
  const taxonomy = useTaxonomy().data!;
  // Every district appears, zero or not, so a district with no enterprise is visible as such.
  const districts = useMemo(
    () =>
      taxonomy.districts
        .filter((d) => actor?.role !== 'district_officer' || d.code === actor.districtCode)
        .map((d) => ({ name: names.district(d.code), value: stats.byDistrict[d.code] ?? 0 })),
    [taxonomy, stats, names, actor],
  );
  const chains = useMemo(
    () => taxonomy.chains.map((c) => ({ name: names.chain(c.code), value: stats.byChain[c.code] ?? 0 })).sort((a, b) => b.value - a.value),
    [taxonomy, stats, names],
  );
  // Both cards share one height; the chain chart needs a row per chain.
  const height = Math.max(320, chains.length * 32 + 48);
  const scope =
    actor?.role === 'district_officer' && actor.districtCode
      ? t('home.scopeDistrict', { district: names.district(actor.districtCode) })
      : t('home.scopeCity');
  return (
    <>
      <Typography.Paragraph type="secondary">{scope}</Typography.Paragraph>
      <StatCards stats={stats} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('home.byDistrict')} variant="borderless">
            <CountBarChart data={districts} seriesName={t('home.chartSeries')} height={height} testId="chart-district" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('home.byChain')} variant="borderless">
            {chains.some((c) => c.value > 0) ? (
              <CountBarChart
                data={chains}
                seriesName={t('home.chartSeries')}
                horizontal
                color="#13a8a8"
                height={height}
                testId="chart-chain"
              />
            ) : (
              <EmptyState description={t('home.noChains')} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
