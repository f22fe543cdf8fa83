import { CloudUploadOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { RegisterDefinition } from '@zhizao/domain';
import { labelOfKey } from '@zhizao/domain';
import { Button, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth, useCan } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyNames } from '../../registry/taxonomy.ts';
import { mayCorrectRow, mayKeepRow, registerPermission } from '../access.ts';
import { deleteEntry, exportEntries, type Entry, type EntryFilter } from '../api.ts';
import { CorrectionModal } from '../components/CorrectionModal.tsx';
import { RegisterFilters } from '../components/RegisterFilters.tsx';
import { columnsOf, useDerivedText, useValueText } from '../fields.tsx';
import { useEntries, useInvalidateRegisters } from '../queries.ts';
import { REGISTER_VIEWS } from '../views.ts';

/** One register: its figures card, filters, the rows in the caller's scope, and the actions the caller may take. */
export function RegisterListPage({ definition }: { definition: RegisterDefinition }) {
  const { t, pick } = useI18n();
  const can = useCan();
  const { actor } = useAuth();
  const navigate = useNavigate();
  const run = useAction();
  const invalidate = useInvalidateRegisters();
  const names = useTaxonomyNames();
  const valueText = useValueText();
  const derivedText = useDerivedText();
  const [filter, setFilter] = useState<EntryFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [correcting, setCorrecting] = useState<Entry | null>(null);
  const list = useEntries(definition.key, { ...filter, ...paging });
  const writable = can(registerPermission(definition, 'write'));
  const item = pick(definition.itemLabel);
  const base = `/registers/${definition.key}`;
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const Summary = REGISTER_VIEWS[definition.key]?.summary;
  const subtitle =
    actor?.role === 'enterprise_user' && definition.ownership !== 'city'
      ? 'registers.list.subtitleOwn'
      : actor?.role === 'district_officer' && definition.ownership !== 'city'
        ? 'registers.list.subtitleDistrict'
        : 'registers.list.subtitleAll';

  const columns = columnsOf(definition).map((key, index) => {
    const field = definition.fields.find((f) => f.key === key);
    const derived = definition.derived?.find((d) => d.key === key);
    const label = labelOfKey(definition, key);
    return {
      key,
      title: label ? pick(label) : key,
      ...(index === 0 ? { fixed: 'left' as const, width: 240 } : {}),
      render: (_: unknown, entry: Entry) =>
        field ? (
          index === 0 && writable && mayKeepRow(definition, actor, entry) ? (
            <a onClick={() => void navigate(`${base}/${entry.id}/edit`)}>{valueText(field, entry)}</a>
          ) : (
            valueText(field, entry)
          )
        ) : derived ? (
          derivedText(derived, entry)
        ) : null,
    };
  });
  const showDistrict =
    definition.ownership !== 'city' && !definition.fields.some((f) => f.type === 'district') && actor?.role !== 'enterprise_user';

  const empty = filtered ? (
    <EmptyState
      description={t('registers.list.emptyFiltered')}
      action={<Button onClick={() => setFilter({})}>{t('registers.list.clear')}</Button>}
    />
  ) : (
    <EmptyState
      description={t('registers.list.empty')}
      action={
        writable && (
          <Button type="primary" onClick={() => void navigate(`${base}/new`)}>
            {t('registers.list.new', { item })}
          </Button>
        )
      }
    />
  );

  return (
    <Page
      title={pick(definition.label)}
      subtitle={t(subtitle)}
      crumbs={[{ title: t('menu.registers') }, { title: pick(definition.label) }]}
      extra={
        <>
          {can(registerPermission(definition, 'export')) && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void run(
                  () => exportEntries(definition.key, filter),
                  (name) => t('registers.list.exported', { name: String(name) }),
                )
              }
              data-testid="register-export"
            >
              {t('registers.list.export')}
            </Button>
          )}
          {writable && (
            <Button icon={<CloudUploadOutlined />} onClick={() => void navigate(`${base}/import`)} data-testid="register-import">
              {t('registers.list.import')}
            </Button>
          )}
          {writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(`${base}/new`)} data-testid="register-new">
              {t('registers.list.new', { item })}
            </Button>
          )}
        </>
      }
    >
      {Summary && <Summary definition={definition} />}
      <div className="zz-card">
        <RegisterFilters
          definition={definition}
          filter={filter}
          onChange={(patch) => {
            setFilter((f) => ({ ...f, ...patch }));
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Entry>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: list.isPending ? ' ' : empty }}
            scroll={{ x: Math.max(900, columns.length * 150) }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
            data-testid="register-table"
            columns={[
              ...columns,
              ...(showDistrict
                ? [
                    {
                      key: 'districtCode',
                      title: t('registers.list.district'),
                      width: 120,
                      render: (_: unknown, e: Entry) => names.district(e.districtCode),
                    },
                  ]
                : []),
              {
                key: 'actions',
                title: t('common.actions'),
                fixed: 'right' as const,
                width: 150,
                render: (_: unknown, entry: Entry) => (
                  <Space size="small">
                    {writable && mayKeepRow(definition, actor, entry) && (
                      <>
                        <Button
                          size="small"
                          type="link"
                          icon={<EditOutlined />}
                          onClick={() => void navigate(`${base}/${entry.id}/edit`)}
                          data-testid={`edit-${entry.id}`}
                        >
                          {t('common.edit')}
                        </Button>
                        <Popconfirm
                          title={t('registers.list.deleteConfirm', { title: entry.title })}
                          onConfirm={() =>
                            void run(
                              async () => (await deleteEntry(definition.key, entry.id), await invalidate()),
                              t('registers.list.deleted'),
                            )
                          }
                        >
                          <Button size="small" type="link" danger data-testid={`delete-${entry.id}`}>
                            {t('registers.list.delete')}
                          </Button>
                        </Popconfirm>
                      </>
                    )}
                    {mayCorrectRow(definition, actor, entry) && (
                      <Button size="small" type="link" onClick={() => setCorrecting(entry)} data-testid={`correct-${entry.id}`}>
                        {t('registers.list.correct')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </div>
      {correcting && <CorrectionModal definition={definition} entry={correcting} onClose={() => setCorrecting(null)} />}
    </Page>
  );
}
