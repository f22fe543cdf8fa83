import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { Programme } from '../api.ts';
import { useRecognitionLabels } from '../labels.ts';
import { useProgrammes } from '../queries.ts';

/** The yearly programmes per kind and level, with their window and how many applications each holds. */
export function ProgrammeListPage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const labels = useRecognitionLabels();
  const list = useProgrammes();
  const create = (testId?: string) =>
    can('recognition.programme.write') && (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/recognition/programmes/new')} data-testid={testId}>
        {t('recognition.prog.new')}
      </Button>
    );
  return (
    <Page title={t('recognition.prog.listTitle')} subtitle={t('recognition.prog.listSubtitle')} extra={create('new-programme')}>
      <div className="zz-card">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Programme>
            rowKey="id"
            loading={list.isPending}
            dataSource={list.data}
            pagination={false}
            scroll={{ x: true }}
            data-testid="programme-table"
            locale={{
              emptyText: list.isPending ? ' ' : <EmptyState description={t('recognition.prog.empty')} action={create() || undefined} />,
            }}
            columns={[
              { title: t('recognition.prog.year'), dataIndex: 'year', width: 80 },
              { title: t('recognition.prog.kind'), key: 'kind', render: (_, p) => labels.kind(p.kind) },
              {
                title: t('recognition.prog.level'),
                key: 'level',
                render: (_, p) => (
                  <Tag color={p.level === 'national' ? 'geekblue' : p.level === 'provincial' ? 'blue' : 'cyan'}>
                    {labels.level(p.level)}
                  </Tag>
                ),
              },
              {
                title: t('recognition.prog.title'),
                key: 'title',
                render: (_, p) => (
                  <Link to={`/recognition/programmes/${p.id}`} data-testid="open-programme">
                    {p.title}
                  </Link>
                ),
              },
              { title: t('recognition.prog.window'), key: 'window', render: (_, p) => `${p.opensOn} ~ ${p.closesOn}` },
              {
                title: t('recognition.prog.status'),
                key: 'open',
                render: (_, p) => (
                  <Tag color={p.isOpen ? 'green' : 'default'}>{t(p.isOpen ? 'recognition.prog.open' : 'recognition.prog.closed')}</Tag>
                ),
              },
              { title: t('recognition.prog.minMaturity'), key: 'gate', align: 'right', render: (_, p) => `≥ ${p.gates.minMaturityLevel}` },
              {
                title: t('recognition.prog.applications'),
                key: 'n',
                align: 'right',
                render: (_, p) => Object.values(p.counts).reduce((s, n) => s + (n ?? 0), 0),
              },
              { title: t('recognition.prog.recognised'), key: 'r', align: 'right', render: (_, p) => p.counts.recognised ?? 0 },
            ]}
          />
        )}
      </div>
    </Page>
  );
}
