import { useQueryClient } from '@tanstack/react-query';
import { missingKpis, type KpiCode } from '@zhizao/domain';
import { Alert, Card, Checkbox, Col, Form, Input, Row } from 'antd';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { SaveStatus } from '../../maturity/components/SaveStatus.tsx';
import { fetchApplication, saveApplication, type ApplicationDetail, type ApplicationEdit, type Kpis, type Programme } from '../api.ts';
import { recognitionKeys, useGates } from '../queries.ts';
import { useDraftAutosave } from '../useDraftAutosave.ts';
import { Attachments } from './Attachments.tsx';
import { GateList } from './GateList.tsx';
import { KpiTable } from './KpiTable.tsx';
import { MoveBar } from './MoveBar.tsx';

/** The enterprise fills its application: every keystroke kept, saved debounced, gates checked as it goes. */
export function ApplicationForm({ detail, programme }: { detail: ApplicationDetail; programme: Programme }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = recognitionKeys.application(detail.id);
  const autosave = useDraftAutosave<ApplicationEdit>({
    storageKey: `zhizao.recognition.unsaved.${detail.id}`,
    version: detail.version,
    save: (version, edits) => saveApplication(detail.id, version, edits),
    refresh: async () =>
      (await queryClient.fetchQuery({ queryKey: key, queryFn: () => fetchApplication(detail.id), staleTime: 0 })).version,
    onSaved: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const value = {
    projectName: detail.projectName,
    projectDescription: detail.projectDescription,
    serviceProviderName: detail.serviceProviderName,
    incidentFreeDeclared: detail.incidentFreeDeclared,
    kpis: detail.kpis,
    ...autosave.edits,
  };
  const kpis: Kpis = value.kpis ?? {};
  const gates = useGates(detail.programmeId, !!value.incidentFreeDeclared, true);
  const missing = missingKpis(programme.requiredKpis, kpis);
  const lastReturn = [...detail.history].reverse().find((h) => h.toState === 'returned');

  const beforeMove = async () => (await autosave.flush()) && !autosave.hasUnsaved();
  const setKpi = (code: KpiCode, v: { before: number | null; after: number | null }) => autosave.edit({ kpis: { ...kpis, [code]: v } });

  return (
    <>
      {detail.state === 'returned' && lastReturn?.reason && (
        <Alert
          type="warning"
          showIcon
          title={t('recognition.app.returned')}
          description={lastReturn.reason}
          style={{ marginBottom: 16 }}
          data-testid="return-reason"
        />
      )}
      {autosave.status === 'failed' && autosave.error && (
        <Alert type="error" showIcon title={autosave.error.message} style={{ marginBottom: 16 }} data-testid="save-error" />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            title={t('recognition.app.project')}
            extra={<SaveStatus status={autosave.status} onRetry={() => void autosave.flush()} />}
            style={{ marginBottom: 16 }}
          >
            <Form layout="vertical" name="application">
              <Form.Item label={t('recognition.app.projectName')} required>
                <Input
                  value={value.projectName}
                  maxLength={200}
                  onChange={(e) => autosave.edit({ projectName: e.target.value })}
                  data-testid="project-name"
                />
              </Form.Item>
              <Form.Item label={t('recognition.app.description')} required extra={t('recognition.app.descriptionHint')}>
                <Input.TextArea
                  value={value.projectDescription}
                  rows={6}
                  maxLength={20000}
                  showCount
                  onChange={(e) => autosave.edit({ projectDescription: e.target.value })}
                  data-testid="project-description-input"
                />
              </Form.Item>
              <Form.Item label={t('recognition.app.provider')}>
                <Input
                  value={value.serviceProviderName}
                  maxLength={200}
                  onChange={(e) => autosave.edit({ serviceProviderName: e.target.value })}
                  data-testid="provider-name"
                />
              </Form.Item>
              <Form.Item>
                <Checkbox
                  checked={!!value.incidentFreeDeclared}
                  onChange={(e) => autosave.edit({ incidentFreeDeclared: e.target.checked })}
                  data-testid="incident-declaration"
                >
                  {t('recognition.app.declaration')}
                </Checkbox>
              </Form.Item>
            </Form>
          </Card>
          <Card
            title={t('recognition.app.kpis')}
            style={{ marginBottom: 16 }}
            extra={
              missing.length > 0 && <span data-testid="kpi-missing">{t('recognition.app.kpiMissing', { count: missing.length })}</span>
            }
          >
            <KpiTable kpis={kpis} required={programme.requiredKpis} onChange={setKpi} missing={missing} />
          </Card>
          <Card title={t('recognition.app.attachments')}>
            <Attachments
              applicationId={detail.id}
              files={detail.attachments}
              readOnly={false}
              onChanged={() => queryClient.invalidateQueries({ queryKey: key })}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('recognition.app.gates')} style={{ marginBottom: 16 }}>
            <GateList report={gates.data} loading={gates.isFetching && !gates.data} />
          </Card>
          <Card title={t('recognition.app.actions')}>
            <MoveBar detail={detail} beforeMove={beforeMove} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
