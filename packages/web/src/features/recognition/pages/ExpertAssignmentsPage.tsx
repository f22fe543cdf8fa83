import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { formatScore, useRecognitionLabels } from '../labels.ts';
import { useAssignments } from '../queries.ts';
import type { Assignment } from '../reviewApi.ts';

/** The expert's assigned applications: open each to score it against the programme's indicator table. */
export function ExpertAssignmentsPage() {
  const t = useT();
  const labels = useRecognitionLabels();
  const list = useAssignments();
  return (
    <Page title={t('recognition.expert.title')} subtitle={t('recognition.expert.subtitle')}>
      <div className="zz-card">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Assignment>
            rowKey="applicationId"
            loading={list.isPending}
            dataSource={list.data}
            pagination={false}
            data-testid="assignment-table"
            locale={{ emptyText: list.isPending ? ' ' : <EmptyState description={t('recognition.expert.empty')} /> }}
            columns={[
              {
                title: t('recognition.col.project'),
                key: 'p',
                render: (_, a) => (
                  <Link to={`/recognition/expert/${a.applicationId}`} data-testid="open-assignment">
                    {a.projectName}
                  </Link>
                ),
              },
              { title: t('recognition.col.enterprise'), dataIndex: 'enterpriseName' },
              { title: t('recognition.col.programme'), key: 'prog', render: (_, a) => labels.programme(a.programme) },
              {
                title: t('recognition.panel.status'),
                key: 's',
                render: (_, a) => (
                  <Tag color={a.myStatus === 'submitted' ? 'green' : 'orange'}>
                    {t(a.myStatus === 'submitted' ? 'recognition.sheet.submitted' : 'recognition.sheet.toScore')}
                  </Tag>
                ),
              },
              { title: t('recognition.sheet.myTotal'), key: 'total', align: 'right', render: (_, a) => formatScore(a.myTotal) },
            ]}
          />
        )}
      </div>
    </Page>
  );
}
