import { Button, Card, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import type { ModelSummary } from '../api.ts';
import { ModelCopyModal } from '../components/ModelCopyModal.tsx';
import { ModelStatusTags } from '../components/ModelStatusTags.tsx';
import { useModels } from '../queries.ts';

type Row = ModelSummary & { basedOn?: string | null };

/** The bureau's model versions: shipped ones read-only, custom copies editable. */
export function ModelAdminPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const models = useModels();
  const [copying, setCopying] = useState<string | null>(null);
  if (models.isError) return <LoadError error={models.error} onRetry={() => void models.refetch()} />;
  const columns: TableColumnsType<Row> = [
    {
      title: t('maturity.models.col.id'),
      dataIndex: 'id',
      render: (id: string) => <Link to={`/maturity/models/${encodeURIComponent(id)}`}>{id}</Link>,
    },
    { title: t('maturity.models.col.name'), key: 'name', render: (_: unknown, r) => r.name[locale === 'en' ? 'en' : 'zh'] },
    {
      title: t('maturity.col.status'),
      key: 'status',
      render: (_: unknown, r) => <ModelStatusTags status={r.status} provisional={r.provisional} />,
    },
    { title: t('maturity.models.col.basedOn'), dataIndex: 'basedOn', render: (b?: string | null) => b ?? '—' },
    { title: t('maturity.models.col.requirements'), dataIndex: 'requirementCount' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r) => (
        <Space>
          <Button
            type="link"
            size="small"
            onClick={() => void navigate(`/maturity/models/${encodeURIComponent(r.id)}`)}
            data-testid="open-model"
          >
            {t('maturity.models.open')}
          </Button>
          <Button type="link" size="small" onClick={() => setCopying(r.id)} data-testid="copy-model">
            {t('maturity.models.copy')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Page title={t('menu.maturityModels')} subtitle={t('maturity.models.subtitle')} crumbs={[{ title: t('menu.maturityModels') }]}>
      <Card>
        <Table<Row>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={models.data as Row[] | undefined}
          loading={models.isFetching}
          locale={{ emptyText: t('maturity.models.empty') }}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="model-table"
        />
      </Card>
      <ModelCopyModal
        sourceId={copying}
        onClose={() => setCopying(null)}
        onCopied={(id) => void navigate(`/maturity/models/${encodeURIComponent(id)}`)}
      />
    </Page>
  );
}
