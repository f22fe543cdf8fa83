import { Card, Descriptions, Typography } from 'antd';
import type { KpiCode } from '@zhizao/domain';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { ApplicationDetail } from '../api.ts';
import { Attachments } from './Attachments.tsx';
import { Benchmarks } from './Benchmarks.tsx';
import { KpiTable } from './KpiTable.tsx';

/** The application's content as reviewers and experts read it: project, KPIs against benchmarks, annexes. */
export function ApplicationView({ detail, required }: { detail: ApplicationDetail; required: readonly KpiCode[] }) {
  const t = useT();
  return (
    <>
      <Card title={t('recognition.app.project')} style={{ marginBottom: 16 }} data-testid="application-view">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('recognition.app.projectName')}>{detail.projectName || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.app.provider')}>{detail.serviceProviderName || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.app.incident')}>
            {t(detail.incidentFreeDeclared ? 'recognition.app.declared' : 'recognition.app.notDeclared')}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }} data-testid="project-description">
          {detail.projectDescription || '—'}
        </Typography.Paragraph>
      </Card>
      <Card title={t('recognition.app.kpis')} style={{ marginBottom: 16 }}>
        <Benchmarks benchmarks={detail.benchmarks} />
        <div style={{ height: 12 }} />
        <KpiTable kpis={detail.kpis} required={required} />
      </Card>
      <Card title={t('recognition.app.attachments')} style={{ marginBottom: 16 }}>
        <Attachments applicationId={detail.id} files={detail.attachments} readOnly onChanged={async () => undefined} />
      </Card>
    </>
  );
}
