import { registerByKey, type FieldValue } from '@zhizao/domain';
import { App, Button, Input, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useAuth, useCan } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { decideCorrection, type Correction, type Entry } from '../api.ts';
import { useWarningConfirm } from '../components/useWarningConfirm.tsx';
import { useValueText } from '../fields.tsx';
import { useCorrections, useInvalidateRegisters } from '../queries.ts';

const STATUS_COLOURS = { pending: 'orange', accepted: 'green', rejected: 'default' } as const;

/** Corrections firms propose to rows of the registers: the keeper accepts (the row changes) or rejects with a note; a firm follows its own. */
export function CorrectionsPage() {
  const { t, pick } = useI18n();
  const { actor } = useAuth();
  const can = useCan();
  const { modal } = App.useApp();
  const run = useAction();
  const invalidate = useInvalidateRegisters();
  const confirmWarnings = useWarningConfirm();
  const valueText = useValueText();
  const [status, setStatus] = useState<'pending' | 'accepted' | 'rejected' | 'all'>('pending');
  const list = useCorrections(status === 'all' ? {} : { status });
  const keeper = can('registers.correction.decide');

  const change = (c: Correction) => {
    const definition = registerByKey(c.register);
    if (!definition) return null;
    return (
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {Object.entries(c.changes).map(([key, value]) => {
          const field = definition.fields.find((f) => f.key === key);
          if (!field) return null;
          const show = (v: FieldValue | undefined) => valueText(field, { [key]: v ?? null } as unknown as Entry);
          return (
            <li key={key}>
              {pick(field.label)}：{show(c.current[key])} → <b>{show(value)}</b>
            </li>
          );
        })}
      </ul>
    );
  };

  const reject = (c: Correction) => {
    let note = '';
    modal.confirm({
      title: t('registers.corrections.reject'),
      content: (
        <Input.TextArea
          autoSize={{ minRows: 2 }}
          maxLength={1000}
          placeholder={t('registers.corrections.note')}
          onChange={(e) => (note = e.target.value)}
          data-testid="reject-note"
        />
      ),
      onOk: () =>
        run(
          async () => (
            await decideCorrection(c.id, { accept: false, note: note.trim() || t('registers.corrections.rejected') }),
            await invalidate()
          ),
          t('registers.corrections.decided'),
        ),
    });
  };

  return (
    <Page
      title={t('registers.corrections.title')}
      subtitle={t(keeper ? 'registers.corrections.subtitleKeeper' : 'registers.corrections.subtitleOwn')}
      crumbs={[{ title: t('menu.registers') }, { title: t('menu.registerCorrections') }]}
    >
      <div className="zz-card">
        <Segmented
          value={status}
          onChange={(value) => setStatus(value as typeof status)}
          options={[
            { value: 'pending', label: t('registers.corrections.pending') },
            { value: 'accepted', label: t('registers.corrections.accepted') },
            { value: 'rejected', label: t('registers.corrections.rejected') },
            { value: 'all', label: t('common.total', { total: '' }).replace(/\s+/g, ' ').trim() || 'All' },
          ]}
          style={{ marginBottom: 16 }}
        />
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Correction>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: list.isPending ? ' ' : <EmptyState description={t('registers.corrections.empty')} /> }}
            scroll={{ x: 900 }}
            data-testid="corrections-table"
            columns={[
              {
                key: 'register',
                title: t('registers.corrections.register'),
                width: 140,
                render: (_, c) => (registerByKey(c.register) ? pick(registerByKey(c.register)!.label) : c.register),
              },
              { key: 'entry', title: t('registers.corrections.entry'), width: 200, render: (_, c) => c.entryTitle ?? `#${c.entryId}` },
              { key: 'changes', title: t('registers.corrections.changes'), render: (_, c) => change(c) },
              { key: 'reason', title: t('registers.correction.reason'), width: 200, dataIndex: 'reason' },
              {
                key: 'status',
                title: t('registers.corrections.status'),
                width: 110,
                render: (_, c) => (
                  <Tag color={STATUS_COLOURS[c.status]} title={c.decisionNote ?? undefined}>
                    {t(`registers.corrections.${c.status}`)}
                  </Tag>
                ),
              },
              ...(keeper
                ? [
                    {
                      key: 'actions',
                      title: t('common.actions'),
                      width: 160,
                      render: (_: unknown, c: Correction) =>
                        c.status === 'pending' &&
                        (actor?.role === 'bureau_admin' || c.districtCode === actor?.districtCode) && (
                          <Space size="small">
                            <Button
                              size="small"
                              type="link"
                              onClick={() =>
                                void run(async () => {
                                  await confirmWarnings((confirm) => decideCorrection(c.id, { accept: true, confirmWarnings: confirm }));
                                  await invalidate();
                                }, t('registers.corrections.decided'))
                              }
                              data-testid={`accept-${c.id}`}
                            >
                              {t('registers.corrections.accept')}
                            </Button>
                            <Button size="small" type="link" danger onClick={() => reject(c)} data-testid={`reject-${c.id}`}>
                              {t('registers.corrections.reject')}
                            </Button>
                          </Space>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </div>
    </Page>
  );
}
