import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Result, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage, type FieldProblem } from '../../../app/api/client.ts';
import { Page } from '../../../app/components/Page.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { downloadProjectTemplate, uploadProjects } from '../api.ts';
import { useInvalidateFunding } from '../queries.ts';

/** A problem of one row: the server names it `rows.<excel row>.<field>` and says it in words. */
type RowProblem = FieldProblem & { row: number | null };
const rowOf = (p: FieldProblem): RowProblem => ({ ...p, row: Number(/^rows\.(\d+)\./.exec(p.field)?.[1]) || null });

/** Template → upload; the server takes the whole file or nothing, and names every bad row and field. */
export function ProjectImportPage() {
  const t = useT();
  const navigate = useNavigate();
  const run = useAction();
  const invalidate = useInvalidateFunding();
  const [percent, setPercent] = useState<number | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [imported, setImported] = useState<number | null>(null);

  const upload = async (file: File) => {
    setFailure(null);
    setProblems([]);
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      setFailure(t('registry.import.onlyXlsx'));
      return;
    }
    setPercent(0);
    try {
      const result = await uploadProjects(file, setPercent);
      await invalidate();
      setImported(result.imported);
    } catch (e) {
      setFailure(errorMessage(e));
      if (e instanceof ApiError) setProblems(e.details.map(rowOf));
    } finally {
      setPercent(null);
    }
  };

  if (imported !== null) {
    return (
      <Page
        title={t('funding.import.title')}
        crumbs={[{ title: t('menu.fundingProjects'), to: '/funding/projects' }, { title: t('funding.import.title') }]}
      >
        <div className="zz-card">
          <Result
            status="success"
            title={t('registry.import.doneTitle')}
            subTitle={<span data-testid="import-done">{t('registry.import.doneText', { count: imported })}</span>}
            extra={
              <Space>
                <Button type="primary" onClick={() => void navigate('/funding/projects')}>
                  {t('registry.import.viewList')}
                </Button>
                <Button onClick={() => setImported(null)}>{t('registry.import.again')}</Button>
              </Space>
            }
          />
        </div>
      </Page>
    );
  }

  return (
    <Page
      title={t('funding.import.title')}
      subtitle={t('funding.import.subtitle')}
      crumbs={[{ title: t('menu.fundingProjects'), to: '/funding/projects' }, { title: t('funding.import.title') }]}
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => void run(() => downloadProjectTemplate())} data-testid="download-template">
          {t('registry.import.downloadTemplate')}
        </Button>
      }
    >
      <div className="zz-card">
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="upload-error" />}
        {problems.length > 0 && (
          <Table<RowProblem>
            size="small"
            rowKey={(p, i) => `${p.row}-${p.field}-${i}`}
            dataSource={problems}
            pagination={problems.length > 10 ? { pageSize: 10 } : false}
            style={{ marginBottom: 16 }}
            data-testid="import-problems"
            columns={[
              { key: 'row', title: t('registry.import.colRow'), width: 80, render: (_, p) => p.row ?? '—' },
              { key: 'message', title: t('registry.import.colProblem'), render: (_, p) => p.message },
            ]}
          />
        )}
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={percent !== null}
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
          <p className="ant-upload-hint">{t('funding.import.allOrNothing')}</p>
        </Upload.Dragger>
        {percent !== null && <Progress percent={percent} status="active" style={{ marginTop: 16 }} />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('funding.import.columns')}
        </Typography.Paragraph>
      </div>
    </Page>
  );
}
