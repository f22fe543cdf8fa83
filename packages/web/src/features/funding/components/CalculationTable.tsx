import { Alert, Table, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { CalculationView } from '../api.ts';
import { useFundingLabels } from '../labels.ts';

/** The calculator's reasoning, one line per step, ending in the award; the same view for applicant and reviewer. */
export function CalculationTable({
  calculation,
  loading,
  compact,
}: {
  calculation: CalculationView | undefined;
  loading?: boolean;
  compact?: boolean;
}) {
  const t = useT();
  const labels = useFundingLabels();
  const lines = calculation?.lines ?? [];
  return (
    <div data-testid="calculation">
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        loading={loading}
        pagination={false}
        dataSource={lines}
        rowClassName={(l) => (l.step === 'result' ? 'zz-calc-result' : '')}
        columns={[
          { key: 'n', title: '#', width: 40, render: (_, __, i) => i + 1 },
          { key: 'text', title: t('funding.calc.step'), render: (_, l) => (l.step === 'result' ? <strong>{l.text}</strong> : l.text) },
          {
            key: 'amount',
            title: t('funding.calc.amount'),
            align: 'right',
            width: compact ? 130 : 180,
            render: (_, l) =>
              l.amountFen === null ? (
                ''
              ) : l.step === 'result' ? (
                <strong data-testid="calc-amount">{labels.yuan(l.amountFen)}</strong>
              ) : (
                labels.yuan(l.amountFen)
              ),
          },
        ]}
      />
      {calculation && !calculation.eligible && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('funding.apply.notEligible')} />
      )}
      {calculation && !compact && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('funding.apply.breakdownHint')}
        </Typography.Paragraph>
      )}
    </div>
  );
}
