import { Table, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { EChart, type ChartOption } from '../../../app/components/EChart.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { Bins, Distribution } from '../bureauApi.ts';

const BINS: (keyof Bins<number>)[] = ['upToL1', 'l2', 'l3', 'l4Plus'];
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
const toPct = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1000) / 10);

/** The city's shares per level band next to the national snapshot, naming the snapshot and its source. */
export function DistributionNational({ data }: { data: Distribution }) {
  const t = useT();
  const binLabel = useCallback((b: string) => t(`maturity.bureau.bin.${b}` as 'maturity.bureau.bin.l2'), [t]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: BINS.map(binLabel), axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [
        { type: 'bar', name: t('maturity.bureau.city'), data: BINS.map((b) => toPct(data.city.shares[b])) },
        { type: 'bar', name: data.national.label, data: BINS.map((b) => toPct(data.national.shares[b])), itemStyle: { color: '#faad14' } },
      ],
    }),
    [data, t, binLabel],
  );
  const rows = [
    ...BINS.map((b) => ({ key: b, name: binLabel(b), city: data.city.shares[b], national: data.national.shares[b] })),
    { key: 'atLeastL2', name: t('maturity.bureau.atLeastL2'), city: data.city.atLeastL2, national: data.national.atLeastL2 },
  ];
  return (
    <>
      <EChart option={option} height={220} testId="national-chart" />
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        data-testid="national-table"
        columns={[
          { title: t('maturity.bureau.bin'), dataIndex: 'name' },
          { title: t('maturity.bureau.city'), dataIndex: 'city', align: 'right', render: pct },
          { title: `${t('maturity.bureau.nationalCol')} (${data.national.label})`, dataIndex: 'national', align: 'right', render: pct },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }} data-testid="national-source">
        {`${data.national.label} · ${data.national.asOf}${data.national.enterprises ? ` · ${data.national.enterprises}` : ''}`}
        <br />
        {`${t('maturity.bureau.source')}: ${data.national.sources.join('; ')}`}
        {data.national.note && (
          <>
            <br />
            {data.national.note}
          </>
        )}
      </Typography.Paragraph>
    </>
  );
}
