import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../../app/components/EChart.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { compactNumber } from '../labels.tsx';
import type { DailyStats } from '../api.ts';

/** Every day of the period, zero where the node counted nothing, so the time axis has no gaps. */
function everyDay(days: DailyStats['days'], from: string, to: string): DailyStats['days'] {
  const counted = new Map(days.map((d) => [d.day, d]));
  const all: DailyStats['days'] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); at <= end && all.length < 3700; at += 86_400_000) {
    const day = new Date(at).toISOString().slice(0, 10);
    all.push(counted.get(day) ?? { day, registrations: 0, resolutions: 0 });
  }
  return all;
}

/** Registrations and resolutions per day, two lines on one time axis. */
export function DailyChart({ days: counted, from, to }: { days: DailyStats['days']; from: string; to: string }) {
  const { t, locale } = useI18n();
  const days = useMemo(() => everyDay(counted, from, to), [counted, from, to]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: days.map((d) => d.day), boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: compactNumber(locale) } },
      series: [
        {
          type: 'line',
          name: t('identifiers.stats.registrations'),
          showSymbol: days.length < 40,
          data: days.map((d) => d.registrations),
          areaStyle: { opacity: 0.08 },
        },
        {
          type: 'line',
          name: t('identifiers.stats.resolutions'),
          showSymbol: days.length < 40,
          data: days.map((d) => d.resolutions),
          areaStyle: { opacity: 0.08 },
        },
      ],
    }),
    [days, t, locale],
  );
  return <EChart option={option} height={300} testId="daily-chart" />;
}

/** The busiest enterprises of the period, as horizontal bars (registrations and resolutions side by side). */
export function EnterpriseChart({ rows }: { rows: DailyStats['byEnterprise'] }) {
  const { t, locale } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const top = [...rows]
      .sort((a, b) => b.registrations + b.resolutions - (a.registrations + a.resolutions))
      .slice(0, 10)
      .reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: compactNumber(locale) } },
      yAxis: { type: 'category', data: top.map((r) => r.enterpriseName), axisLabel: { width: 160, overflow: 'truncate' } },
      series: [
        { type: 'bar', name: t('identifiers.stats.registrations'), barMaxWidth: 18, data: top.map((r) => r.registrations) },
        { type: 'bar', name: t('identifiers.stats.resolutions'), barMaxWidth: 18, data: top.map((r) => r.resolutions) },
      ],
    };
  }, [rows, t, locale]);
  return <EChart option={option} height={Math.max(160, 60 + rows.slice(0, 10).length * 36)} testId="enterprise-chart" />;
}
