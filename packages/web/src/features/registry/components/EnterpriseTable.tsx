import { MANUFACTURING_TYPE_LABELS, SIZE_CLASS_LABELS, fieldLabel } from '@zhizao/domain';
import { Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import type { EnterpriseListQuery, EnterpriseSort, EnterpriseView, Page } from '../api.ts';
import { useTaxonomyNames } from '../taxonomy.ts';
import { ArchivedTag, DemoTag } from './EnterpriseTags.tsx';

interface Props {
  query: EnterpriseListQuery;
  data: Page<EnterpriseView> | undefined;
  loading: boolean;
  empty: ReactNode;
  onChange(patch: Partial<EnterpriseListQuery>): void;
}

const SORTABLE: readonly EnterpriseSort[] = ['name', 'creditCode', 'updatedAt', 'createdAt'];

/** The enterprise list: paging and sorting happen on the server, the table only reports the wish. */
export function EnterpriseTable({ query, data, loading, empty, onChange }: Props) {
  const { t, pick, locale } = useI18n();
  const names = useTaxonomyNames();
  const sortOrder = (key: EnterpriseSort) => ((query.sort ?? 'name') === key ? (query.order === 'desc' ? 'descend' : 'ascend') : null);

  const columns: TableProps<EnterpriseView>['columns'] = [
    {
      key: 'name',
      dataIndex: 'name',
      title: fieldLabel('name', locale),
      sorter: true,
      sortOrder: sortOrder('name'),
      width: 300,
      render: (_, e) => (
        <span>
          <Link to={`/enterprises/${e.id}`}>{e.name}</Link>
          {e.isDemo && <DemoTag />}
          {e.archived && <ArchivedTag />}
        </span>
      ),
    },
    {
      key: 'creditCode',
      dataIndex: 'creditCode',
      title: fieldLabel('creditCode', locale),
      sorter: true,
      sortOrder: sortOrder('creditCode'),
      width: 230,
      render: (code: string) => (
        <Typography.Text className="zz-mono" copyable={{ text: code }}>
          {code}
        </Typography.Text>
      ),
    },
    { key: 'districtCode', title: fieldLabel('districtCode', locale), width: 130, render: (_, e) => names.district(e.districtCode) },
    {
      key: 'chainCodes',
      title: fieldLabel('chainCodes', locale),
      render: (_, e) =>
        e.chainCodes.length ? (
          <Space size={[0, 4]} wrap>
            {e.chainCodes.map((c) => (
              <Tag key={c}>{names.chain(c)}</Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      key: 'sizeClass',
      title: fieldLabel('sizeClass', locale),
      width: locale === 'en' ? 130 : 90,
      render: (_, e) => pick(SIZE_CLASS_LABELS[e.sizeClass]),
    },
    {
      key: 'manufacturingType',
      title: fieldLabel('manufacturingType', locale),
      width: locale === 'en' ? 130 : 100,
      render: (_, e) => pick(MANUFACTURING_TYPE_LABELS[e.manufacturingType]),
    },
    {
      key: 'updatedAt',
      dataIndex: 'updatedAt',
      title: t('registry.col.updatedAt'),
      sorter: true,
      sortOrder: sortOrder('updatedAt'),
      width: 120,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD'),
    },
  ];

  const handleChange: TableProps<EnterpriseView>['onChange'] = (pagination, _filters, sorter) => {
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<EnterpriseView> | undefined;
    const key = s?.columnKey as EnterpriseSort | undefined;
    const sorted = s?.order && key && SORTABLE.includes(key);
    const sortChanged = (sorted ? key : undefined) !== query.sort || (s?.order === 'descend' ? 'desc' : undefined) !== query.order;
    onChange({
      page: sortChanged ? 1 : (pagination.current ?? 1),
      pageSize: pagination.pageSize ?? query.pageSize,
      sort: sorted ? key : undefined,
      order: sorted && s.order === 'descend' ? 'desc' : undefined,
    });
  };

  return (
    <Table<EnterpriseView>
      rowKey="id"
      columns={columns}
      dataSource={data?.items}
      size="middle"
      loading={loading}
      onChange={handleChange}
      locale={{ emptyText: empty }}
      scroll={{ x: 1080 }}
      pagination={{
        current: query.page,
        pageSize: query.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('common.total', { total }),
      }}
      data-testid="enterprise-table"
    />
  );
}
