import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, List, Space, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { GateReport } from '../api.ts';

/** Each eligibility gate with its verdict and the server's explanation (in the reader's language). */
export function GateList({ report, loading }: { report: GateReport | undefined; loading?: boolean }) {
  const t = useT();
  if (!report) return <List loading={loading} dataSource={[]} />;
  return (
    <div data-testid="gates" data-eligible={report.eligible}>
      <Alert
        type={report.eligible ? 'success' : 'warning'}
        showIcon
        title={t(report.eligible ? 'recognition.gates.eligible' : 'recognition.gates.notEligible')}
        style={{ marginBottom: 8 }}
      />
      <List
        size="small"
        loading={loading}
        dataSource={report.gates}
        rowKey="code"
        renderItem={(g) => (
          <List.Item data-testid={`gate-${g.code}`} data-passed={g.passed}>
            <Space align="start">
              {g.passed ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <CloseCircleFilled style={{ color: '#ff4d4f' }} />}
              <span>
                <Typography.Text strong>{t(`recognition.gate.${g.code}`)}</Typography.Text>
                <br />
                <Typography.Text type={g.passed ? 'secondary' : 'danger'}>{g.message}</Typography.Text>
              </span>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
