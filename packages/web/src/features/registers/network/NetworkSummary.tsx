import { OPERATORS, WEIHAI_DISTRICTS } from '@zhizao/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Skeleton, Statistic } from 'antd';
import { useMemo } from 'react';
import { api } from '../../../app/api/client.ts';
import { EChart, type ChartOption } from '../../../app/components/EChart.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';

// The network figures above the base-station list, counted by the server from the rows
// (GET /api/registers/network/summary): stations in service by district and operator, key-place reach,
// obstacle ageing.

interface NetworkSummaryData {
  baseStations: { inService: number; byOperatorAndDistrict: { operator: string; districtCode: string; count: number }[] };
  keyPlaces: { total: number; continuous: number; reach: number | null };
  obstacles: { open: number; assigned: number; oldestDaysOpen: number | null; averageDaysToResolve: number | null };
}

export function NetworkSummary() {
  const { t, pick } = useI18n();
  const summary = useQuery({
    queryKey: ['registers', 'network', 'summary'],
    queryFn: () => api<NetworkSummaryData>('/api/registers/network/summary'),
  });
  const option = useMemo<ChartOption | null>(() => {
    const data = summary.data;
    if (!data || data.baseStations.inService === 0) return null;
    const districts = WEIHAI_DISTRICTS.filter((d) => data.baseStations.byOperatorAndDistrict.some((r) => r.districtCode === d.code));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 56 },
      xAxis: { type: 'category', data: districts.map((d) => pick({ zh: d.nameZh, en: d.nameEn })), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value' },
      series: OPERATORS.map((o) => ({
        name: pick(o.label),
        type: 'bar',
        stack: 'stations',
        data: districts.map(
          (d) => data.baseStations.byOperatorAndDistrict.find((r) => r.operator === o.value && r.districtCode === d.code)?.count ?? 0,
        ),
      })),
    };
  }, [summary.data, pick]);

  if (summary.isPending) return <Skeleton active />;
  if (!summary.data) return null;
  const { baseStations, keyPlaces, obstacles } = summary.data;
  const none = t('registers.network.none');
  return (
    <Card title={t('registers.network.title')} style={{ marginBottom: 16 }} data-testid="network-summary">
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title={t('registers.network.inService')} value={baseStations.inService} data-testid="network-in-service" />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('registers.network.reach')}
            value={keyPlaces.reach ?? none}
            suffix={keyPlaces.reach === null ? undefined : '%'}
            data-testid="network-reach"
          />
          <div>{t('registers.network.reachOf', { covered: keyPlaces.continuous, total: keyPlaces.total })}</div>
        </Col>
        <Col span={8}>
          <Statistic title={t('registers.network.obstaclesOpen')} value={obstacles.open + obstacles.assigned} />
          <div>
            {obstacles.oldestDaysOpen !== null && t('registers.network.oldest', { days: obstacles.oldestDaysOpen })}{' '}
            {obstacles.averageDaysToResolve !== null && t('registers.network.toResolve', { days: obstacles.averageDaysToResolve })}
          </div>
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <div style={{ fontWeight: 500 }}>{t('registers.network.byDistrict')}</div>
        {option ? <EChart option={option} height={300} testId="network-chart" /> : <Empty description={t('registers.network.empty')} />}
      </div>
    </Card>
  );
}
