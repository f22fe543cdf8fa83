import { RECOGNITION_LEVELS } from '@zhizao/domain';
import { Card, Steps, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { ApplicationSummary } from '../api.ts';
import { StateTag } from '../components/StateTag.tsx';
import { OUTCOME_COLORS, useRecognitionLabels } from '../labels.ts';
import { useEnterpriseLadder } from '../queries.ts';

/** The enterprise's own climb: municipal → provincial → national, its applications and recommendations. */
export function MyLadderPage() {
  const t = useT();
  const { session } = useAuth();
  const labels = useRecognitionLabels();
  const ladder = useEnterpriseLadder(session?.user.enterpriseId ?? 0);
  if (!session?.user.enterpriseId) return <EmptyState description={t('recognition.my.noEnterprise')} />;
  if (ladder.isError) return <LoadError error={ladder.error} onRetry={() => void ladder.refetch()} />;
  if (!ladder.data) return <PageSkeleton />;
  const d = ladder.data;
  const reached = RECOGNITION_LEVELS.map(
    (l) => d.steps.find((s) => s.level === l)?.recognitions.filter((r) => r.status === 'active') ?? [],
  );
  const current = reached.reduce((top, rs, i) => (rs.length ? i : top), -1);
  return (
    <Page title={t('recognition.my.title')} subtitle={d.enterprise.name}>
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={current}
          data-testid="my-ladder"
          items={RECOGNITION_LEVELS.map((l, i) => ({
            title: labels.level(l),
            status: reached[i]!.length ? 'finish' : i === current + 1 ? 'process' : 'wait',
            content: reached[i]!.length ? (
              reached[i]!.map((r) => (
                <div key={r.id}>
                  <Typography.Text className="zz-mono">{r.recognitionNumber}</Typography.Text>
                  <br />
                  {labels.kind(r.kind)} · {r.projectName} · {r.recognisedOn}
                </div>
              ))
            ) : (
              <Typography.Text type="secondary">{t(i === current + 1 ? 'recognition.my.next' : 'recognition.my.notYet')}</Typography.Text>
            ),
          }))}
        />
      </Card>
      <Card title={t('recognition.my.applications')} style={{ marginBottom: 16 }}>
        <Table<ApplicationSummary>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.applications}
          locale={{
            emptyText: (
              <EmptyState
                description={t('recognition.list.emptyOwn')}
                action={<Link to="/recognition/applications">{t('recognition.apply.title')}</Link>}
              />
            ),
          }}
          columns={[
            {
              title: t('recognition.col.project'),
              key: 'p',
              render: (_, a) => <Link to={`/recognition/applications/${a.id}`}>{a.projectName || t('recognition.app.untitled')}</Link>,
            },
            { title: t('recognition.col.programme'), key: 'g', render: (_, a) => labels.programme(a.programme) },
            { title: t('recognition.col.state'), key: 's', render: (_, a) => <StateTag state={a.state} /> },
            { title: t('recognition.col.number'), key: 'n', render: (_, a) => a.recognitionNumber ?? '—' },
          ]}
        />
      </Card>
      <Card title={t('recognition.my.recommendations')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.recommendations.map((r) => ({
            ...r,
            id: `${r.recommendationId}-${r.recognitionId}`,
            projectName: d.steps.flatMap((s) => s.recognitions).find((x) => x.id === r.recognitionId)?.projectName ?? '',
          }))}
          locale={{ emptyText: t('recognition.my.noRecommendations') }}
          columns={[
            { title: t('recognition.recommend.createdAt'), key: 'c', render: (_, i) => i.createdAt.slice(0, 10) },
            { title: t('recognition.recommend.target'), key: 'l', render: (_, i) => labels.level(i.targetLevel) },
            { title: t('recognition.col.project'), dataIndex: 'projectName' },
            {
              title: t('recognition.recommend.outcome'),
              key: 'o',
              render: (_, i) => <Tag color={OUTCOME_COLORS[i.outcome]}>{t(`recognition.outcome.${i.outcome}`)}</Tag>,
            },
          ]}
        />
      </Card>
    </Page>
  );
}
