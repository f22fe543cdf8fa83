import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Result, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Page } from '../../../app/components/Page.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { cancelImport, commitImport, downloadImportTemplate, type ImportPreview } from '../api.ts';
import { ImportPreviewStep } from '../components/ImportPreviewStep.tsx';
import { ImportUploadStep } from '../components/ImportUploadStep.tsx';
import { useRegistryInvalidation } from '../queries.ts';

type Stage = { step: 0 | 1 } | { step: 2; preview: ImportPreview } | { step: 3; imported: number };

/** Template → upload → check → commit or cancel. Nothing is written before the user chooses. */
export function ImportWizardPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const invalidate = useRegistryInvalidation();
  const [stage, setStage] = useState<Stage>({ step: 0 });
  const [busy, setBusy] = useState<'template' | 'commit' | 'cancel' | null>(null);

  const action = useAction();
  const act = async (kind: 'template' | 'commit' | 'cancel', work: () => Promise<void>) => {
    setBusy(kind);
    await action(work);
    setBusy(null);
  };
  const template = () => act('template', async () => void (await downloadImportTemplate()));
  const commit = (id: string) =>
    act('commit', async () => {
      const { imported } = await commitImport(id);
      await invalidate();
      setStage({ step: 3, imported });
    });
  const cancel = (id: string) =>
    act('cancel', async () => {
      await cancelImport(id);
      void message.info(t('registry.import.cancelled'));
      setStage({ step: 1 });
    });

  return (
    <Page
      title={t('registry.import.title')}
      subtitle={t('registry.import.subtitle')}
      crumbs={[{ title: t('menu.enterprises'), to: '/enterprises' }, { title: t('menu.import') }]}
    >
      <div className="zz-card">
        <Steps
          current={stage.step}
          style={{ marginBottom: 32 }}
          items={[
            { title: t('registry.import.stepTemplate') },
            { title: t('registry.import.stepUpload') },
            { title: t('registry.import.stepPreview') },
            { title: t('registry.import.stepDone') },
          ]}
        />
        {stage.step === 0 && (
          <Result
            icon={<FileExcelOutlined style={{ color: '#389e0d' }} />}
            title={t('registry.import.stepTemplate')}
            subTitle={<Typography.Text type="secondary">{t('registry.import.templateText')}</Typography.Text>}
            extra={
              <Space>
                <Button
                  icon={<DownloadOutlined />}
                  loading={busy === 'template'}
                  onClick={() => void template()}
                  data-testid="download-template"
                >
                  {t('registry.import.downloadTemplate')}
                </Button>
                <Button type="primary" onClick={() => setStage({ step: 1 })} data-testid="to-upload">
                  {t('registry.import.haveFile')}
                </Button>
              </Space>
            }
          />
        )}
        {stage.step === 1 && <ImportUploadStep onPreview={(preview) => setStage({ step: 2, preview })} />}
        {stage.step === 2 && (
          <ImportPreviewStep
            preview={stage.preview}
            busy={busy === 'commit' || busy === 'cancel' ? busy : null}
            onCommit={() => void commit(stage.preview.id)}
            onCancel={() => void cancel(stage.preview.id)}
          />
        )}
        {stage.step === 3 && (
          <Result
            status="success"
            title={t('registry.import.doneTitle')}
            subTitle={<span data-testid="import-done">{t('registry.import.doneText', { count: stage.imported })}</span>}
            extra={
              <Space>
                <Button type="primary" onClick={() => void navigate('/enterprises?sort=createdAt&order=desc')}>
                  {t('registry.import.viewList')}
                </Button>
                <Button onClick={() => setStage({ step: 1 })}>{t('registry.import.again')}</Button>
              </Space>
            }
          />
        )}
      </div>
    </Page>
  );
}
