import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../../app/components/EChart.tsx';

interface Props {
  /** Category names with their counts, in display order. */
  data: { name: string; value: number }[];
  seriesName: string;
  /** Horizontal bars suit long names (industry chains). */
  horizontal?: boolean;
  color?: string;
  testId?: string;
  height?: number;
}

/** One bar per category, counts on the value axis. */
export function CountBarChart({ data, seriesName, horizontal = false, color = '#1a5fd6', testId, height = 320 }: Props) {
  const option = useMemo<ChartOption>(() => {
    const categoryAxis = { type: 'category', data: data.map((d) => d.name), axisTick: { show: false }, axisLabel: { interval: 0, width: horizontal ? 120 : 64, overflow: horizontal ? 'truncate' : 'break', lineHeight: 14 } };
    const valueAxis = { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } };
    return {
      color: [color],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: [{ name: seriesName, type: 'bar', data: data.map((d) => d.value), barMaxWidth: 28, label: { show: true, position: horizontal ? 'right' : 'top' }, itemStyle: { borderRadius: horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0] } }],
    };
  }, [data, seriesName, horizontal, color]);
  return <EChart option={option} height={height} testId={testId} />;
}
