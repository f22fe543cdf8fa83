import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { createApiKey, revokeApiKey, type ApiKey } from '../api.ts';
import { formatTime } from '../labels.tsx';
import { useApiKeys, useInvalidateIdentifiers } from '../queries.ts';

/** API keys for machine clients (Handle REST Basic auth, SNMS token): created with the secret shown once, revoked at will. */
export function ApiKeysCard() {
  const t = useT();
  const keys = useApiKeys();
  const invalidate = useInvalidateIdentifiers();
  const action = useAction();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);

  const revoke = (key: ApiKey) =>
    action(async () => {
      await revokeApiKey(key.id);
      await invalidate();
    }, t('identifiers.key.revoked'));

  return (
    <Card
      title={t('identifiers.key.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-api-key">
          {t('identifiers.key.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('identifiers.key.hint')}</Typography.Paragraph>
      {keys.isError ? (
        <LoadError error={keys.error} onRetry={() => void keys.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={keys.isFetching}
          dataSource={keys.data?.items}
          pagination={false}
          data-testid="api-key-table"
          locale={{ emptyText: keys.isPending ? ' ' : <EmptyState description={t('identifiers.key.empty')} /> }}
          scroll={{ x: true }}
          columns={[
            { title: t('identifiers.key.id'), dataIndex: 'id', render: (id: string) => <span className="zz-mono">{id}</span> },
            { title: t('identifiers.key.label'), dataIndex: 'label' },
            { title: t('identifiers.col.createdAt'), dataIndex: 'createdAt', render: formatTime },
            { title: t('identifiers.key.lastUsed'), dataIndex: 'lastUsedAt', render: formatTime },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, key) =>
                key.revokedAt ? (
                  <Tag>{t('identifiers.key.revokedAt', { at: formatTime(key.revokedAt) })}</Tag>
                ) : (
                  <Popconfirm
                    title={t('identifiers.key.revokeConfirm')}
                    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd's Popconfirm awaits this promise to show the OK button loading; its type says void
                    onConfirm={() => revoke(key)}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                  >
                    <Button size="small" danger>
                      {t('identifiers.key.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
      <FormModal<{ label: string }>
        name="apiKey"
        open={creating}
        title={t('identifiers.key.create')}
        fields={['label']}
        onSubmit={async ({ label }) => {
          const key = await createApiKey(label);
          await invalidate();
          setCreated(key);
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item
          name="label"
          label={t('identifiers.key.label')}
          rules={[{ required: true, message: t('common.required', { field: t('identifiers.key.label') }) }]}
        >
          <Input maxLength={100} placeholder={t('identifiers.key.labelHint')} />
        </Form.Item>
      </FormModal>
      <Modal
        open={!!created}
        destroyOnHidden
        title={t('identifiers.key.createdTitle')}
        onOk={() => setCreated(null)}
        onCancel={() => setCreated(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('identifiers.key.stored')}
      >
        <Alert type="warning" showIcon title={t('identifiers.key.once')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph>
          {t('identifiers.key.id')}:{' '}
          <Typography.Text code copyable data-testid="new-key-id">
            {created?.id}
          </Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph>
          {t('identifiers.key.secret')}:{' '}
          <Typography.Text code copyable data-testid="new-key-secret">
            {created?.secret}
          </Typography.Text>
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
