import { Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyNames } from '../../registry/taxonomy.ts';
import type { Award } from '../api.ts';
import { STATUS_COLORS, useFundingLabels } from '../labels.ts';

interface Props {
  items: Award[];
  loading?: boolean;
  empty: ReactNode;
  /** Hide the enterprise and district columns where they are all the same (an enterprise's own list). */
  own?: boolean;
  pagination?: { page: number; pageSize: number; total: number; onChange(page: number, pageSize: number): void };
  testId?: string;
}

/** Award applications: who, what, how much at each stage, and where each stands. */
export function AwardTable({ items, loading, empty, own, pagination, testId = 'award-table' }: Props) {
  const t = useT();
  const labels = useFundingLabels();
  const names = useTaxonomyNames();
  return (
    <Table<Award>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: empty }}
      scroll={{ x: 1100 }}
      data-testid={testId}
      pagination={
        pagination
          ? {
              current: pagination.page,
              pageSize: pagination.pageSize,
              total: pagination.total,
              showTotal: (total) => t('common.total', { total }),
              onChange: pagination.onChange,
            }
          : false
      }
      columns={[
        { key: 'id', title: '#', width: 50, render: (_, a) => <Link to={`/funding/awards/${a.id}`}>{a.id}</Link> },
        { key: 'project', title: t('funding.field.name'), render: (_, a) => <Link to={`/funding/awards/${a.id}`}>{a.projectName}</Link> },
        ...(own
          ? []
          : [
              { key: 'enterprise', title: t('funding.field.enterprise'), width: 200, render: (_: unknown, a: Award) => a.enterpriseName },
              {
                key: 'district',
                title: t('funding.field.district'),
                width: 120,
                render: (_: unknown, a: Award) => names.district(a.districtCode),
              },
            ]),
        { key: 'year', dataIndex: 'year', title: t('funding.field.year'), width: 60 },
        { key: 'amount', title: t('funding.field.amount'), align: 'right', width: 135, render: (_, a) => labels.yuan(a.amountFen) },
        {
          key: 'approved',
          title: t('funding.field.approved'),
          align: 'right',
          width: 135,
          render: (_, a) => (a.approvedFen === null ? '—' : labels.yuan(a.approvedFen)),
        },
        { key: 'paid', title: t('funding.field.paid'), align: 'right', width: 135, render: (_, a) => labels.yuan(a.paidFen) },
        {
          key: 'status',
          title: t('funding.field.status'),
          width: 110,
          render: (_, a) => (
            <Tag color={STATUS_COLORS[a.status]} data-testid="award-status">
              {labels.status(a.status)}
            </Tag>
          ),
        },
      ]}
    />
  );
}
