import { RECOGNITION_BENCHMARKS } from '@zhizao/domain';
import { Descriptions, Tag } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { ApplicationDetail, Benchmark } from '../api.ts';
import { formatChange } from '../labels.ts';

/** The application's CNC rate, cost and productivity change against the city's benchmarks (seed §二.3). */
export function Benchmarks({ benchmarks }: { benchmarks: ApplicationDetail['benchmarks'] }) {
  const t = useT();
  const verdict = (b: Benchmark) =>
    b.met === null ? (
      <Tag>{t('recognition.bench.unknown')}</Tag>
    ) : (
      <Tag color={b.met ? 'green' : 'orange'}>{t(b.met ? 'recognition.bench.met' : 'recognition.bench.notMet')}</Tag>
    );
  return (
    <Descriptions size="small" layout="vertical" column={{ xs: 1, md: 3 }} bordered data-testid="benchmarks">
      <Descriptions.Item label={t('recognition.bench.cnc', { target: RECOGNITION_BENCHMARKS.cncRate })}>
        {benchmarks.cncRate.value === null ? '—' : `${benchmarks.cncRate.value} %`} {verdict(benchmarks.cncRate)}
      </Descriptions.Item>
      <Descriptions.Item label={t('recognition.bench.cost')}>
        {formatChange(benchmarks.operatingCost.value)} {verdict(benchmarks.operatingCost)}
      </Descriptions.Item>
      <Descriptions.Item label={t('recognition.bench.productivity')}>
        {formatChange(benchmarks.productivity.value)} {verdict(benchmarks.productivity)}
      </Descriptions.Item>
    </Descriptions>
  );
}
