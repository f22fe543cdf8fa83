import { EDITABLE_STATES } from '@zhizao/domain';
import { Card, Col, Descriptions, Row, Space } from 'antd';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyNames } from '../../registry/taxonomy.ts';
import { ApplicationForm } from '../components/ApplicationForm.tsx';
import { ApplicationView } from '../components/ApplicationView.tsx';
import { History } from '../components/History.tsx';
import { MoveBar } from '../components/MoveBar.tsx';
import { PanelCard } from '../components/PanelCard.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { formatScore, useRecognitionLabels } from '../labels.ts';
import { useApplication, useProgramme } from '../queries.ts';

/** One application: the enterprise's form while it may edit, everyone else's review page otherwise. */
export function ApplicationPage() {
  const t = useT();
  const { can } = useAuth();
  const labels = useRecognitionLabels();
  const names = useTaxonomyNames();
  const id = Number(useParams().id);
  const detail = useApplication(id);
  const programme = useProgramme(detail.data?.programmeId ?? 0);
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  if (programme.isError) return <LoadError error={programme.error} onRetry={() => void programme.refetch()} />;
  if (!detail.data || !programme.data) return <PageSkeleton rows={12} />;
  const d = detail.data;
  const editing = can('recognition.application.write') && EDITABLE_STATES.includes(d.state);
  const showPanel =
    can('recognition.panel.manage') && ['expert_scoring', 'shortlisted', 'in_notice', 'recognised', 'rejected'].includes(d.state);

  return (
    <Page
      title={d.projectName || t('recognition.app.untitled')}
      subtitle={
        <Space wrap>
          <StateTag state={d.state} />
          <span>{labels.programme(d.programme)}</span>
          <span>· {d.enterpriseName}</span>
        </Space>
      }
      crumbs={[{ title: t('menu.recognitionApplications'), to: '/recognition/applications' }, { title: d.enterpriseName }]}
    >
      {editing ? (
        <ApplicationForm detail={d} programme={programme.data} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <ApplicationView detail={d} required={programme.data.requiredKpis} />
            {showPanel && <PanelCard detail={d} />}
          </Col>
          <Col xs={24} xl={8}>
            <Card title={t('recognition.app.status')} style={{ marginBottom: 16 }}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('recognition.col.district')}>{names.district(d.districtCode)}</Descriptions.Item>
                <Descriptions.Item label={t('recognition.score.final')}>
                  <span data-testid="final-score">{formatScore(d.finalScore)}</span>
                </Descriptions.Item>
                {d.rank !== null && <Descriptions.Item label={t('recognition.col.rank')}>{d.rank}</Descriptions.Item>}
                {d.scoreSpread && (
                  <Descriptions.Item label={t('recognition.score.range')}>
                    {formatScore(d.scoreSpread.min)} – {formatScore(d.scoreSpread.max)} (σ {formatScore(d.scoreSpread.stddev)}, n=
                    {d.scoreSpread.n})
                  </Descriptions.Item>
                )}
                {d.recognitionNumber && (
                  <Descriptions.Item label={t('recognition.col.number')}>
                    <span data-testid="recognition-number">{d.recognitionNumber}</span>
                  </Descriptions.Item>
                )}
                {d.noticeId && can('recognition.notice.manage') && (
                  <Descriptions.Item label={t('recognition.notice.one')}>
                    <Link to={`/recognition/notices/${d.noticeId}`}>{t('recognition.notice.view')}</Link>
                  </Descriptions.Item>
                )}
              </Descriptions>
              <div style={{ marginTop: 12 }}>
                <MoveBar detail={d} />
              </div>
            </Card>
            <Card title={t('recognition.app.history')}>
              <History entries={d.history} />
            </Card>
          </Col>
        </Row>
      )}
      {editing && d.history.length > 0 && (
        <Card title={t('recognition.app.history')} style={{ marginTop: 16 }}>
          <History entries={d.history} />
        </Card>
      )}
    </Page>
  );
}
