import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { Table, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { auditLabels } from '../actions.ts';
import { fetchAudit, type AuditEntry, type AuditQuery } from '../api.ts';
import { AuditDiffDrawer } from '../components/AuditDiffDrawer.tsx';
import { AuditFilters } from '../components/AuditFilters.tsx';
import { VerificationAlert, VerifyChainButton, type VerificationMessage } from '../components/VerifyChainButton.tsx';

export function AuditLogPage() {
  const { t, pick } = useI18n();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const log = useQuery({ queryKey: ['audit', query], queryFn: () => fetchAudit(query), placeholderData: keepPreviousData });
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const [verification, setVerification] = useState<VerificationMessage | null>(null);

  const labels = auditLabels(pick);
  const columns: TableProps<AuditEntry>['columns'] = [
    { key: 'seq', dataIndex: 'seq', title: t('audit.seq'), width: 80 },
    { key: 'at', title: t('audit.at'), width: 170, render: (_, e) => dayjs(e.at).format('YYYY-MM-DD HH:mm:ss') },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, e) => e.actorUsername ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      key: 'actorRole',
      title: t('audit.actorRole'),
      render: (_, e) => labels.role(e.actorRole) ?? t('common.none'),
    },
    {
      key: 'action',
      title: t('audit.action'),
      render: (_, e) => <Tag color={e.action.startsWith('auth.') ? 'default' : 'blue'}>{labels.action(e.action)}</Tag>,
    },
    { key: 'entity', title: t('audit.entity'), render: (_, e) => labels.entity(e.entityType, e.entityId) },
    { key: 'ip', dataIndex: 'ip', title: t('audit.ip'), width: 140 },
    {
      key: 'details',
      title: t('common.actions'),
      width: 90,
      render: (_, e) => <Typography.Link onClick={() => setOpen(e)}>{t('common.details')}</Typography.Link>,
    },
  ];

  return (
    <Page title={t('audit.title')} subtitle={t('audit.subtitle')} extra={<VerifyChainButton onResult={setVerification} />}>
      {verification && <VerificationAlert result={verification} onClose={() => setVerification(null)} />}
      <div className="zz-card">
        <AuditFilters onChange={(patch) => setQuery({ ...query, ...patch, page: 1 })} />
        {log.isError && !log.data ? (
          <LoadError error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="seq"
            size="middle"
            columns={columns}
            dataSource={log.data?.items}
            loading={log.isFetching}
            onRow={(e) => ({ onDoubleClick: () => setOpen(e) })}
            locale={{ emptyText: log.isPending ? ' ' : <EmptyState description={t('audit.empty')} /> }}
            scroll={{ x: 900 }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: log.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
            }}
          />
        )}
      </div>
      <AuditDiffDrawer entry={open} onClose={() => setOpen(null)} />
    </Page>
  );
}
