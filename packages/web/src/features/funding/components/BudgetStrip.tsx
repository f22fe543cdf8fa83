import { Card, Col, Progress, Row, Statistic } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useFundingLabels } from '../labels.ts';
import { usedPercent } from '../money.ts';
import { useFunds } from '../queries.ts';

/** What each envelope of the year still has, above the review queue, so approvals are weighed against it. */
export function BudgetStrip({ year }: { year: number }) {
  const t = useT();
  const labels = useFundingLabels();
  const funds = useFunds();
  const fund = funds.data?.find((f) => f.year === year);
  if (!fund) return null;
  return (
    <Card size="small" title={`${fund.name} · ${t('funding.funds.available')}`} style={{ marginBottom: 16 }} data-testid="budget-strip">
      <Row gutter={24}>
        {fund.envelopes.map((e) => (
          <Col key={e.id} xs={24} md={12} xl={8}>
            <Statistic title={e.name} value={labels.wan(e.availableFen)} />
            <Progress size="small" showInfo={false} percent={usedPercent(e)} status={e.availableFen <= 0 ? 'exception' : 'normal'} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
