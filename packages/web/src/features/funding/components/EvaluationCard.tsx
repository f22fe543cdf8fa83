import { Alert, Card, Table, Tag } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { Evaluation } from '../api.ts';
import { useFundingLabels } from '../labels.ts';

const RESULT_TYPE = { met: 'success', partial: 'warning', missed: 'error' } as const;

/** The completion report: each target KPI against its actual, met or not, and what that means for the award. */
export function EvaluationCard({ evaluation }: { evaluation: Evaluation }) {
  const t = useT();
  const labels = useFundingLabels();
  return (
    <Card title={t('funding.award.report')} style={{ marginBottom: 16 }} data-testid="evaluation">
      <Alert
        type={RESULT_TYPE[evaluation.result]}
        showIcon
        style={{ marginBottom: 12 }}
        title={`${t(`funding.award.evaluationResult.${evaluation.result}`)}（${evaluation.metCount} / ${evaluation.total}）· ${evaluation.completionDate}`}
        description={
          evaluation.suggestedClawBackFen > 0
            ? t('funding.award.suggestedClawBack', { amount: labels.yuan(evaluation.suggestedClawBackFen) })
            : undefined
        }
      />
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={evaluation.lines}
        columns={[
          { key: 'name', title: t('funding.field.kpiName'), render: (_, l) => l.name },
          { key: 'baseline', title: t('funding.field.baseline'), align: 'right', render: (_, l) => `${l.baseline} ${l.unit}` },
          { key: 'target', title: t('funding.field.target'), align: 'right', render: (_, l) => `${l.target} ${l.unit}` },
          { key: 'actual', title: t('funding.field.actual'), align: 'right', render: (_, l) => `${l.actual} ${l.unit}` },
          {
            key: 'change',
            title: t('funding.award.change'),
            align: 'right',
            render: (_, l) => (l.changePct === null ? '—' : `${l.changePct > 0 ? '+' : ''}${l.changePct.toFixed(1)}%`),
          },
          {
            key: 'met',
            title: '',
            width: 80,
            render: (_, l) => <Tag color={l.met ? 'green' : 'red'}>{t(l.met ? 'funding.award.met' : 'funding.award.missed')}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
