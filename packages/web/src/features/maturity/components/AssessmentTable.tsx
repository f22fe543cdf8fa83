import { Button, Table, Tag, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../../app/auth/AuthProvider.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyNames } from '../../registry/taxonomy.ts';
import type { AssessmentSummary } from '../api.ts';
import { formatDate, formatScore, useMaturityLabels } from '../labels.ts';
import { AssignExpertModal } from './AssignExpertModal.tsx';

interface Props {
  items: AssessmentSummary[] | undefined;
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  /** Bureau and district users see whose assessment it is. */
  showEnterprise: boolean;
  empty: ReactNode;
  onPage(page: number, pageSize: number): void;
}

export function AssessmentTable({ items, total, page, pageSize, loading, showEnterprise, empty, onPage }: Props) {
  const { t } = useI18n();
  const labels = useMaturityLabels();
  const names = useTaxonomyNames();
  const navigate = useNavigate();
  const can = useCan();
  const [assigning, setAssigning] = useState<AssessmentSummary | null>(null);
  const open = (a: AssessmentSummary) => void navigate(a.status === 'draft' ? `/maturity/${a.id}` : `/maturity/${a.id}/report`);
  // A draft is continued by its enterprise; others may look at it as it stands.
  const action = (a: AssessmentSummary) =>
    a.status === 'submitted' ? 'maturity.action.report' : can('maturity.assessment.write') ? 'maturity.action.continue' : 'common.details';
  const columns: TableColumnsType<AssessmentSummary> = [
    ...(showEnterprise
      ? [
          { title: t('maturity.col.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('maturity.col.district'), dataIndex: 'districtCode', render: (c: string | null) => names.district(c) },
        ]
      : []),
    {
      title: t('maturity.col.status'),
      dataIndex: 'status',
      render: (s: AssessmentSummary['status']) => <Tag color={s === 'draft' ? 'processing' : 'success'}>{labels.status(s)}</Tag>,
    },
    { title: t('maturity.col.model'), dataIndex: 'modelVersion' },
    { title: t('maturity.col.type'), dataIndex: 'manufacturingType', render: labels.type },
    { title: t('maturity.col.target'), dataIndex: 'targetLevel', render: labels.level },
    { title: t('maturity.col.level'), dataIndex: 'reachedLevel', render: labels.level },
    { title: t('maturity.col.score'), dataIndex: 'totalScore', align: 'right', render: (s: number | null) => formatScore(s) },
    { title: t('maturity.col.created'), dataIndex: 'createdAt', render: formatDate },
    { title: t('maturity.col.submitted'), dataIndex: 'submittedAt', render: formatDate },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, a) => (
        <>
          <Button type="link" size="small" onClick={() => open(a)}>
            {t(action(a))}
          </Button>
          {a.status === 'submitted' && can('maturity.expert.assign') && (
            <Button type="link" size="small" onClick={() => setAssigning(a)} data-testid="assign-expert-action">
              {t('maturity.expert.assign')}
            </Button>
          )}
        </>
      ),
    },
  ];
  return (
    <>
      <AssignExpertModal assessment={assigning} onClose={() => setAssigning(null)} />
      <Table<AssessmentSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        locale={{ emptyText: empty }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { total: n }),
          onChange: onPage,
        }}
        data-testid="assessment-table"
      />
    </>
  );
}
