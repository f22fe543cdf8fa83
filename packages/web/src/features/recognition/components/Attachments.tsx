import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, List, Popconfirm, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { uploadFile } from '../../../app/api/files.ts';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { attachmentUploadPath, deleteAttachment, downloadAttachment, type Attachment } from '../api.ts';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.zip';
const kb = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The application's attachments (申报书 annexes): upload with progress while editable, download always. */
export function Attachments({
  applicationId,
  files,
  readOnly,
  onChanged,
}: {
  applicationId: number;
  files: Attachment[];
  readOnly: boolean;
  onChanged(): Promise<unknown>;
}) {
  const t = useT();
  const run = useAction();
  const [progress, setProgress] = useState<number | null>(null);

  const send = async (file: File) => {
    setProgress(0);
    await run(
      async () => {
        const stored = await uploadFile<Attachment>(attachmentUploadPath(applicationId), file, setProgress);
        await onChanged();
        return stored;
      },
      t('recognition.files.uploaded', { name: file.name }),
    );
    setProgress(null);
  };

  return (
    <div data-testid="attachments">
      {!readOnly && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Upload accept={ACCEPT} showUploadList={false} disabled={progress !== null} beforeUpload={(file) => (void send(file), false)}>
            <Button icon={<UploadOutlined />} loading={progress !== null} data-testid="attachment-upload">
              {t('recognition.files.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('recognition.files.hint')}</Typography.Text>
        </Space>
      )}
      {progress !== null && <Progress percent={progress} size="small" style={{ maxWidth: 320 }} />}
      <List
        size="small"
        dataSource={files}
        rowKey="id"
        locale={{ emptyText: t('recognition.files.none') }}
        renderItem={(file) => (
          <List.Item
            data-testid="attachment"
            actions={[
              <Button key="d" type="link" size="small" icon={<DownloadOutlined />} onClick={() => void run(() => downloadAttachment(file))}>
                {t('recognition.files.download')}
              </Button>,
              ...(readOnly
                ? []
                : [
                    <Popconfirm
                      key="x"
                      title={t('recognition.files.confirmDelete')}
                      onConfirm={() =>
                        void run(
                          async () => (await deleteAttachment(file), await onChanged()),
                          t('recognition.files.deleted', { name: file.fileName }),
                        )
                      }
                    >
                      <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                        {t('recognition.files.delete')}
                      </Button>
                    </Popconfirm>,
                  ]),
            ]}
          >
            <Space>
              <PaperClipOutlined />
              <Typography.Text>{file.fileName}</Typography.Text>
              <Typography.Text type="secondary">{kb(file.size)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
