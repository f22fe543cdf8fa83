import { DownloadOutlined } from '@ant-design/icons';
import { fieldLabel } from '@zhizao/domain';
import { Alert, Button, Col, Row, Space, Statistic, Table } from 'antd';
import { useAction } from '../../../app/components/useAction.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { downloadImportErrors, type ImportPreview } from '../api.ts';

interface Props {
  preview: ImportPreview;
  busy: 'commit' | 'cancel' | null;
  onCommit(): void;
  onCancel(): void;
}

/** Step 3: the per-row problems, then the choice — import the valid rows only, or nothing at all. */
export function ImportPreviewStep({ preview, busy, onCommit, onCancel }: Props) {
  const { t, locale } = useI18n();
  const action = useAction();
  const bad = preview.totalRows - preview.validRows;
  const summary =
    preview.validRows === 0
      ? { type: 'error' as const, text: t('registry.import.noneValid') }
      : bad > 0
        ? { type: 'warning' as const, text: t('registry.import.someInvalid', { bad, valid: preview.validRows }) }
        : { type: 'success' as const, text: t('registry.import.allValid', { count: preview.validRows }) };

  return (
    <div data-testid="import-preview">
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Statistic title={t('registry.import.totalRows')} value={preview.totalRows} />
        </Col>
        <Col span={8}>
          <Statistic title={t('registry.import.validRows')} value={preview.validRows} styles={{ content: { color: '#389e0d' } }} />
        </Col>
        <Col span={8}>
          <Statistic title={t('registry.import.problemRows')} value={bad} styles={{ content: { color: bad ? '#cf1322' : undefined } }} />
        </Col>
      </Row>
      <Alert type={summary.type} showIcon title={summary.text} style={{ marginBottom: 16 }} />
      {preview.problems.length > 0 && (
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
          <span>{t('registry.import.problemList', { count: preview.problemCount ?? preview.problems.length })}</span>
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void action(() => downloadImportErrors(preview.id))}>
            {t('registry.import.errorReport')}
          </Button>
        </div>
      )}
      {preview.problems.length > 0 && (
        <Table
          size="small"
          rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
          dataSource={preview.problems}
          pagination={preview.problems.length > 10 ? { pageSize: 10 } : false}
          columns={[
            { key: 'row', dataIndex: 'row', title: t('registry.import.colRow'), width: 80 },
            {
              key: 'column',
              title: t('registry.import.colColumn'),
              width: 220,
              render: (_, p) => [p.column, fieldLabel(p.field, locale)].filter(Boolean).join(' · '),
            },
            { key: 'message', dataIndex: 'message', title: t('registry.import.colProblem') },
          ]}
          style={{ marginBottom: 16 }}
          data-testid="import-problems"
        />
      )}
      <Space>
        <Button
          type="primary"
          disabled={preview.validRows === 0 || busy !== null}
          loading={busy === 'commit'}
          onClick={onCommit}
          data-testid="import-commit"
        >
          {t('registry.import.commitValid', { count: preview.validRows })}
        </Button>
        <Button disabled={busy !== null} loading={busy === 'cancel'} onClick={onCancel} data-testid="import-cancel">
          {t('registry.import.cancel')}
        </Button>
      </Space>
    </div>
  );
}
