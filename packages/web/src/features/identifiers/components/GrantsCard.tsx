import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Popconfirm, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { EmptyState, LoadError } from '../../../app/components/PageStates.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { createGrant, removeGrant, type Grant } from '../api.ts';
import { formatTime } from '../labels.tsx';
import { useActivePrefixes, useGrants, useInvalidateIdentifiers } from '../queries.ts';

const FIELDS = ['prefix', 'granteeCreditCode'] as const;

/** Read grants: a partner enterprise (by credit code) may read the non-public values under one of our prefixes. */
export function GrantsCard() {
  const t = useT();
  const grants = useGrants();
  const { prefixes } = useActivePrefixes();
  const invalidate = useInvalidateIdentifiers();
  const action = useAction();
  const [adding, setAdding] = useState(false);
  const remove = (g: Grant) =>
    action(async () => {
      await removeGrant(g);
      await invalidate();
    }, t('identifiers.grant.removed'));

  return (
    <Card
      title={t('identifiers.grant.title')}
      style={{ marginTop: 16 }}
      extra={
        <Button icon={<PlusOutlined />} disabled={!prefixes.length} onClick={() => setAdding(true)} data-testid="add-grant">
          {t('identifiers.grant.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('identifiers.grant.hint')}</Typography.Paragraph>
      {grants.isError ? (
        <LoadError error={grants.error} onRetry={() => void grants.refetch()} />
      ) : (
        <Table
          rowKey={(g) => `${g.prefix}|${g.granteeEnterpriseId}`}
          size="small"
          loading={grants.isFetching}
          dataSource={grants.data?.items}
          pagination={false}
          data-testid="grant-table"
          locale={{ emptyText: grants.isPending ? ' ' : <EmptyState description={t('identifiers.grant.empty')} /> }}
          columns={[
            { title: t('identifiers.col.prefix'), dataIndex: 'prefix', render: (p: string) => <span className="zz-mono">{p}</span> },
            { title: t('identifiers.grant.grantee'), dataIndex: 'granteeName' },
            { title: t('identifiers.col.createdAt'), dataIndex: 'createdAt', render: formatTime },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, g) => (
                <Popconfirm
                  title={t('identifiers.grant.removeConfirm')}
                  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd's Popconfirm awaits this promise to show the OK button loading; its type says void
                  onConfirm={() => remove(g)}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                >
                  <Button size="small" danger>
                    {t('identifiers.grant.remove')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
      <FormModal<{ prefix: string; granteeCreditCode: string }>
        name="grant"
        open={adding}
        title={t('identifiers.grant.add')}
        fields={FIELDS}
        initialValues={{ prefix: prefixes[0] }}
        onSubmit={async (v) => {
          await createGrant({ prefix: v.prefix, granteeCreditCode: v.granteeCreditCode.trim().toUpperCase() });
          await invalidate();
        }}
        onClose={() => setAdding(false)}
      >
        <Form.Item
          name="prefix"
          label={t('identifiers.col.prefix')}
          rules={[{ required: true, message: t('common.requiredChoice', { field: t('identifiers.col.prefix') }) }]}
        >
          <Select options={prefixes.map((p) => ({ value: p, label: p }))} />
        </Form.Item>
        <Form.Item
          name="granteeCreditCode"
          label={t('identifiers.grant.creditCode')}
          rules={[
            { required: true, message: t('common.required', { field: t('identifiers.grant.creditCode') }) },
            { pattern: /^[0-9A-Za-z]{18}$/, message: t('identifiers.grant.creditCodeRule') },
          ]}
        >
          <Input className="zz-mono" maxLength={18} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
