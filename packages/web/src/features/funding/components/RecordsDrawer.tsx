import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Drawer, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyNames } from '../../registry/taxonomy.ts';
import { fetchRecords, type RecordQuery, type ReportRecord } from '../api.ts';
import { STATUS_COLORS, useFundingLabels } from '../labels.ts';

export type Drill = Omit<RecordQuery, 'page' | 'pageSize'> & { title: string };

/** The records behind a figure of the report: the projects or awards that add up to it. */
export function RecordsDrawer({ drill, onClose }: { drill: Drill | null; onClose(): void }) {
  return (
    <Drawer open={drill !== null} size={1000} title={drill?.title} onClose={onClose} destroyOnHidden data-testid="records-drawer">
      {drill && <Records drill={drill} />}
    </Drawer>
  );
}

function Records({ drill }: { drill: Drill }) {
  const t = useT();
  const labels = useFundingLabels();
  const names = useTaxonomyNames();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { title: _title, ...query } = drill;
  const records = useQuery({
    queryKey: ['funding', 'records', query, paging],
    queryFn: () => fetchRecords({ ...query, ...paging }),
    placeholderData: keepPreviousData,
  });
  if (records.isError) return <LoadError error={records.error} onRetry={() => void records.refetch()} />;
  return (
    <Table<ReportRecord>
      rowKey={(r) => `${r.projectId}-${r.awardId ?? 0}`}
      size="small"
      loading={records.isFetching}
      dataSource={records.data?.items ?? []}
      scroll={{ x: 1150 }}
      data-testid="records"
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: records.data?.total ?? 0,
        showTotal: (total) => t('common.total', { total }),
        onChange: (page, pageSize) => setPaging({ page, pageSize }),
      }}
      columns={[
        {
          key: 'project',
          title: t('funding.field.name'),
          render: (_, r) => <Link to={`/funding/projects/${r.projectId}`}>{r.projectName}</Link>,
        },
        { key: 'enterprise', title: t('funding.field.enterprise'), width: 200, render: (_, r) => r.enterpriseName },
        { key: 'district', title: t('funding.field.district'), width: 120, render: (_, r) => names.district(r.districtCode) },
        { key: 'year', dataIndex: 'year', title: t('funding.field.year'), width: 70 },
        { key: 'kind', title: t('funding.field.kind'), width: 110, render: (_, r) => labels.kind(r.kind) },
        { key: 'investment', title: t('funding.field.total'), align: 'right', width: 130, render: (_, r) => labels.wan(r.investmentFen) },
        {
          key: 'awarded',
          title: t('funding.reports.awarded'),
          align: 'right',
          width: 120,
          render: (_, r) => (r.awardId ? <Link to={`/funding/awards/${r.awardId}`}>{labels.wan(r.awardedFen)}</Link> : '—'),
        },
        { key: 'paid', title: t('funding.field.paid'), align: 'right', width: 120, render: (_, r) => labels.wan(r.paidFen) },
        {
          key: 'status',
          title: t('funding.field.status'),
          width: 110,
          render: (_, r) => (r.awardStatus ? <Tag color={STATUS_COLORS[r.awardStatus]}>{labels.status(r.awardStatus)}</Tag> : '—'),
        },
      ]}
    />
  );
}
