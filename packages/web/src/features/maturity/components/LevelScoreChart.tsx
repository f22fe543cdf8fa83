import type { MaturityResult } from '@zhizao/domain';
import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../../app/components/EChart.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useMaturityLabels } from '../labels.ts';

/** A1..A5 as bars (green when the level passes on its own) with the pass line across them. */
export function LevelScoreChart({ result }: { result: MaturityResult }) {
  const t = useT();
  const labels = useMaturityLabels();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => v.toFixed(3) },
      grid: { left: 8, right: 80, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: result.levels.map((l) => labels.level(l.level)), axisTick: { show: false } },
      yAxis: { type: 'value', min: 0, max: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      series: [
        {
          name: t('maturity.report.score'),
          type: 'bar',
          barMaxWidth: 36,
          data: result.levels.map((l) => ({
            value: l.score ?? 0,
            itemStyle: { color: l.passed ? '#52c41a' : '#1a5fd6', borderRadius: [4, 4, 0, 0] },
          })),
          label: { show: true, position: 'top', formatter: ({ value }: { value: number }) => value.toFixed(2) },
          markLine: {
            symbol: 'none',
            lineStyle: { color: '#fa541c', type: 'dashed' },
            label: { formatter: t('maturity.report.threshold', { value: result.passThreshold }) },
            data: [{ yAxis: result.passThreshold }],
          },
        },
      ],
    }),
    [result, t, labels],
  );
  return <EChart option={option} height={280} testId="level-chart" />;
}
