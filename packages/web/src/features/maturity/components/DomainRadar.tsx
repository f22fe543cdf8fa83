import type { MaturityResult, ModelVersion } from '@zhizao/domain';
import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../../app/components/EChart.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';

/** The level the radar shows: the next one to reach, or the top one once it is reached. */
export const radarLevel = (result: MaturityResult) => Math.min(5, result.reachedLevel + 1);

/** Domain scores B at one level, one spoke per domain. */
export function DomainRadar({ model, result }: { model: ModelVersion; result: MaturityResult }) {
  const { t, pick } = useI18n();
  const level = radarLevel(result);
  const option = useMemo<ChartOption>(() => {
    const scores = result.levels.find((l) => l.level === level)?.domains ?? [];
    const score = (code: string) => scores.find((d) => d.code === code)?.score ?? 0;
    return {
      tooltip: {},
      radar: { indicator: model.domains.map((d) => ({ name: pick(d.name), max: 1 })), radius: '65%', axisName: { color: '#555' } },
      series: [
        {
          type: 'radar',
          name: t('maturity.report.score'),
          data: [
            {
              value: model.domains.map((d) => Number(score(d.code).toFixed(3))),
              name: t('maturity.level.n', { n: level }),
              areaStyle: { opacity: 0.2 },
            },
          ],
        },
      ],
    };
  }, [model, result, level, pick, t]);
  return <EChart option={option} height={320} testId="domain-radar" />;
}
