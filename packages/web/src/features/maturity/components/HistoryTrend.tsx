import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../../app/components/EChart.tsx';
import { EmptyState } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { AssessmentSummary } from '../api.ts';

/** The enterprise's submitted assessments over time: total score and level reached. */
export function HistoryTrend({ items }: { items: AssessmentSummary[] }) {
  const t = useT();
  const done = useMemo(() => items.filter((a) => a.submittedAt).sort((a, b) => a.submittedAt!.localeCompare(b.submittedAt!)), [items]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: done.map((a) => a.submittedAt!.slice(0, 10)) },
      yAxis: { type: 'value', min: 0, max: 5, interval: 1 },
      series: [
        {
          type: 'line',
          name: t('maturity.report.total'),
          data: done.map((a) => a.totalScore),
          symbolSize: 8,
          label: { show: true, formatter: ({ value }: { value: number }) => value.toFixed(2) },
        },
      ],
    }),
    [done, t],
  );
  if (done.length < 2) return <EmptyState description={t('maturity.report.historyEmpty')} />;
  return <EChart option={option} height={200} testId="history-trend" />;
}
