import { useQuery } from '@tanstack/react-query';
import { RECOGNITION_LEVEL_LABELS, type RecognitionLevel } from '@zhizao/domain';
import { Card, Col, Row, Statistic, Table, type TableColumnsType } from 'antd';
import { LoadError } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { fetchRecommendationSummary, type RecommendationTally } from '../titles/api.ts';

const yuan = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 });
const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10} %`);

/** Recommended → won and the amount won, in all, by level and by year. */
export function RecommendationSummary() {
  const { pick, t } = useI18n();
  const query = useQuery({ queryKey: ['registers', 'upward-recommendations', 'summary'], queryFn: fetchRecommendationSummary });
  if (query.error) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  function columns<T extends RecommendationTally>(): TableColumnsType<T> {
    return [
      { title: t('recommendations.summary.recommended'), dataIndex: 'recommended', key: 'recommended' },
      { title: t('recommendations.summary.won'), dataIndex: 'won', key: 'won' },
      { title: t('recommendations.summary.pending'), dataIndex: 'pending', key: 'pending' },
      { title: t('recommendations.summary.rate'), key: 'rate', render: (_: unknown, r: T) => rate(r.winRate) },
      { title: t('recommendations.summary.amount'), key: 'amount', render: (_: unknown, r: T) => yuan.format(r.amountWon / 100) },
    ];
  }
  return (
    <Card
      title={t('recommendations.summary.title')}
      loading={query.isPending}
      style={{ marginBottom: 16 }}
      data-testid="recommendation-summary"
    >
      {s && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Statistic title={t('recommendations.summary.recommended')} value={s.total.recommended} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('recommendations.summary.won')} value={s.total.won} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('recommendations.summary.rate')} value={rate(s.total.winRate)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('recommendations.summary.amount')} value={yuan.format(s.total.amountWon / 100)} />
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Table<RecommendationTally & { level: string }>
                size="small"
                pagination={false}
                rowKey="level"
                title={() => t('recommendations.summary.byLevel')}
                dataSource={s.byLevel}
                columns={[
                  {
                    title: t('recommendations.summary.group'),
                    key: 'level',
                    render: (_: unknown, r: { level: string }) => pick(RECOGNITION_LEVEL_LABELS[r.level as RecognitionLevel]),
                  },
                  ...columns<RecommendationTally & { level: string }>(),
                ]}
              />
            </Col>
            <Col xs={24} md={12}>
              <Table<RecommendationTally & { year: number }>
                size="small"
                pagination={false}
                rowKey="year"
                title={() => t('recommendations.summary.byYear')}
                dataSource={s.byYear}
                columns={[
                  { title: t('recommendations.summary.group'), dataIndex: 'year', key: 'year' },
                  ...columns<RecommendationTally & { year: number }>(),
                ]}
              />
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}
