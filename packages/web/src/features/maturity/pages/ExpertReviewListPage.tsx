import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import type { ExpertReviewListItem } from '../api.ts';
import { formatDate, formatScore, useMaturityLabels } from '../labels.ts';
import { useExpertReviews } from '../queries.ts';

/** Expert reviews in the caller's scope: an expert's own, a district's, all for the bureau, an enterprise's submitted ones. */
export function ExpertReviewListPage() {
  const { t } = useI18n();
  const labels = useMaturityLabels();
  const navigate = useNavigate();
  const [q, setQ] = useState({ page: 1, pageSize: 20 });
  const list = useExpertReviews(q);
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const columns: TableColumnsType<ExpertReviewListItem> = [
    { title: t('maturity.col.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('maturity.col.model'), dataIndex: 'modelVersion' },
    { title: t('maturity.expert.col.expert'), dataIndex: 'expertName' },
    {
      title: t('maturity.col.status'),
      dataIndex: 'status',
      render: (s: ExpertReviewListItem['status']) => (
        <Tag color={s === 'assigned' ? 'processing' : 'success'}>
          {t(s === 'assigned' ? 'maturity.expert.status.assigned' : 'maturity.expert.status.submitted')}
        </Tag>
      ),
    },
    {
      title: t('maturity.expert.col.self'),
      key: 'self',
      render: (_: unknown, r) => `${labels.level(r.selfLevel)} · ${formatScore(r.selfScore)}`,
    },
    {
      title: t('maturity.expert.col.verified'),
      key: 'verified',
      render: (_: unknown, r) => (r.status === 'submitted' ? `${labels.level(r.verifiedLevel)} · ${formatScore(r.verifiedScore)}` : '—'),
    },
    { title: t('maturity.expert.col.assigned'), dataIndex: 'assignedAt', render: formatDate },
    { title: t('maturity.col.submitted'), dataIndex: 'submittedAt', render: formatDate },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r) => (
        <Button
          type="link"
          size="small"
          onClick={() => void navigate(`/maturity/${r.assessmentId}/expert-review`)}
          data-testid="open-review"
        >
          {t(r.status === 'assigned' ? 'maturity.expert.open' : 'maturity.expert.compare')}
        </Button>
      ),
    },
  ];
  return (
    <Page title={t('maturity.expert.title')} subtitle={t('maturity.expert.subtitle')} crumbs={[{ title: t('maturity.expert.title') }]}>
      <Card>
        <Table<ExpertReviewListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          locale={{ emptyText: t('maturity.expert.empty') }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: q.page,
            pageSize: q.pageSize,
            total: list.data?.total ?? 0,
            onChange: (page, pageSize) => setQ({ page, pageSize }),
          }}
          data-testid="expert-review-table"
        />
      </Card>
    </Page>
  );
}
