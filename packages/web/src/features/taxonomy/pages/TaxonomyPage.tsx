import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Tabs, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import type { Taxonomy } from '../../registry/api.ts';
import { useTaxonomy } from '../../registry/queries.ts';
import { useTaxonomyNames } from '../../registry/taxonomy.ts';
import type { TaxonomyKind, TaxonomyUsage } from '../api.ts';
import { EntryFormModal, type EntryEditing } from '../components/EntryFormModal.tsx';
import { EntryTable, type TaxonomyRow } from '../components/EntryTable.tsx';
import { useTaxonomyUsage } from '../queries.ts';

const KINDS: readonly TaxonomyKind[] = ['chains', 'clusters', 'districts'];
const KIND_LABELS = {
  district: 'taxonomy.kind.district',
  county_city: 'taxonomy.kind.county_city',
  functional_zone: 'taxonomy.kind.functional_zone',
} as const;

/** The bureau admin's page for industry chains, clusters and district names; the tab lives in the URL. */
export function TaxonomyPage() {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const usage = useTaxonomyUsage();
  const [search, setSearch] = useSearchParams();
  const tab = KINDS.find((k) => k === search.get('tab')) ?? 'chains';
  const [editing, setEditing] = useState<EntryEditing | null>(null);

  return (
    <Page title={t('taxonomy.title')} subtitle={t('taxonomy.subtitle')}>
      {taxonomy.isPending ? (
        <PageSkeleton />
      ) : taxonomy.isError ? (
        <LoadError error={taxonomy.error} onRetry={() => void taxonomy.refetch()} />
      ) : (
        <div className="zz-card">
          {usage.isError && <Alert type="warning" showIcon title={t('taxonomy.usageUnknown')} style={{ marginBottom: 12 }} />}
          <Tabs
            activeKey={tab}
            onChange={(key) => setSearch({ tab: key }, { replace: true })}
            tabBarExtraContent={
              tab !== 'districts' && (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setEditing({ kind: tab, entry: null })}
                  data-testid="new-taxonomy-entry"
                >
                  {t(`taxonomy.new.${tab}`)}
                </Button>
              )
            }
            items={KINDS.map((kind) => ({
              key: kind,
              label: `${t(`taxonomy.tab.${kind}`)} (${taxonomy.data[kind].length})`,
              children: (
                <KindTable kind={kind} taxonomy={taxonomy.data} usage={usage.data} onEdit={(entry) => setEditing({ kind, entry })} />
              ),
            }))}
          />
        </div>
      )}
      <EntryFormModal editing={editing} onClose={() => setEditing(null)} />
    </Page>
  );
}

interface KindTableProps {
  kind: TaxonomyKind;
  taxonomy: Taxonomy;
  usage: TaxonomyUsage | undefined;
  onEdit(entry: TaxonomyRow): void;
}

/** One tab's table with what only that kind has: a cluster's chain, a district's kind, what blocks a deletion. */
function KindTable({ kind, taxonomy, usage, onEdit }: KindTableProps) {
  const { t } = useI18n();
  const names = useTaxonomyNames();
  const counts = usage?.[kind];
  const clustersOf = (chain: string) => taxonomy.clusters.filter((c) => c.chainCode === chain).length;
  const inUse = (row: TaxonomyRow) => (counts?.[row.code] ? t('taxonomy.inUseHint', { count: counts[row.code]! }) : null);

  const extra: Record<TaxonomyKind, TableColumnsType<TaxonomyRow>> = {
    chains: [],
    clusters: [
      { key: 'chain', title: t('taxonomy.col.chain'), render: (_, r) => (r.chainCode ? names.chain(r.chainCode) : t('common.none')) },
    ],
    districts: [
      {
        key: 'kind',
        title: t('taxonomy.col.kind'),
        width: 130,
        render: (_, r) => <Tag>{r.kind && r.kind in KIND_LABELS ? t(KIND_LABELS[r.kind as keyof typeof KIND_LABELS]) : r.kind}</Tag>,
      },
    ],
  };
  const blockedBy: Record<TaxonomyKind, ((row: TaxonomyRow) => string | null) | undefined> = {
    chains: (row) => inUse(row) ?? (clustersOf(row.code) ? t('taxonomy.hasClustersHint', { count: clustersOf(row.code) }) : null),
    clusters: inUse,
    districts: undefined,
  };
  return (
    <EntryTable kind={kind} rows={taxonomy[kind]} usage={counts} extraColumns={extra[kind]} blockedBy={blockedBy[kind]} onEdit={onEdit} />
  );
}
