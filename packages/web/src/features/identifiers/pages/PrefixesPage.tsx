import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Table } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useEnterprise } from '../../registry/queries.ts';
import { applyForPrefix, type PrefixApplication } from '../api.ts';
import { ApiKeysCard } from '../components/ApiKeysCard.tsx';
import { GrantsCard } from '../components/GrantsCard.tsx';
import { NodeBanner } from '../components/NodeBanner.tsx';
import { formatTime, PrefixStatusTag } from '../labels.tsx';
import { useInvalidateIdentifiers, usePrefixes } from '../queries.ts';

const FIELDS = ['contactName', 'contactPhone', 'contactEmail', 'purpose'] as const;

/** An enterprise's prefixes under the node: apply with its registry's real-name data, follow the review, keep API keys. */
export function PrefixesPage() {
  const t = useT();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const [applying, setApplying] = useState(false);
  const list = usePrefixes(paging);
  const applyButton = (testId?: string) => (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)} data-testid={testId}>
      {t('identifiers.prefix.apply')}
    </Button>
  );

  return (
    <Page title={t('identifiers.prefix.title')} subtitle={t('identifiers.prefix.subtitle')} extra={applyButton('apply-prefix')}>
      <NodeBanner />
      <Card title={t('identifiers.prefix.mine')} style={{ marginBottom: 16 }}>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table
            rowKey="prefix"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items}
            data-testid="prefix-table"
            locale={{ emptyText: list.isPending ? ' ' : <EmptyState description={t('identifiers.prefix.empty')} action={applyButton()} /> }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: list.data?.total ?? 0,
              hideOnSinglePage: true,
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
            scroll={{ x: true }}
            columns={[
              { title: t('identifiers.col.prefix'), dataIndex: 'prefix', render: (p: string) => <span className="zz-mono">{p}</span> },
              { title: t('identifiers.col.status'), dataIndex: 'status', render: (s) => <PrefixStatusTag status={s} /> },
              {
                title: t('identifiers.col.ids'),
                dataIndex: 'identifierCount',
                align: 'right',
                render: (n?: number) => (n ?? 0).toLocaleString(),
              },
              { title: t('identifiers.col.purpose'), dataIndex: 'purpose' },
              { title: t('identifiers.col.appliedAt'), dataIndex: 'appliedAt', render: formatTime },
              { title: t('identifiers.col.decidedAt'), dataIndex: 'decidedAt', render: formatTime },
              { title: t('identifiers.col.note'), dataIndex: 'decisionNote', render: (n: string | null) => n ?? '—' },
            ]}
          />
        )}
      </Card>
      <ApiKeysCard />
      <GrantsCard />
      <ApplyModal open={applying} onClose={() => setApplying(false)} />
    </Page>
  );
}

/** The application form: real-name data comes from the enterprise's registry record; contact and purpose are typed here. */
function ApplyModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const { session } = useAuth();
  const enterprise = useEnterprise(session?.user.enterpriseId ?? 0);
  const invalidate = useInvalidateIdentifiers();
  const { message } = App.useApp();
  const e = enterprise.data;
  const submit = async (values: PrefixApplication) => {
    await applyForPrefix({ ...values, contactEmail: values.contactEmail || undefined });
    await invalidate();
    void message.success(t('identifiers.prefix.applied'));
  };
  return (
    <FormModal<PrefixApplication>
      name="prefixApply"
      open={open}
      title={t('identifiers.prefix.apply')}
      okText={t('identifiers.prefix.submit')}
      fields={FIELDS}
      initialValues={{ contactName: e?.contactName ?? '', contactPhone: e?.contactPhone ?? '', contactEmail: e?.contactEmail ?? '' }}
      onSubmit={submit}
      onClose={onClose}
      testId="prefix-apply-modal"
    >
      {enterprise.isError && <Alert type="error" showIcon title={t('identifiers.prefix.realNameMissing')} style={{ marginBottom: 16 }} />}
      {e && (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 16 }}
          title={t('identifiers.prefix.realName')}
          data-testid="real-name"
        >
          <Descriptions.Item label={t('identifiers.col.enterprise')}>{e.name}</Descriptions.Item>
          <Descriptions.Item label={t('identifiers.col.creditCode')}>
            <span className="zz-mono">{e.creditCode}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Alert type="info" showIcon title={t('identifiers.prefix.realNameHint')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="contactName"
        label={t('identifiers.col.contactName')}
        rules={[{ required: true, message: t('common.required', { field: t('identifiers.col.contactName') }) }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('identifiers.col.contactPhone')}
        rules={[{ required: true, message: t('common.required', { field: t('identifiers.col.contactPhone') }) }]}
      >
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="contactEmail" label={t('identifiers.col.contactEmail')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="purpose"
        label={t('identifiers.col.purpose')}
        rules={[{ required: true, message: t('common.required', { field: t('identifiers.col.purpose') }) }]}
      >
        <Input.TextArea rows={3} maxLength={500} placeholder={t('identifiers.prefix.purposeHint')} />
      </Form.Item>
    </FormModal>
  );
}
