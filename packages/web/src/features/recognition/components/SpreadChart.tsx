import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../../app/components/EChart.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { ShortlistItem } from '../reviewApi.ts';

/**
 * Each shortlisted application's panel score as a point and its experts' lowest–highest totals as a
 * floating bar (an invisible bar up to the minimum, a visible one from minimum to maximum).
 */
export function SpreadChart({ items }: { items: ShortlistItem[] }) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const names = items.map((i) => `${i.rank}. ${i.enterpriseName}`);
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number }[]) => {
          const i = items[params[0]?.dataIndex ?? 0];
          return i
            ? `${i.enterpriseName}<br/>${t('recognition.score.final')}: ${i.score.toFixed(2)}<br/>${t('recognition.score.range')}: ${i.spread.min.toFixed(2)} – ${i.spread.max.toFixed(2)}<br/>σ ${i.spread.stddev.toFixed(2)} · n=${i.spread.n}`
            : '';
        },
      },
      legend: { top: 0, data: [t('recognition.score.range'), t('recognition.score.final')] },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0, width: 120, overflow: 'truncate' },
      },
      yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor((v.min - 5) / 10) * 10), max: 100 },
      series: [
        { type: 'bar', stack: 'spread', silent: true, itemStyle: { color: 'transparent' }, data: items.map((i) => i.spread.min) },
        {
          type: 'bar',
          stack: 'spread',
          name: t('recognition.score.range'),
          barWidth: 18,
          itemStyle: { color: '#91caff' },
          data: items.map((i) => Math.max(0.3, i.spread.max - i.spread.min)),
        },
        {
          type: 'line',
          name: t('recognition.score.final'),
          showSymbol: true,
          symbol: 'diamond',
          symbolSize: 14,
          z: 5,
          lineStyle: { width: 0 },
          itemStyle: { color: '#d4380d' },
          data: items.map((i) => i.score),
        },
      ],
    };
  }, [items, t]);
  return <EChart option={option} height={300} testId="spread-chart" />;
}
