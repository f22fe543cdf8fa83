import { useQueryClient } from '@tanstack/react-query';
import { missingScores, weightedTotal } from '@zhizao/domain';
import { Alert, App, Button, Card, Col, Input, InputNumber, Row, Statistic, Table, Typography } from 'antd';
import { useParams } from 'react-router';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useAction } from '../../../app/components/useAction.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { SaveStatus } from '../../maturity/components/SaveStatus.tsx';
import { ApplicationView } from '../components/ApplicationView.tsx';
import { formatScore, formatTime, useRecognitionLabels } from '../labels.ts';
import { recognitionKeys, useAssignment } from '../queries.ts';
import { fetchAssignment, saveSheet, submitSheet, type AssignmentDetail } from '../reviewApi.ts';
import { useDraftAutosave } from '../useDraftAutosave.ts';

export function ScoreSheetPage() {
  const id = Number(useParams().id);
  const detail = useAssignment(id);
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <PageSkeleton rows={12} />;
  return <ScoreSheet id={id} detail={detail.data} />;
}

interface SheetEdit {
  scores: Record<string, number | null>;
  comment: string;
}

/** One expert scores every indicator 0–100; saved as typed; others' scores appear only after submitting. */
function ScoreSheet({ id, detail }: { id: number; detail: AssignmentDetail }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const run = useAction();
  const labels = useRecognitionLabels();
  const queryClient = useQueryClient();
  const key = recognitionKeys.assignment(id);
  const submitted = detail.sheet.status === 'submitted';
  const autosave = useDraftAutosave<SheetEdit>({
    storageKey: submitted ? null : `zhizao.recognition.sheet.${id}`,
    version: detail.sheet.version,
    save: (version, e) => {
      const scores = Object.fromEntries(
        Object.entries(e.scores ?? detail.sheet.scores).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
      );
      return saveSheet(id, version, scores, e.comment);
    },
    refresh: async () => (await queryClient.fetchQuery({ queryKey: key, queryFn: () => fetchAssignment(id), staleTime: 0 })).sheet.version,
    onSaved: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const scores = autosave.edits.scores ?? detail.sheet.scores;
  const comment = autosave.edits.comment ?? detail.sheet.comment ?? '';
  const total = weightedTotal(detail.indicators, scores);
  const missing = missingScores(detail.indicators, scores);
  const app = detail.application;

  const submit = () => {
    modal.confirm({
      title: t('recognition.sheet.submit'),
      content: t('recognition.sheet.confirm'),
      okText: t('recognition.sheet.submit'),
      cancelText: t('common.cancel'),
      onOk: () =>
        run(async () => {
          if (!(await autosave.flush()) || autosave.hasUnsaved()) throw new Error(t('recognition.move.waitSave'));
          const fresh = await queryClient.fetchQuery({ queryKey: key, queryFn: () => fetchAssignment(id), staleTime: 0 });
          await submitSheet(id, fresh.sheet.version);
          await queryClient.invalidateQueries({ queryKey: recognitionKeys.all });
        }, t('recognition.sheet.done')),
    });
  };

  return (
    <Page
      title={t('recognition.sheet.title')}
      subtitle={`${app.enterpriseName} · ${app.projectName} · ${labels.programme(app.programme)}`}
      crumbs={[{ title: t('menu.recognitionExpert'), to: '/recognition/expert' }, { title: app.enterpriseName }]}
      extra={!submitted && <SaveStatus status={autosave.status} onRetry={() => void autosave.flush()} />}
    >
      {submitted && (
        <Alert type="success" showIcon title={t('recognition.sheet.readOnly')} style={{ marginBottom: 16 }} data-testid="sheet-submitted" />
      )}
      {autosave.status === 'failed' && autosave.error && (
        <Alert type="error" showIcon title={autosave.error.message} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <ApplicationView detail={app} required={app.requiredKpis} />
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('recognition.sheet.indicators')} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={detail.indicators}
              data-testid="score-table"
              columns={[
                {
                  title: t('recognition.ind.name'),
                  key: 'n',
                  render: (_, i) => (
                    <>
                      <Typography.Text strong>{labels.indicator(i)}</Typography.Text>{' '}
                      <Typography.Text type="secondary">({i.weight} %)</Typography.Text>
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {labels.guidance(i)}
                      </Typography.Text>
                    </>
                  ),
                },
                {
                  title: t('recognition.sheet.score'),
                  key: 's',
                  width: 110,
                  render: (_, i) =>
                    submitted ? (
                      (scores[i.code] ?? '—')
                    ) : (
                      <InputNumber
                        min={0}
                        max={100}
                        precision={1}
                        value={scores[i.code] ?? null}
                        onChange={(v) => autosave.edit({ scores: { ...scores, [i.code]: typeof v === 'number' ? v : null } })}
                        data-testid={`score-${i.code}`}
                        style={{ width: '100%' }}
                      />
                    ),
                },
              ]}
            />
            <Input.TextArea
              value={comment}
              rows={3}
              disabled={submitted}
              placeholder={t('recognition.sheet.comment')}
              maxLength={4000}
              style={{ marginTop: 12 }}
              onChange={(e) => autosave.edit({ comment: e.target.value })}
              data-testid="sheet-comment"
            />
            <Row style={{ marginTop: 16 }} align="middle" justify="space-between">
              <Statistic title={t('recognition.sheet.total')} value={total === null ? '—' : total.toFixed(2)} data-testid="sheet-total" />
              {!submitted && (
                <Button type="primary" disabled={missing.length > 0} onClick={submit} data-testid="submit-sheet">
                  {missing.length ? t('recognition.sheet.missing', { count: missing.length }) : t('recognition.sheet.submit')}
                </Button>
              )}
            </Row>
          </Card>
          <Card title={t('recognition.sheet.others')}>
            {detail.others === null ? (
              <Typography.Text type="secondary" data-testid="others-hidden">
                {t('recognition.sheet.othersHidden')}
              </Typography.Text>
            ) : (
              <Table
                size="small"
                rowKey="displayName"
                pagination={false}
                dataSource={detail.others}
                data-testid="others"
                columns={[
                  { title: t('recognition.panel.expert'), dataIndex: 'displayName' },
                  { title: t('recognition.panel.total'), key: 't', align: 'right', render: (_, o) => formatScore(o.total) },
                  { title: t('recognition.panel.submittedAt'), key: 'a', render: (_, o) => formatTime(o.submittedAt) },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
