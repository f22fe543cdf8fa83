import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { fetchLedger, type LedgerEntry } from '../api.ts';
import { useFundingLabels } from '../labels.ts';

const KIND_COLORS = { allocation: 'blue', payment: 'green', clawback: 'volcano' } as const;

/** Every allocation, payment and claw-back written against one envelope (or the whole fund), newest first. */
export function LedgerTable({ fundId, envelopeId }: { fundId: number; envelopeId?: number }) {
  const t = useT();
  const labels = useFundingLabels();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const ledger = useQuery({
    queryKey: ['funding', 'ledger', fundId, envelopeId ?? null, paging],
    queryFn: () => fetchLedger(fundId, { envelopeId, ...paging }),
    placeholderData: keepPreviousData,
  });
  if (ledger.isError) return <LoadError error={ledger.error} onRetry={() => void ledger.refetch()} />;
  return (
    <Table<LedgerEntry>
      rowKey="id"
      size="small"
      loading={ledger.isFetching}
      dataSource={ledger.data?.items ?? []}
      locale={{ emptyText: ledger.isPending ? ' ' : <EmptyState description={t('funding.ledger.empty')} /> }}
      data-testid="ledger"
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: ledger.data?.total ?? 0,
        showTotal: (total) => t('common.total', { total }),
        onChange: (page, pageSize) => setPaging({ page, pageSize }),
      }}
      columns={[
        { key: 'at', title: t('funding.ledger.at'), width: 150, render: (_, e) => e.at.slice(0, 16).replace('T', ' ') },
        {
          key: 'kind',
          title: t('funding.ledger.kind'),
          width: 90,
          render: (_, e) => <Tag color={KIND_COLORS[e.kind]}>{t(`funding.ledger.${e.kind}`)}</Tag>,
        },
        {
          key: 'award',
          title: t('funding.field.name'),
          render: (_, e) => <Link to={`/funding/awards/${e.awardId}`}>{e.projectName}</Link>,
        },
        { key: 'enterprise', title: t('funding.field.enterprise'), render: (_, e) => e.enterpriseName },
        { key: 'batch', title: t('funding.field.batch'), width: 100, render: (_, e) => e.batch ?? '—' },
        {
          key: 'amount',
          title: t('funding.calc.amount'),
          align: 'right',
          width: 160,
          render: (_, e) => (e.kind === 'clawback' ? `−${labels.yuan(e.amountFen)}` : labels.yuan(e.amountFen)),
        },
        { key: 'by', title: t('funding.field.by'), width: 120, render: (_, e) => e.actorUsername },
      ]}
    />
  );
}
