import { LinkOutlined } from '@ant-design/icons';
import { isPublic, type HandleValue } from '@zhizao/domain';
import { Alert, Button, Descriptions, Drawer, QRCode, Space, Table, Typography } from 'antd';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { formatTime } from '../labels.tsx';
import { useRecord } from '../queries.ts';
import { resolverUrl, tracePath } from '../resolver.ts';
import { VisibilityTag } from './TemplateItemsTable.tsx';

const show = (v: HandleValue) => (typeof v.data.value === 'string' ? v.data.value : JSON.stringify(v.data.value));

/** One identifier's values with their public / private marks, and the QR code of its resolver URL for the product label. */
export function RecordDrawer({ handle, onClose }: { handle: string | null; onClose(): void }) {
  const t = useT();
  const record = useRecord(handle);
  const r = record.data;
  return (
    <Drawer open={!!handle} onClose={onClose} size={760} title={<span className="zz-mono">{handle}</span>} data-testid="record-drawer">
      {record.isError ? (
        <LoadError error={record.error} onRetry={() => void record.refetch()} />
      ) : !r ? (
        <PageSkeleton />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }}>
            <div style={{ textAlign: 'center' }} data-testid="record-qr">
              <QRCode value={resolverUrl(r.handle)} size={160} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('identifiers.record.qrHint')}
              </Typography.Text>
            </div>
            <Descriptions size="small" column={1} style={{ flex: 1, minWidth: 260 }}>
              <Descriptions.Item label={t('identifiers.col.handle')}>
                <Typography.Text code copyable>
                  {r.handle}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('identifiers.record.resolver')}>
                <Typography.Text copyable className="zz-mono" style={{ fontSize: 12 }}>
                  {resolverUrl(r.handle)}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('identifiers.col.template')}>{r.templateVersion ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('identifiers.col.createdAt')}>{formatTime(r.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('identifiers.col.updatedAt')}>{formatTime(r.updatedAt)}</Descriptions.Item>
            </Descriptions>
          </div>
          {!r.complete && <Alert type="info" showIcon title={t('identifiers.record.publicOnly')} />}
          <Button icon={<LinkOutlined />} href={tracePath(r.handle)} target="_blank">
            {t('identifiers.record.openTrace')}
          </Button>
          <Table
            rowKey="index"
            size="small"
            pagination={false}
            dataSource={r.values}
            data-testid="record-values"
            scroll={{ x: true }}
            columns={[
              { title: t('identifiers.template.index'), dataIndex: 'index', width: 80 },
              { title: t('identifiers.template.type'), dataIndex: 'type', render: (v: string) => <span className="zz-mono">{v}</span> },
              { title: t('identifiers.record.value'), key: 'value', render: (_, v) => show(v) },
              {
                title: t('identifiers.template.visibility'),
                key: 'public',
                width: 110,
                render: (_, v) => <VisibilityTag isPublic={isPublic(v)} />,
              },
              { title: t('identifiers.record.timestamp'), dataIndex: 'timestamp', render: formatTime },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
