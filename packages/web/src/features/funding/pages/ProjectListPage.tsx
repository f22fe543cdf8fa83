import { CloudUploadOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth, useCan } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyNames } from '../../registry/taxonomy.ts';
import { exportProjects, type Project, type ProjectFilter } from '../api.ts';
import { ProjectFilters } from '../components/ProjectFilters.tsx';
import { useFundingLabels } from '../labels.ts';
import { useProjects } from '../queries.ts';

/** An enterprise's own projects, or every project in an officer's scope, with filters, import and export. */
export function ProjectListPage() {
  const t = useT();
  const can = useCan();
  const { actor } = useAuth();
  const navigate = useNavigate();
  const labels = useFundingLabels();
  const names = useTaxonomyNames();
  const run = useAction();
  const [filter, setFilter] = useState<ProjectFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useProjects({ ...filter, ...paging });
  const own = actor?.role === 'enterprise_user';
  const filtered = Object.values(filter).some((v) => v !== undefined);

  const empty = filtered ? (
    <EmptyState
      description={t('funding.projects.emptyFiltered')}
      action={<Button onClick={() => setFilter({})}>{t('funding.projects.clear')}</Button>}
    />
  ) : (
    <EmptyState
      description={t('funding.projects.empty')}
      action={
        can('funding.project.write') && (
          <Button type="primary" onClick={() => void navigate('/funding/projects/new')}>
            {t('funding.projects.new')}
          </Button>
        )
      }
    />
  );

  return (
    <Page
      title={t('funding.projects.title')}
      subtitle={t(own ? 'funding.projects.subtitleOwn' : 'funding.projects.subtitleScope')}
      crumbs={[{ title: t('menu.funding') }, { title: t('menu.fundingProjects') }]}
      extra={
        <>
          {can('funding.project.export') && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void run(
                  () => exportProjects(filter),
                  (name) => t('funding.projects.exported', { name: String(name) }),
                )
              }
              data-testid="export-projects"
            >
              {t('funding.projects.export')}
            </Button>
          )}
          {can('funding.project.import') && (
            <Button icon={<CloudUploadOutlined />} onClick={() => void navigate('/funding/projects/import')}>
              {t('funding.projects.import')}
            </Button>
          )}
          {can('funding.project.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/funding/projects/new')} data-testid="new-project">
              {t('funding.projects.new')}
            </Button>
          )}
        </>
      }
    >
      <div className="zz-card">
        <ProjectFilters
          filter={filter}
          onChange={(patch) => {
            setFilter((f) => ({ ...f, ...patch }));
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Project>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: list.isPending ? ' ' : empty }}
            scroll={{ x: 1000 }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
            data-testid="project-table"
            columns={[
              { key: 'name', title: t('funding.field.name'), render: (_, p) => <Link to={`/funding/projects/${p.id}`}>{p.name}</Link> },
              ...(own
                ? []
                : [{ key: 'enterprise', title: t('funding.field.enterprise'), render: (_: unknown, p: Project) => p.enterpriseName }]),
              ...(own
                ? []
                : [
                    {
                      key: 'district',
                      title: t('funding.field.district'),
                      width: 140,
                      render: (_: unknown, p: Project) => names.district(p.districtCode),
                    },
                  ]),
              { key: 'year', dataIndex: 'year', title: t('funding.field.year'), width: 80 },
              { key: 'kind', title: t('funding.field.kind'), width: 130, render: (_, p) => labels.kind(p.kind) },
              {
                key: 'total',
                title: t('funding.field.total'),
                align: 'right',
                width: 150,
                render: (_, p) => labels.wan(p.totalInvestmentFen),
              },
              {
                key: 'status',
                title: t('funding.field.status'),
                width: 100,
                render: (_, p) => (
                  <Tag color={p.status === 'completed' ? 'green' : 'blue'}>
                    {t(p.status === 'completed' ? 'funding.projects.completed' : 'funding.projects.registered')}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </div>
    </Page>
  );
}
