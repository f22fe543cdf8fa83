import { PlusOutlined } from '@ant-design/icons';
import { APPLICATION_STATES, type ApplicationState } from '@zhizao/domain';
import { Button, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyNames, useTaxonomyOptions } from '../../registry/taxonomy.ts';
import type { ApplicationListQuery, ApplicationSummary } from '../api.ts';
import { ApplyModal } from '../components/ApplyModal.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { formatScore, formatTime, NOWRAP, useRecognitionLabels } from '../labels.ts';
import { useApplications, useProgrammes } from '../queries.ts';

/** Applications by state: the enterprise's own, the district's, or the city's, with the filters that matter. */
export function ApplicationListPage() {
  const t = useT();
  const { can, session } = useAuth();
  const labels = useRecognitionLabels();
  const names = useTaxonomyNames();
  const taxonomy = useTaxonomyOptions();
  const programmes = useProgrammes();
  const role = session?.user.role;
  const [query, setQuery] = useState<ApplicationListQuery>({
    page: 1,
    pageSize: 20,
    state: role === 'district_officer' ? 'submitted' : undefined,
  });
  const [applying, setApplying] = useState(false);
  const list = useApplications(query);
  const filter = (patch: Partial<ApplicationListQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  const own = role === 'enterprise_user';
  const applyButton = (testId?: string) =>
    can('recognition.application.write') && (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)} data-testid={testId}>
        {t('recognition.apply.title')}
      </Button>
    );

  return (
    <Page
      title={t('recognition.list.title')}
      subtitle={t(own ? 'recognition.list.subtitleOwn' : 'recognition.list.subtitle')}
      extra={applyButton('apply-button')}
    >
      <div className="zz-card">
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<number>
            allowClear
            placeholder={t('recognition.filter.programme')}
            style={{ width: 260 }}
            value={query.programmeId}
            onChange={(programmeId) => filter({ programmeId })}
            options={(programmes.data ?? []).map((p) => ({ value: p.id, label: labels.programme(p) }))}
            data-testid="filter-programme"
          />
          <Select<ApplicationState>
            allowClear
            placeholder={t('recognition.filter.state')}
            style={{ width: 220 }}
            value={query.state}
            onChange={(state) => filter({ state })}
            options={APPLICATION_STATES.map((s) => ({ value: s, label: labels.state(s) }))}
            data-testid="filter-state"
          />
          {role === 'bureau_admin' && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('recognition.filter.district')}
              style={{ width: 200 }}
              value={query.districtCode}
              onChange={(districtCode?: string) => filter({ districtCode })}
              options={taxonomy.districts}
            />
          )}
        </Space>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<ApplicationSummary>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items}
            data-testid="application-table"
            scroll={{ x: true }}
            locale={{
              emptyText: list.isPending ? (
                ' '
              ) : (
                <EmptyState
                  description={t(own ? 'recognition.list.emptyOwn' : 'recognition.list.empty')}
                  action={applyButton() || undefined}
                />
              ),
            }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (n) => t('common.total', { total: n }),
              onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
            }}
            columns={[
              {
                title: t('recognition.col.project'),
                key: 'project',
                render: (_, r) => (
                  <Link to={`/recognition/applications/${r.id}`} data-testid="open-application">
                    {r.projectName || t('recognition.app.untitled')}
                  </Link>
                ),
              },
              ...(own ? [] : [{ title: t('recognition.col.enterprise'), dataIndex: 'enterpriseName' }]),
              { title: t('recognition.col.programme'), key: 'programme', ...NOWRAP, render: (_, r) => labels.programme(r.programme) },
              ...(own
                ? []
                : [
                    {
                      title: t('recognition.col.district'),
                      key: 'district',
                      render: (_: unknown, r: ApplicationSummary) => names.district(r.districtCode),
                    },
                  ]),
              { title: t('recognition.col.state'), key: 'state', ...NOWRAP, render: (_, r) => <StateTag state={r.state} /> },
              { title: t('recognition.col.submitted'), key: 'submitted', ...NOWRAP, render: (_, r) => formatTime(r.submittedAt) },
              { title: t('recognition.col.score'), key: 'score', ...NOWRAP, align: 'right', render: (_, r) => formatScore(r.finalScore) },
              { title: t('recognition.col.number'), key: 'number', ...NOWRAP, render: (_, r) => r.recognitionNumber ?? '—' },
            ]}
          />
        )}
      </div>
      <ApplyModal open={applying} onClose={() => setApplying(false)} />
    </Page>
  );
}
