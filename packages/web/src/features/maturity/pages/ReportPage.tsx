import '../maturity.css';
import { FormOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import type { AssessmentDetail, ModelView } from '../api.ts';
import { levelLabel } from '../bank.ts';
import { DomainRadar, radarLevel } from '../components/DomainRadar.tsx';
import { GapList } from '../components/GapList.tsx';
import { HistoryTrend } from '../components/HistoryTrend.tsx';
import { LevelScoreChart } from '../components/LevelScoreChart.tsx';
import { PeerComparison } from '../components/PeerComparison.tsx';
import { ReportActions } from '../components/ReportActions.tsx';
import { formatDate, formatScore, useMaturityLabels } from '../labels.ts';
import { useAssessments } from '../queries.ts';
import { AssessmentLoader } from '../components/AssessmentLoader.tsx';

export function ReportPage() {
  return <AssessmentLoader render={(detail, model) => <Report detail={detail} model={model} />} />;
}

function Report({ detail, model }: { detail: AssessmentDetail; model: ModelView }) {
  const { t, pick } = useI18n();
  const labels = useMaturityLabels();
  const navigate = useNavigate();
  const result = detail.result;
  const definition = model.definition;
  const history = useAssessments({ page: 1, pageSize: 50, status: 'submitted' });
  const own = (history.data?.items ?? []).filter((a) => a.enterpriseId === detail.enterpriseId);
  const levelName = result.reachedLevel ? levelLabel(definition, result.reachedLevel, pick) : labels.level(0);
  const next = radarLevel(result);

  return (
    <Page
      title={t('maturity.report.title')}
      subtitle={`${detail.enterpriseName} · ${detail.modelVersion} · ${labels.type(detail.manufacturingType)} · ${formatDate(detail.submittedAt ?? detail.updatedAt)}`}
      crumbs={[{ title: t('menu.maturity'), to: '/maturity' }, { title: t('maturity.report.title') }]}
      extra={
        <Space wrap>
          {detail.status === 'submitted' && <ReportActions assessmentId={detail.id} />}
          <Button icon={<FormOutlined />} onClick={() => void navigate(`/maturity/${detail.id}`)}>
            {t('maturity.report.questionnaire')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {detail.status === 'draft' && <Alert type="warning" showIcon title={t('maturity.report.draftNotice')} />}
        {detail.access === 'summary' && (
          <Alert type="info" showIcon title={t('maturity.report.notShared')} data-testid="report-not-shared" />
        )}
        {result.provisional && (
          <Alert
            type="info"
            showIcon
            title={t('maturity.report.provisional')}
            description={definition.provisionalNote ? pick(definition.provisionalNote) : undefined}
            data-testid="provisional-notice"
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            <Card style={{ height: '100%' }}>
              <Statistic
                title={t('maturity.report.level')}
                value={levelName}
                valueStyle={{ color: '#1a5fd6', fontSize: 32 }}
                data-testid="report-level"
              />
              <Statistic
                title={t('maturity.report.total')}
                value={formatScore(result.totalScore)}
                style={{ marginTop: 16 }}
                data-testid="report-total"
              />
              {result.reachedLevel > 0 && (
                <Tag style={{ marginTop: 12 }}>{pick(definition.levels.find((l) => l.level === result.reachedLevel)!.stage)}</Tag>
              )}
            </Card>
          </Col>
          {detail.access === 'full' && (
            <>
              <Col xs={24} lg={16}>
                <Card title={t('maturity.report.levels')}>
                  <LevelScoreChart result={result} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card title={t('maturity.report.radar', { level: levelLabel(definition, next, pick) })}>
                  <DomainRadar model={definition} result={result} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card title={t('maturity.report.history')}>
                  {history.isError ? (
                    <LoadError error={history.error} onRetry={() => void history.refetch()} />
                  ) : history.isPending ? (
                    <PageSkeleton rows={3} />
                  ) : (
                    <HistoryTrend items={own} />
                  )}
                </Card>
              </Col>
            </>
          )}
        </Row>
        {detail.access === 'full' && detail.status === 'submitted' && (
          <Card title={t('maturity.peers.title')}>
            <PeerComparison assessmentId={detail.id} score={result.totalScore} />
          </Card>
        )}
        {detail.access === 'full' && (
          <Card
            title={
              result.reachedLevel < 5
                ? t('maturity.report.gaps', { level: levelLabel(definition, next, pick) })
                : t('maturity.report.gapsTop')
            }
          >
            <GapList assessmentId={detail.id} />
          </Card>
        )}
        <Typography.Text type="secondary">{`${t('maturity.col.model')}: ${detail.modelVersion} · ${pick(definition.name)}`}</Typography.Text>
      </Space>
    </Page>
  );
}
