import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../../app/components/EChart.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { KpiView } from '../ladderApi.ts';
import { formatChange } from '../labels.ts';

/** Above this productivity gain (in %) a point is drawn at the edge, so one glass line's ×100 does not flatten the rest. */
const CAP = 150;

/**
 * Each recognised enterprise as a point: operating-cost change across, productivity change up; dashed
 * lines mark the benchmarks, so the lower-right quarter beyond both is where the city wants everyone.
 */
export function KpiScatter({ data }: { data: KpiView }) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const points = data.items
      .filter((i) => i.operatingCostChange !== null && i.productivityChange !== null)
      .map((i) => {
        const y = Math.round(i.productivityChange! * 1000) / 10;
        return {
          value: [Math.round(i.operatingCostChange! * 1000) / 10, Math.min(y, CAP)],
          name: i.enterpriseName,
          real: i,
          symbol: y > CAP ? 'triangle' : 'circle',
        };
      });
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { data: (typeof points)[number] }) =>
          p.data.real
            ? `${p.data.name}<br/>${t('recognition.kpis.cost')}: ${formatChange(p.data.real.operatingCostChange)}<br/>${t('recognition.kpis.productivity')}: ${formatChange(p.data.real.productivityChange)}`
            : '',
      },
      grid: { left: 16, right: 40, top: 40, bottom: 36, containLabel: true },
      xAxis: { type: 'value', name: `${t('recognition.kpis.cost')} %`, nameLocation: 'middle', nameGap: 28, max: 0 },
      yAxis: { type: 'value', name: `${t('recognition.kpis.productivity')} %`, min: 0, max: CAP },
      series: [
        {
          type: 'line',
          symbolSize: 10,
          lineStyle: { width: 0 },
          itemStyle: { color: '#1677ff', opacity: 0.75 },
          data: points,
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { type: 'dashed', color: '#d4380d' },
            label: { formatter: (p: { value: number }) => `${p.value > 0 ? '+' : ''}${p.value} %` },
            data: [{ xAxis: data.benchmarks.operatingCostChange * 100 }, { yAxis: data.benchmarks.productivityChange * 100 }],
          },
        },
      ],
    };
  }, [data, t]);
  return <EChart option={option} height={340} testId="kpi-chart" />;
}
