import { Alert, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EmptyState, LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { Gap } from '../api.ts';
import { formatScore, useMaturityLabels } from '../labels.ts';
import { useAdvice } from '../queries.ts';

/** The items to improve for the next level, largest weighted shortfall first, until the pass line is reached. */
export function GapList({ assessmentId }: { assessmentId: number }) {
  const t = useT();
  const labels = useMaturityLabels();
  const advice = useAdvice(assessmentId);
  if (advice.isPending) return <PageSkeleton rows={4} />;
  if (advice.isError) return <LoadError error={advice.error} onRetry={() => void advice.refetch()} />;
  const plan = advice.data;
  if (!plan.targetLevel) return <EmptyState description={t('maturity.report.gapsTop')} />;
  const reaches = plan.reachesThresholdAfter;
  const columns: TableColumnsType<Gap> = [
    { title: '#', key: 'rank', width: 48, render: (_, __, i) => i + 1 },
    {
      title: t('maturity.report.item'),
      key: 'item',
      render: (_, g) => (
        <>
          <Typography.Text type="secondary">
            {g.domainName} / {g.subDomainName}
          </Typography.Text>
          <div>{g.text}</div>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            <Tag color="blue">{t('maturity.report.advice')}</Tag>
            {g.advice}
          </Typography.Paragraph>
        </>
      ),
    },
    { title: t('maturity.report.answer'), dataIndex: 'value', width: 110, render: (v: number | null) => labels.answer(v ?? undefined) },
    { title: t('maturity.report.gain'), dataIndex: 'gain', width: 110, align: 'right', render: (v: number) => formatScore(v, 3) },
    {
      title: t('maturity.report.projected'),
      dataIndex: 'projectedScore',
      width: 140,
      align: 'right',
      render: (v: number) => <Typography.Text type={v >= plan.threshold ? 'success' : undefined}>{formatScore(v, 3)}</Typography.Text>,
    },
  ];
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('maturity.report.currentScore', { score: formatScore(plan.currentScore, 3), threshold: plan.threshold })}
        description={reaches ? t('maturity.report.reachesAfter', { count: reaches }) : undefined}
      />
      <Table<Gap>
        rowKey="requirementId"
        size="small"
        columns={columns}
        dataSource={plan.gaps}
        pagination={plan.gaps.length > 20 ? { pageSize: 20 } : false}
        rowClassName={(_, i) => (reaches && i < reaches ? 'zz-maturity-gap-key' : '')}
        locale={{ emptyText: <EmptyState description={t('maturity.report.noGaps')} /> }}
        data-testid="gap-list"
      />
    </>
  );
}
