import { InboxOutlined } from '@ant-design/icons';
import { Alert, Progress, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/client.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { uploadImport, type ImportPreview } from '../api.ts';

/** Step 2: send the file; the server checks every row and answers with a preview, writing nothing yet. */
export function ImportUploadStep({ onPreview }: { onPreview(preview: ImportPreview): void }) {
  const t = useT();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setError(null);
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      setError(t('registry.import.onlyXlsx'));
      return;
    }
    setPercent(0);
    try {
      onPreview(await uploadImport(file, setPercent));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPercent(null);
    }
  };

  return (
    <div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="upload-error" />}
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={percent !== null}
        // The request is ours (XHR with the CSRF header and progress), so AntD only hands over the file.
        beforeUpload={(file) => {
          void upload(file);
          return Upload.LIST_IGNORE;
        }}
        data-testid="import-dropzone"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('registry.import.dropText')}</p>
        <p className="ant-upload-hint">{t('registry.import.dropHint')}</p>
      </Upload.Dragger>
      {percent !== null && (
        <div style={{ marginTop: 16 }} data-testid="upload-progress">
          <Progress percent={percent} status="active" />
          <span style={{ color: '#8c8c8c' }}>{t('registry.import.uploading')}</span>
        </div>
      )}
    </div>
  );
}
