import { Col, Row } from 'antd';
import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../../app/components/EChart.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { YearRow } from '../api.ts';
import { wanOf } from '../money.ts';

/** The project trend (seed §二.1: 60 in 2019 → 166 in 2024) and the money per year with the share of the fund. */
export function YearCharts({ rows }: { rows: YearRow[] }) {
  const t = useT();
  const years = rows.map((r) => String(r.year));
  const trend = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', name: t('funding.reports.projects') },
      series: [
        {
          type: 'line',
          name: t('funding.reports.projects'),
          data: rows.map((r) => r.projects),
          symbolSize: 8,
          areaStyle: { opacity: 0.12 },
          label: { show: true, position: 'top' },
        },
      ],
    }),
    [rows, years, t],
  );
  const money = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: years },
      yAxis: [
        { type: 'value', name: '万元' },
        { type: 'value', name: '%', max: 100, splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: t('funding.reports.awarded'), data: rows.map((r) => wanOf(r.awardedFen)) },
        { type: 'bar', name: t('funding.field.paid'), data: rows.map((r) => wanOf(r.paidFen)) },
        {
          type: 'line',
          name: t('funding.reports.share'),
          yAxisIndex: 1,
          data: rows.map((r) => (r.shareOfFund === null ? null : Math.round(r.shareOfFund * 1000) / 10)),
          label: { show: true, formatter: '{c}%' },
        },
      ],
    }),
    [rows, years, t],
  );
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <EChart option={trend} height={280} testId="trend-chart" />
      </Col>
      <Col xs={24} xl={12}>
        <EChart option={money} height={280} testId="money-chart" />
      </Col>
    </Row>
  );
}
