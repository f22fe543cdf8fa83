import { CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Page } from '../../../app/components/Page.tsx';
import { useDebounced } from '../../../app/components/useDebounced.ts';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PrefixSelect } from '../components/PrefixSelect.tsx';
import { RecordDrawer } from '../components/RecordDrawer.tsx';
import { RegisterModal } from '../components/RegisterModal.tsx';
import { formatTime } from '../labels.tsx';
import { useIdentifiers } from '../queries.ts';

/** The enterprise's identifiers under one prefix: search by handle, register one, open one to see its values and QR code. */
export function IdentifiersPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [prefix, setPrefix] = useState<string>();
  const [search, setSearch] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [registering, setRegistering] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const q = useDebounced(search.trim());
  // The server's q is the start of the suffix (the prefix is the list's own).
  const list = useIdentifiers(prefix, { q: q || undefined, ...paging });

  const registerButton = (testId?: string) => (
    <Button type="primary" icon={<PlusOutlined />} disabled={!prefix} onClick={() => setRegistering(true)} data-testid={testId}>
      {t('identifiers.register.button')}
    </Button>
  );

  return (
    <Page
      title={t('identifiers.list.title')}
      subtitle={t('identifiers.list.subtitle')}
      extra={
        <>
          <PrefixSelect
            value={prefix}
            onChange={(p) => {
              setPrefix(p);
              setPaging((s) => ({ ...s, page: 1 }));
            }}
          />
          <Button icon={<CloudUploadOutlined />} onClick={() => void navigate('/identifiers/upload')}>
            {t('menu.identifiers.upload')}
          </Button>
          {registerButton('register-identifier')}
        </>
      }
    >
      <div className="zz-card">
        {!prefix ? (
          <EmptyState description={t('identifiers.prefix.needActive')} />
        ) : (
          <>
            <Space style={{ marginBottom: 16 }}>
              <Input.Search
                allowClear
                addonBefore={`${prefix}/`}
                placeholder={t('identifiers.list.search')}
                value={search}
                onChange={(e) => {
                  setSearch(e.target.value);
                  setPaging((s) => ({ ...s, page: 1 }));
                }}
                style={{ width: 380 }}
                data-testid="identifier-search"
              />
            </Space>
            {list.isError && !list.data ? (
              <LoadError error={list.error} onRetry={() => void list.refetch()} />
            ) : (
              <Table
                rowKey="handle"
                loading={list.isFetching}
                dataSource={list.data?.items}
                data-testid="identifier-table"
                scroll={{ x: true }}
                onRow={(r) => ({ onClick: () => setOpen(r.handle), style: { cursor: 'pointer' } })}
                locale={{
                  emptyText: list.isPending ? (
                    ' '
                  ) : (
                    <EmptyState
                      description={t(q ? 'identifiers.list.noMatch' : 'identifiers.list.empty')}
                      action={q ? undefined : registerButton()}
                    />
                  ),
                }}
                pagination={{
                  current: paging.page,
                  pageSize: paging.pageSize,
                  total: list.data?.total ?? 0,
                  showTotal: (total) => t(list.data?.totalCapped ? 'identifiers.list.totalCapped' : 'common.total', { total }),
                  onChange: (page, pageSize) => setPaging({ page, pageSize }),
                }}
                columns={[
                  { title: t('identifiers.col.handle'), dataIndex: 'handle', render: (h: string) => <a className="zz-mono">{h}</a> },
                  { title: t('identifiers.col.template'), dataIndex: 'templateVersion', render: (v: string | null) => v ?? '—' },
                  { title: t('identifiers.col.values'), dataIndex: 'valueCount', align: 'right' },
                  { title: t('identifiers.col.updatedAt'), dataIndex: 'updatedAt', render: formatTime },
                ]}
              />
            )}
          </>
        )}
      </div>
      {prefix && (
        <RegisterModal
          prefix={prefix}
          open={registering}
          onClose={() => setRegistering(false)}
          onRegistered={(handle) => {
            setRegistering(false);
            void message.success(t('identifiers.register.done', { handle }));
            setOpen(handle);
          }}
        />
      )}
      <RecordDrawer handle={open} onClose={() => setOpen(null)} />
    </Page>
  );
}
