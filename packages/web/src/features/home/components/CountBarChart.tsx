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
    // Long names (English zone names) would stack into towers under vertical bars: slant and cut them.
    const slant = !horizontal && data.some((d) => d.name.length > 12);
    const axisLabel = horizontal
      ? { interval: 0, width: 130, overflow: 'truncate' }
      : { interval: 0, width: slant ? 110 : 64, overflow: slant ? 'truncate' : 'break', rotate: slant ? 30 : 0, lineHeight: 14 };
    const categoryAxis = { type: 'category', data: data.map((d) => d.name), axisTick: { show: false }, axisLabel };
    const valueAxis = { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } };
    return {
      color: [color],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: [
        {
          name: seriesName,
          type: 'bar',
          data: data.map((d) => d.value),
          barMaxWidth: 28,
          label: { show: true, position: horizontal ? 'right' : 'top' },
          itemStyle: { borderRadius: horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0] },
        },
      ],
    };
  }, [data, seriesName, horizontal, color]);
  return <EChart option={option} height={height} testId={testId} />;
}
