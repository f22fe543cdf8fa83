import { nextPrefixStatus, PREFIX_ACTIONS, PREFIX_STATUSES, type PrefixAction, type PrefixStatus } from '@zhizao/domain';
import { App, Button, Form, Input, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { decidePrefix, type Prefix } from '../api.ts';
import { NodeBanner } from '../components/NodeBanner.tsx';
import { formatTime, PrefixStatusTag } from '../labels.tsx';
import { useInvalidateIdentifiers, usePrefixes } from '../queries.ts';

/** Actions that end something get the danger look. */
const DANGER: ReadonlySet<PrefixAction> = new Set(['reject', 'suspend', 'revoke']);

/** The node operator's prefix desk: real-name review of applications, then suspend, reinstate or revoke. */
export function PrefixReviewPage() {
  const t = useT();
  const [status, setStatus] = useState<PrefixStatus | 'all'>('pending');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [deciding, setDeciding] = useState<{ prefix: Prefix; action: PrefixAction } | null>(null);
  const list = usePrefixes({ status: status === 'all' ? undefined : status, ...paging });

  return (
    <Page title={t('identifiers.review.title')} subtitle={t('identifiers.review.subtitle')}>
      <NodeBanner />
      <div className="zz-card">
        <Segmented<PrefixStatus | 'all'>
          style={{ marginBottom: 16 }}
          value={status}
          onChange={(s) => {
            setStatus(s);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={[
            ...PREFIX_STATUSES.map((s) => ({ value: s, label: t(`identifiers.status.${s}`) })),
            { value: 'all' as const, label: t('identifiers.review.all') },
          ]}
          data-testid="review-status"
        />
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table
            rowKey="prefix"
            loading={list.isFetching}
            dataSource={list.data?.items}
            data-testid="review-table"
            scroll={{ x: true }}
            locale={{ emptyText: list.isPending ? ' ' : <EmptyState description={t('identifiers.review.empty')} /> }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: list.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
            columns={[
              { title: t('identifiers.col.prefix'), dataIndex: 'prefix', render: (p: string) => <span className="zz-mono">{p}</span> },
              {
                title: t('identifiers.col.enterprise'),
                key: 'enterprise',
                render: (_, p) => (
                  <Space direction="vertical" size={0}>
                    {p.enterpriseName}
                    <Typography.Text type="secondary" className="zz-mono" style={{ fontSize: 12 }}>
                      {p.creditCode}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('identifiers.col.contact'),
                key: 'contact',
                render: (_, p) => [p.contactName, p.contactPhone, p.contactEmail].filter(Boolean).join(' · ') || '—',
              },
              { title: t('identifiers.col.purpose'), dataIndex: 'purpose', render: (v: string | null) => v ?? '—' },
              { title: t('identifiers.col.status'), dataIndex: 'status', render: (s: PrefixStatus) => <PrefixStatusTag status={s} /> },
              { title: t('identifiers.col.appliedAt'), dataIndex: 'appliedAt', render: formatTime },
              {
                title: t('identifiers.col.ids'),
                dataIndex: 'identifierCount',
                align: 'right',
                render: (n?: number) => (n ?? 0).toLocaleString(),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, p) => (
                  <Space wrap size={4}>
                    {PREFIX_ACTIONS.filter((a) => nextPrefixStatus(p.status, a)).map((action) => (
                      <Button
                        key={action}
                        size="small"
                        type={action === 'approve' ? 'primary' : 'default'}
                        danger={DANGER.has(action)}
                        onClick={() => setDeciding({ prefix: p, action })}
                        data-testid={`prefix-${action}-${p.prefix}`}
                      >
                        {t(`identifiers.action.${action}`)}
                      </Button>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </div>
      <DecisionModal decision={deciding} onClose={() => setDeciding(null)} />
    </Page>
  );
}

function DecisionModal({ decision, onClose }: { decision: { prefix: Prefix; action: PrefixAction } | null; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const invalidate = useInvalidateIdentifiers();
  const action = decision?.action ?? 'approve';
  // A refusal, suspension or revocation tells the enterprise why; an approval may go without a note.
  const noteRequired = DANGER.has(action);
  return (
    <FormModal<{ note?: string }>
      name="prefixDecision"
      open={!!decision}
      title={
        decision ? t('identifiers.review.confirmTitle', { action: t(`identifiers.action.${action}`), prefix: decision.prefix.prefix }) : ''
      }
      okText={t(`identifiers.action.${action}`)}
      fields={['note']}
      onSubmit={async ({ note }) => {
        if (!decision) return;
        await decidePrefix(decision.prefix.prefix, { action, note: note?.trim() || undefined, version: decision.prefix.version });
        await invalidate();
        void message.success(t('identifiers.review.done', { action: t(`identifiers.action.${action}`), prefix: decision.prefix.prefix }));
      }}
      onClose={onClose}
      testId="decision-modal"
    >
      {decision && (
        <Typography.Paragraph>
          {t('identifiers.review.confirmText', { enterprise: decision.prefix.enterpriseName, creditCode: decision.prefix.creditCode })}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="note"
        label={t('identifiers.col.note')}
        rules={noteRequired ? [{ required: true, message: t('common.required', { field: t('identifiers.col.note') }) }] : []}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
