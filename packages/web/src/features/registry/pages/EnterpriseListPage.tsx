import { CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { EnterpriseListQuery } from '../api.ts';
import { EnterpriseFilters } from '../components/EnterpriseFilters.tsx';
import { EnterpriseTable } from '../components/EnterpriseTable.tsx';
import { ExportButton } from '../components/ExportButton.tsx';
import { filterOf, queryFromSearch, searchFromQuery } from '../filters.ts';
import { useEnterprises } from '../queries.ts';

export function EnterpriseListPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const query = useMemo(() => queryFromSearch(search), [search]);
  const filter = filterOf(query);
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const list = useEnterprises(query);

  // A new filter starts again at page 1; paging and sorting pass their own page.
  const update = (patch: Partial<EnterpriseListQuery>) => setSearch(searchFromQuery({ ...query, page: 1, ...patch }));
  const clear = () => setSearch(searchFromQuery({ page: 1, pageSize: query.pageSize }));

  const empty = filtered ? (
    <EmptyState description={t('registry.empty.filtered')} action={<Button onClick={clear}>{t('registry.filter.clear')}</Button>} />
  ) : (
    <EmptyState
      description={t('registry.empty.none')}
      action={
        <Space>
          {can('registry.create') && (
            <Button type="primary" onClick={() => void navigate('/enterprises/new')}>
              {t('registry.action.new')}
            </Button>
          )}
          {can('registry.import') && <Button onClick={() => void navigate('/enterprises/import')}>{t('registry.action.import')}</Button>}
        </Space>
      }
    />
  );

  return (
    <Page
      title={t('registry.list.title')}
      subtitle={t('registry.list.subtitle')}
      extra={
        <>
          {can('registry.export') && <ExportButton filter={filter} />}
          {can('registry.import') && (
            <Button icon={<CloudUploadOutlined />} onClick={() => void navigate('/enterprises/import')}>
              {t('registry.action.import')}
            </Button>
          )}
          {can('registry.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/enterprises/new')} data-testid="new-enterprise">
              {t('registry.action.new')}
            </Button>
          )}
        </>
      }
    >
      <div className="zz-card">
        <EnterpriseFilters filter={filter} onChange={(patch) => update(patch)} />
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          // Before the first answer the table shows its spinner over a blank, not a premature "nothing found".
          <EnterpriseTable
            query={query}
            data={list.data}
            loading={list.isFetching}
            empty={list.isPending ? ' ' : empty}
            onChange={(patch) => setSearch(searchFromQuery({ ...query, ...patch }))}
          />
        )}
      </div>
    </Page>
  );
}
