import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Progress, Select, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../app/api/client.ts';
import { Page } from '../../../app/components/Page.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { downloadUploadTemplate, fetchUploadJob, startUpload } from '../api.ts';
import { PrefixSelect } from '../components/PrefixSelect.tsx';
import { UploadJobView } from '../components/UploadJobView.tsx';
import { useInvalidateIdentifiers, useTemplates } from '../queries.ts';

const ACCEPTED = /\.(csv|xlsx)$/i;

/** CSV / Excel upload: the file goes up with a progress bar, then the server's job reports rows done and rows refused. */
export function BatchUploadPage() {
  const t = useT();
  const action = useAction();
  const invalidate = useInvalidateIdentifiers();
  const [prefix, setPrefix] = useState<string>();
  const [chosenVersion, setVersion] = useState<string>();
  const [sending, setSending] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const templates = useTemplates(prefix);
  const version = chosenVersion ?? templates.data?.items[0]?.version;
  const job = useQuery({
    queryKey: ['identifiers', 'upload', jobId],
    queryFn: () => fetchUploadJob(jobId!),
    enabled: !!jobId,
    // Poll every second until the job is over, then the lists must show what it registered.
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1000),
  });
  const finished = job.data?.status === 'done' || job.data?.status === 'failed';
  useEffect(() => {
    if (finished) void invalidate();
  }, [finished, jobId, invalidate]);

  const send = async (file: File) => {
    setError(null);
    if (!ACCEPTED.test(file.name)) return setError(t('identifiers.upload.onlyCsvXlsx'));
    if (!prefix || !version) return setError(t('identifiers.upload.chooseFirst'));
    setSending(0);
    setJobId(null);
    try {
      const { jobId: id } = await startUpload(file, { prefix, templateVersion: version }, setSending);
      setJobId(id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(null);
    }
  };

  return (
    <Page
      title={t('identifiers.upload.title')}
      subtitle={t('identifiers.upload.subtitle')}
      crumbs={[{ title: t('menu.identifiers.list'), to: '/identifiers' }, { title: t('menu.identifiers.upload') }]}
    >
      <div className="zz-card">
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('identifiers.col.prefix')}>
            <PrefixSelect
              value={prefix}
              onChange={(p) => {
                setPrefix(p);
                setVersion(undefined);
              }}
            />
          </Form.Item>
          <Form.Item label={t('identifiers.register.template')}>
            <Select
              style={{ width: 160 }}
              value={version}
              onChange={setVersion}
              options={(templates.data?.items ?? []).map((v) => ({ value: v.version, label: v.version }))}
              notFoundContent={t('identifiers.template.empty')}
              data-testid="upload-template-version"
            />
          </Form.Item>
          <Form.Item>
            <Button
              icon={<DownloadOutlined />}
              disabled={!prefix || !version}
              onClick={() => void action(() => downloadUploadTemplate(prefix!, version!))}
              data-testid="upload-template"
            >
              {t('identifiers.upload.downloadTemplate')}
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary">{t('identifiers.upload.format')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="upload-error" />}
        <Upload.Dragger
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={sending !== null || !version || (!!jobId && !finished)}
          beforeUpload={(file) => {
            void send(file);
            return Upload.LIST_IGNORE;
          }}
          data-testid="upload-dropzone"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('identifiers.upload.drop')}</p>
          <p className="ant-upload-hint">{t('identifiers.upload.dropHint')}</p>
        </Upload.Dragger>
        {sending !== null && (
          <div style={{ marginTop: 16 }} data-testid="upload-progress">
            <Progress percent={sending} status="active" />
            <Typography.Text type="secondary">{t('identifiers.upload.sending')}</Typography.Text>
          </div>
        )}
        {jobId && (
          <div style={{ marginTop: 24 }}>
            <Space style={{ marginBottom: 8 }}>
              <Typography.Text strong>{t('identifiers.upload.jobTitle')}</Typography.Text>
              {job.data && <Typography.Text type="secondary">{job.data.fileName}</Typography.Text>}
            </Space>
            {job.isError ? (
              <Alert type="error" showIcon title={errorMessage(job.error)} />
            ) : job.data ? (
              <UploadJobView job={job.data} />
            ) : (
              <Progress percent={0} status="active" />
            )}
          </div>
        )}
      </div>
    </Page>
  );
}
