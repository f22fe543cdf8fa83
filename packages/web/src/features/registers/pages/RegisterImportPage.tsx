import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { RegisterDefinition } from '@zhizao/domain';
import { Alert, Button, Checkbox, Progress, Result, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage, type FieldProblem } from '../../../app/api/client.ts';
import { Page } from '../../../app/components/Page.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { downloadTemplate, uploadEntries } from '../api.ts';
import { useInvalidateRegisters } from '../queries.ts';

type RowProblem = FieldProblem & { row: number | null; rule?: string };
const rowOf = (p: FieldProblem): RowProblem => ({ ...p, row: Number(/^rows\.(\d+)\./.exec(p.field)?.[1]) || null });

/** Template → upload: the register takes the whole file or nothing, and lists every problem by row (duplicates and implausible values included). */
export function RegisterImportPage({ definition }: { definition: RegisterDefinition }) {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const run = useAction();
  const invalidate = useInvalidateRegisters();
  const [percent, setPercent] = useState<number | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [warningsOnly, setWarningsOnly] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [imported, setImported] = useState<number | null>(null);
  const list = `/registers/${definition.key}`;
  const title = t('registers.import.title', { register: pick(definition.label) });
  const crumbs = [{ title: t('menu.registers') }, { title: pick(definition.label), to: list }, { title: t('registers.list.import') }];

  const upload = async (file: File) => {
    setFailure(null);
    setProblems([]);
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      setFailure(t('registry.import.onlyXlsx'));
      return;
    }
    setPercent(0);
    try {
      const result = await uploadEntries(definition.key, file, confirm, setPercent);
      await invalidate();
      setImported(result.imported);
    } catch (e) {
      setFailure(errorMessage(e));
      if (e instanceof ApiError) {
        setProblems(e.details.map(rowOf));
        setWarningsOnly(e.code === 'registers.importWarnings');
      }
    } finally {
      setPercent(null);
    }
  };

  if (imported !== null)
    return (
      <Page title={title} crumbs={crumbs}>
        <div className="zz-card">
          <Result
            status="success"
            title={t('registry.import.doneTitle')}
            subTitle={<span data-testid="import-done">{t('registry.import.doneText', { count: imported })}</span>}
            extra={
              <Space>
                <Button type="primary" onClick={() => void navigate(list)}>
                  {t('registry.import.viewList')}
                </Button>
                <Button onClick={() => setImported(null)}>{t('registry.import.again')}</Button>
              </Space>
            }
          />
        </div>
      </Page>
    );

  return (
    <Page
      title={title}
      subtitle={t('registers.import.subtitle')}
      crumbs={crumbs}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void run(() => downloadTemplate(definition.key))}
          data-testid="download-template"
        >
          {t('registry.import.downloadTemplate')}
        </Button>
      }
    >
      <div className="zz-card">
        {failure && (
          <Alert
            type={warningsOnly ? 'warning' : 'error'}
            showIcon
            title={failure}
            style={{ marginBottom: 16 }}
            data-testid="upload-error"
          />
        )}
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
              {
                key: 'message',
                title: t('registry.import.colProblem'),
                render: (_, p) => (p.rule ? `${p.message}（${t('registers.form.rule', { rule: p.rule })}）` : p.message),
              },
            ]}
          />
        )}
        {warningsOnly && (
          <Checkbox
            checked={confirm}
            onChange={(e) => setConfirm(e.target.checked)}
            style={{ marginBottom: 16 }}
            data-testid="import-confirm-warnings"
          >
            {t('registers.import.confirmWarnings')}
          </Checkbox>
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
          {t('registers.import.columns')}
        </Typography.Paragraph>
      </div>
    </Page>
  );
}
