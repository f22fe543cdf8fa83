import { fieldLabel } from '@zhizao/domain';
import { Space, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { EmptyState } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { DemoTag } from '../../registry/components/EnterpriseTags.tsx';
import type { TaxonomyEntry } from '../../registry/api.ts';
import type { TaxonomyKind } from '../api.ts';
import { DeleteEntryLink } from './DeleteEntryLink.tsx';

/** One row of any tab: chains and clusters may be demo entries, clusters name a chain, districts a kind. */
export type TaxonomyRow = TaxonomyEntry & { isDemo?: boolean; chainCode?: string | null; kind?: string };

// The enterprise list's filter for each kind, so a count links to the enterprises behind it.
const FILTER_PARAM: Record<TaxonomyKind, string> = { chains: 'chainCode', clusters: 'clusterCode', districts: 'districtCode' };

interface Props {
  kind: TaxonomyKind;
  rows: TaxonomyRow[];
  /** Enterprises per code; undefined while unknown. */
  usage: Record<string, number> | undefined;
  /** Columns of this kind only (a cluster's chain, a district's kind), shown after the names. */
  extraColumns?: TableColumnsType<TaxonomyRow>;
  /** Why an entry cannot be deleted, or null; absent for kinds that are never deleted. */
  blockedBy?(row: TaxonomyRow): string | null;
  onEdit(row: TaxonomyRow): void;
}

export function EntryTable({ kind, rows, usage, extraColumns = [], blockedBy, onEdit }: Props) {
  const { t, locale } = useI18n();
  const countOf = (code: string) => usage?.[code] ?? 0;
  const columns: TableColumnsType<TaxonomyRow> = [
    {
      key: 'code',
      title: fieldLabel('code', locale),
      width: 140,
      render: (_, r) => <Typography.Text className="zz-mono">{r.code}</Typography.Text>,
    },
    {
      key: 'nameZh',
      title: fieldLabel('nameZh', locale),
      render: (_, r) => (
        <>
          {r.nameZh}
          {r.isDemo && <DemoTag hint={t('taxonomy.demoHint')} />}
        </>
      ),
    },
    { key: 'nameEn', dataIndex: 'nameEn', title: fieldLabel('nameEn', locale) },
    ...extraColumns,
    {
      key: 'usage',
      title: t('taxonomy.col.usage'),
      align: 'right',
      width: 110,
      render: (_, r) =>
        usage === undefined ? (
          t('common.none')
        ) : countOf(r.code) > 0 ? (
          <Link to={`/enterprises?${FILTER_PARAM[kind]}=${encodeURIComponent(r.code)}&status=all`}>{countOf(r.code)}</Link>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 140,
      render: (_, r) => (
        <Space size="middle">
          <Typography.Link onClick={() => onEdit(r)}>{t('common.edit')}</Typography.Link>
          {blockedBy && kind !== 'districts' && <DeleteEntryLink kind={kind} entry={r} blockedBy={blockedBy(r)} />}
        </Space>
      ),
    },
  ];
  return (
    <Table<TaxonomyRow>
      rowKey="code"
      columns={columns}
      dataSource={rows}
      pagination={false}
      size="middle"
      scroll={{ x: 760 }}
      locale={{ emptyText: <EmptyState description={t('taxonomy.empty')} /> }}
      data-testid={`taxonomy-table-${kind}`}
    />
  );
}
