import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyOptions } from '../../registry/taxonomy.ts';
import type { AssessmentListQuery, Status } from '../api.ts';
import { AssessmentTable } from '../components/AssessmentTable.tsx';
import { StartAssessmentModal } from '../components/StartAssessmentModal.tsx';
import { useMaturityLabels } from '../labels.ts';
import { useAssessments, useModels } from '../queries.ts';

export function AssessmentListPage() {
  const { t } = useI18n();
  const { can, session } = useAuth();
  const labels = useMaturityLabels();
  const [query, setQuery] = useState<AssessmentListQuery>({ page: 1, pageSize: 20 });
  const [starting, setStarting] = useState(false);
  const list = useAssessments(query);
  const models = useModels();
  const taxonomy = useTaxonomyOptions();
  const own = session?.user.role === 'enterprise_user';
  const canStart = can('maturity.assessment.write');
  const filter = (patch: Partial<AssessmentListQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));

  const startButton = (testId?: string) =>
    canStart && (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting(true)} data-testid={testId}>
        {t('maturity.list.start')}
      </Button>
    );

  return (
    <Page title={t('maturity.list.title')} subtitle={t('maturity.list.subtitle')} extra={startButton('start-assessment-button')}>
      <div className="zz-card">
        {!own && (
          <Space wrap style={{ marginBottom: 16 }}>
            <Select<Status>
              allowClear
              placeholder={t('maturity.filter.status')}
              style={{ width: 160 }}
              value={query.status}
              onChange={(status) => filter({ status })}
              options={(['draft', 'submitted'] as const).map((s) => ({ value: s, label: labels.status(s) }))}
            />
            {session?.user.role !== 'district_officer' && (
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={t('maturity.filter.district')}
                style={{ width: 180 }}
                value={query.districtCode}
                onChange={(districtCode?: string) => filter({ districtCode })}
                options={taxonomy.districts}
              />
            )}
            <Select
              allowClear
              placeholder={t('maturity.filter.model')}
              style={{ width: 200 }}
              value={query.modelVersion}
              onChange={(modelVersion?: string) => filter({ modelVersion })}
              options={(models.data ?? []).map((m) => ({ value: m.id, label: m.id }))}
            />
          </Space>
        )}
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <AssessmentTable
            items={list.data?.items}
            total={list.data?.total ?? 0}
            page={query.page}
            pageSize={query.pageSize}
            loading={list.isFetching}
            showEnterprise={!own}
            empty={
              list.isPending ? (
                ' '
              ) : (
                <EmptyState
                  description={t(own ? 'maturity.list.empty' : 'maturity.list.emptyScoped')}
                  action={startButton() || undefined}
                />
              )
            }
            onPage={(page, pageSize) => setQuery((q) => ({ ...q, page, pageSize }))}
          />
        )}
      </div>
      <StartAssessmentModal open={starting} onClose={() => setStarting(false)} />
    </Page>
  );
}
