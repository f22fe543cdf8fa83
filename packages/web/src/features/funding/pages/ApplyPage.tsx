import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Radio, Row, Space, Typography } from 'antd';
import { INVESTMENT_ITEMS } from '@zhizao/domain';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../app/api/client.ts';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { applyForAward, calculate, type Project } from '../api.ts';
import { CalculationTable } from '../components/CalculationTable.tsx';
import { useFundingLabels } from '../labels.ts';
import { useCurrentPolicies, useInvalidateFunding, useProject } from '../queries.ts';

/** The enterprise picks a policy for a project and sees, before submitting, exactly how the award is reckoned. */
export function ApplyPage() {
  const id = Number(useParams().id);
  const project = useProject(id);
  if (project.isPending) return <PageSkeleton rows={10} />;
  if (project.isError) return <LoadError error={project.error} onRetry={() => void project.refetch()} />;
  return <Apply project={project.data} />;
}

function Apply({ project }: { project: Project }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const labels = useFundingLabels();
  const invalidate = useInvalidateFunding();
  const policies = useCurrentPolicies();
  // Policies that take this kind of project first: the likely choice is on top.
  const list = [...(policies.data ?? [])].sort(
    (a, b) => Number(b.rules.qualifyingKinds.includes(project.kind)) - Number(a.rules.qualifyingKinds.includes(project.kind)),
  );
  const [policyId, setPolicyId] = useState<number | undefined>();
  const chosen = policyId ?? list[0]?.id;
  const calc = useQuery({
    queryKey: ['funding', 'calculation', chosen, project.id, project.version],
    queryFn: ({ signal }) => calculate(chosen!, { projectId: project.id }, signal),
    enabled: !!chosen,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    if (!chosen) return;
    setBusy(true);
    setFailure(null);
    try {
      const award = await applyForAward(project.id, chosen);
      await invalidate();
      void message.success(t('funding.action.submitted'));
      void navigate(`/funding/awards/${award.id}`);
    } catch (e) {
      // The choice stays as it was; the server says why it refused.
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page
      title={t('funding.apply.title')}
      subtitle={`${project.name} · ${project.enterpriseName}`}
      crumbs={[
        { title: t('menu.fundingProjects'), to: '/funding/projects' },
        { title: project.name, to: `/funding/projects/${project.id}` },
        { title: t('funding.apply.title') },
      ]}
    >
      {failure && <Alert type="error" showIcon closable style={{ marginBottom: 16 }} title={failure} data-testid="apply-error" />}
      <Row gutter={16}>
        <Col xs={24} xl={9}>
          <Card title={t('funding.form.investment')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('funding.field.kind')}>{labels.kind(project.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('funding.field.year')}>{project.year}</Descriptions.Item>
              {INVESTMENT_ITEMS.map((item) => (
                <Descriptions.Item key={item} label={t(`funding.field.${item}Fen`)}>
                  {labels.yuan(project[`${item}Fen`])}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label={<strong>{t('funding.field.total')}</strong>}>
                <strong>{labels.yuan(project.totalInvestmentFen)}</strong>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('funding.apply.choosePolicy')} style={{ marginBottom: 16 }} loading={policies.isPending}>
            {list.length === 0 ? (
              <EmptyState description={t('funding.apply.noPolicy')} />
            ) : (
              <Radio.Group value={chosen} onChange={(e) => setPolicyId(e.target.value as number)} data-testid="policy-choice">
                <Space direction="vertical">
                  {list.map((p) => (
                    <Radio key={p.id} value={p.id}>
                      {p.name}{' '}
                      <Typography.Text type="secondary">
                        · {p.code} v{p.version}
                      </Typography.Text>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card title={t('funding.apply.breakdown')} style={{ marginBottom: 16 }}>
            {calc.isError ? (
              <Alert type="error" showIcon title={errorMessage(calc.error)} />
            ) : (
              <CalculationTable calculation={calc.data} loading={calc.isFetching} />
            )}
          </Card>
          <div className="zz-card" style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Space>
              <Button onClick={() => void navigate(`/funding/projects/${project.id}`)}>{t('common.cancel')}</Button>
              <Button
                type="primary"
                loading={busy}
                disabled={!chosen || !calc.data?.eligible}
                onClick={() => void submit()}
                data-testid="submit-application"
              >
                {t('funding.apply.submit')}
              </Button>
            </Space>
          </div>
        </Col>
      </Row>
    </Page>
  );
}
