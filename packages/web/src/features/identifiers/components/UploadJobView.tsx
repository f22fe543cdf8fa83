import { Alert, Col, Progress, Row, Statistic, Table } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { UploadJob } from '../api.ts';

/** A running or finished upload: progress through the rows, what was registered, and every refused row with its reason. */
export function UploadJobView({ job }: { job: UploadJob }) {
  const t = useT();
  const finished = job.status === 'done' || job.status === 'failed';
  const percent = job.total ? Math.floor((job.processed / job.total) * 100) : finished ? 100 : 0;
  const bad = job.errors.length;
  return (
    <div data-testid="upload-job" data-status={job.status}>
      <Progress
        percent={percent}
        format={(p) => `${p}%`}
        status={job.status === 'failed' || (finished && bad) ? 'exception' : finished ? 'success' : 'active'}
        data-testid="job-progress"
      />
      <Row gutter={16} style={{ margin: '16px 0' }}>
        <Col span={6}>
          <Statistic title={t('identifiers.upload.total')} value={job.total} />
        </Col>
        <Col span={6}>
          <Statistic title={t('identifiers.upload.processed')} value={job.processed} />
        </Col>
        <Col span={6}>
          <Statistic title={t('identifiers.upload.registered')} value={job.registered} styles={{ content: { color: '#389e0d' } }} />
        </Col>
        <Col span={6}>
          <Statistic title={t('identifiers.upload.errors')} value={bad} styles={{ content: { color: bad ? '#cf1322' : undefined } }} />
        </Col>
      </Row>
      {finished && (
        <Alert
          type={bad || job.status === 'failed' ? 'error' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t(bad || job.status === 'failed' ? 'identifiers.upload.doneWithErrors' : 'identifiers.upload.doneOk', {
            registered: job.registered,
            bad,
          })}
          data-testid="job-result"
        />
      )}
      {bad > 0 && (
        <Table
          size="small"
          rowKey={(e) => `${e.row}-${e.message}`}
          dataSource={job.errors}
          pagination={bad > 10 ? { pageSize: 10 } : false}
          data-testid="upload-errors"
          columns={[
            { title: t('identifiers.upload.row'), dataIndex: 'row', width: 80 },
            {
              title: t('identifiers.col.handle'),
              dataIndex: 'handle',
              render: (h: string | null) => <span className="zz-mono">{h ?? '—'}</span>,
            },
            { title: t('identifiers.upload.problem'), dataIndex: 'message' },
          ]}
        />
      )}
    </div>
  );
}
