import { Table } from 'antd';
import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../../app/components/EChart.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { Distribution } from '../bureauApi.ts';
import { useMaturityLabels } from '../labels.ts';

const LEVELS = [0, 1, 2, 3, 4, 5];
const COLORS = ['#bfbfbf', '#91caff', '#4096ff', '#1a5fd6', '#003eb3', '#002c8c'];

/** Level counts 0–5 per group as a stacked bar, with the counts beside it as a table. */
export function DistributionChart({ data }: { data: Distribution }) {
  const t = useT();
  const labels = useMaturityLabels();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.groups.map((g) => g.name),
        axisLabel: { interval: 0, rotate: data.groups.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: LEVELS.map((l) => ({
        type: 'bar',
        stack: 'levels',
        name: labels.level(l),
        itemStyle: { color: COLORS[l] },
        data: data.groups.map((g) => g.levels[l] ?? 0),
      })),
    }),
    [data, labels],
  );
  const rows = [
    ...data.groups.map((g) => ({ key: g.code, name: g.name, total: g.total, levels: g.levels })),
    { key: '__city', name: t('maturity.bureau.total'), total: data.city.total, levels: data.city.levels },
  ];
  return (
    <>
      <EChart option={option} height={340} testId="distribution-chart" />
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        data-testid="distribution-table"
        scroll={{ x: true }}
        columns={[
          { title: t('maturity.bureau.group'), dataIndex: 'name' },
          ...LEVELS.map((l) => ({
            title: labels.level(l),
            key: `l${l}`,
            align: 'right' as const,
            render: (_: unknown, r: (typeof rows)[number]) => r.levels[l] ?? 0,
          })),
          { title: t('maturity.bureau.total'), dataIndex: 'total', align: 'right' as const },
        ]}
      />
    </>
  );
}
