import { Alert, Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import type { Difference, ExpertReviewDetail } from '../api.ts';
import { formatScore, useMaturityLabels } from '../labels.ts';

/** The self-assessed and the verified level/score side by side, then the items where they differ, by impact. */
export function ResultComparison({ detail }: { detail: ExpertReviewDetail }) {
  const { t } = useI18n();
  const labels = useMaturityLabels();
  const verified = detail.verified ?? {
    reachedLevel: detail.verifiedResult.reachedLevel,
    totalScore: detail.verifiedResult.totalScore,
    submittedAt: null,
  };
  const levelDiffers = detail.selfAssessed.reachedLevel !== verified.reachedLevel;
  const scoreDiffers = Math.abs(detail.selfAssessed.totalScore - verified.totalScore) > 1e-9;
  const highlight = (differs: boolean) => (differs ? { color: '#cf1322' } : undefined);
  const columns = [
    { title: '#', key: 'i', width: 48, render: (_: unknown, __: Difference, i: number) => i + 1 },
    { title: t('maturity.report.item'), dataIndex: 'text' },
    { title: t('maturity.expert.level'), dataIndex: 'level', render: labels.level },
    { title: t('maturity.expert.selfAssessed'), dataIndex: 'selfValue', render: (v: number | null) => labels.answer(v) },
    {
      title: t('maturity.expert.verified'),
      dataIndex: 'expertValue',
      render: (v: number | null) => <Tag color="orange">{labels.answer(v)}</Tag>,
    },
    { title: t('maturity.expert.impact'), dataIndex: 'impact', align: 'right' as const, render: (v: number) => formatScore(v, 3) },
    { title: t('maturity.expert.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
  ];
  return (
    <Card title={t('maturity.expert.comparison')} data-testid="comparison" style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('maturity.expert.selfAssessed')} data-testid="self-result">
            <Statistic title={t('maturity.expert.level')} value={labels.level(detail.selfAssessed.reachedLevel)} data-testid="self-level" />
            <Statistic title={t('maturity.expert.score')} value={formatScore(detail.selfAssessed.totalScore)} data-testid="self-score" />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card
            size="small"
            title={detail.verified ? t('maturity.expert.verified') : t('maturity.expert.pending')}
            data-testid="verified-result"
            data-differs={levelDiffers || scoreDiffers}
          >
            <Statistic
              title={t('maturity.expert.level')}
              value={labels.level(verified.reachedLevel)}
              styles={{ content: highlight(levelDiffers) }}
              data-testid="verified-level"
            />
            <Statistic
              title={t('maturity.expert.score')}
              value={formatScore(verified.totalScore)}
              styles={{ content: highlight(scoreDiffers) }}
              data-testid="verified-score"
            />
          </Card>
        </Col>
      </Row>
      <Alert
        type={levelDiffers || scoreDiffers ? 'warning' : 'success'}
        showIcon
        title={levelDiffers || scoreDiffers ? t('maturity.expert.differs') : t('maturity.expert.same')}
        style={{ margin: '16px 0' }}
      />
      <Typography.Title level={5}>{t('maturity.expert.differences')}</Typography.Title>
      <Table<Difference>
        rowKey="requirementId"
        size="small"
        columns={columns}
        dataSource={detail.differences}
        pagination={false}
        locale={{ emptyText: <Empty description={t('maturity.expert.noDifferences')} /> }}
        data-testid="differences"
      />
    </Card>
  );
}
