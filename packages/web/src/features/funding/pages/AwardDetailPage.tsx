import type { AwardAction } from '@zhizao/domain';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Statistic, Steps, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCan } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyNames } from '../../registry/taxonomy.ts';
import type { Award } from '../api.ts';
import { CalculationTable } from '../components/CalculationTable.tsx';
import { EvaluationCard } from '../components/EvaluationCard.tsx';
import { MoveModal, useAwardEnvelopes } from '../components/MoveModal.tsx';
import { STATUS_COLORS, useFundingLabels } from '../labels.ts';
import { progressOf } from '../progress.ts';
import { useAward } from '../queries.ts';

/** One award application: where it stands, the frozen calculation, money, evaluation, history, and the caller's next moves. */
export function AwardDetailPage() {
  const id = Number(useParams().id);
  const award = useAward(id);
  if (award.isPending) return <PageSkeleton rows={12} />;
  if (award.isError) return <LoadError error={award.error} onRetry={() => void award.refetch()} />;
  return <AwardDetail award={award.data} />;
}

const DANGER: readonly AwardAction[] = ['preliminaryReject', 'secondReject', 'reject', 'withdraw', 'clawBack'];

function AwardDetail({ award }: { award: Award }) {
  const { t } = useI18n();
  const can = useCan();
  const labels = useFundingLabels();
  const names = useTaxonomyNames();
  const [action, setAction] = useState<AwardAction | null>(null);
  const budget = useAwardEnvelopes(award, can('funding.fund.read'));
  const payments = award.moves.filter((m) => m.action === 'pay');
  const open = (award.approvedFen ?? 0) - award.paidFen;
  const progress = progressOf(award);

  return (
    <Page
      title={t('funding.award.title', { id: award.id })}
      subtitle={
        <span>
          <Link to={`/funding/projects/${award.projectId}`}>{award.projectName}</Link> · {award.enterpriseName} ·{' '}
          {names.district(award.districtCode)} · {award.year}
        </span>
      }
      crumbs={[{ title: t('menu.fundingAwards'), to: '/funding/awards' }, { title: t('funding.award.title', { id: award.id }) }]}
      extra={
        <Tag color={STATUS_COLORS[award.status]} style={{ fontSize: 14, padding: '4px 10px' }} data-testid="award-status">
          {labels.status(award.status)}
        </Tag>
      }
    >
      <div className="zz-card">
        <Steps
          size="small"
          current={progress.current}
          status={progress.status}
          items={progress.steps.map((s) => ({ title: labels.status(s) }))}
        />
      </div>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title={t('funding.apply.breakdown')} style={{ marginBottom: 16 }}>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('funding.award.frozen', { code: award.policyCode, version: award.policyVersion })}
            />
            <CalculationTable calculation={award.calculation} />
          </Card>
          {award.evaluation && <EvaluationCard evaluation={award.evaluation} />}
          <Card title={t('funding.award.payments')} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="at"
              pagination={false}
              dataSource={payments}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('funding.award.noPayments')} /> }}
              data-testid="payments"
              columns={[
                { key: 'at', title: t('funding.ledger.at'), render: (_, m) => m.at.slice(0, 10) },
                { key: 'batch', title: t('funding.field.batch'), render: (_, m) => m.batch ?? m.note ?? '—' },
                { key: 'amount', title: t('funding.calc.amount'), align: 'right', render: (_, m) => labels.yuan(m.amountFen) },
                { key: 'by', title: t('funding.field.by'), render: (_, m) => m.actorUsername },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('funding.award.actions')} style={{ marginBottom: 16 }} data-testid="award-actions">
            {award.allowedActions.length === 0 ? (
              <Typography.Text type="secondary">{t('funding.award.noActions')}</Typography.Text>
            ) : (
              <Space wrap>
                {award.allowedActions.map((a) => (
                  <Button
                    key={a}
                    type={DANGER.includes(a) ? 'default' : 'primary'}
                    danger={DANGER.includes(a)}
                    onClick={() => setAction(a)}
                    data-testid={`move-${a}`}
                  >
                    {labels.action(a)}
                  </Button>
                ))}
              </Space>
            )}
          </Card>
          <Card title={t('funding.award.money')} style={{ marginBottom: 16 }}>
            <Row gutter={[16, 16]}>
              <Col span={12}>
                <Statistic title={t('funding.field.amount')} value={labels.yuan(award.amountFen)} />
              </Col>
              <Col span={12}>
                <Statistic title={t('funding.field.approved')} value={award.approvedFen === null ? '—' : labels.yuan(award.approvedFen)} />
              </Col>
              <Col span={12}>
                <Statistic title={t('funding.field.paid')} value={labels.yuan(award.paidFen)} data-testid="award-paid" />
              </Col>
              <Col span={12}>
                <Statistic title={t('funding.award.open')} value={labels.yuan(Math.max(open, 0))} />
              </Col>
              {award.clawedBackFen > 0 && (
                <Col span={12}>
                  <Statistic
                    title={t('funding.field.clawedBack')}
                    value={labels.yuan(award.clawedBackFen)}
                    styles={{ content: { color: '#cf1322' } }}
                  />
                </Col>
              )}
            </Row>
            {budget.current && (
              <Alert
                style={{ marginTop: 16 }}
                type={budget.current.availableFen < award.amountFen && award.approvedFen === null ? 'warning' : 'info'}
                showIcon
                title={t('funding.award.available', { name: budget.current.name, amount: labels.yuan(budget.current.availableFen) })}
                data-testid="award-envelope"
              />
            )}
            {(award.noticeStart || award.sampled) && (
              <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
                {award.sampled && (
                  <Descriptions.Item label={t('funding.sample.title')}>
                    <Tag color="purple">{t('funding.award.sampled')}</Tag>
                  </Descriptions.Item>
                )}
                {award.noticeStart && (
                  <Descriptions.Item label={t('funding.status.in_notice')}>
                    {award.noticeStart} ~ {award.noticeEnd}
                  </Descriptions.Item>
                )}
              </Descriptions>
            )}
          </Card>
          <Card title={t('funding.award.history')} style={{ marginBottom: 16 }}>
            <Timeline
              data-testid="award-history"
              items={award.moves.map((m) => ({
                color: m.toStatus === 'rejected' || m.toStatus === 'clawed_back' ? 'red' : 'blue',
                content: (
                  <div>
                    <div>
                      <strong>{labels.status(m.toStatus)}</strong> {m.amountFen !== null && <span>· {labels.yuan(m.amountFen)}</span>}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.at.slice(0, 16).replace('T', ' ')} · {m.actorUsername}
                    </Typography.Text>
                    {m.note && <div>{m.note}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <MoveModal award={award} action={action} onClose={() => setAction(null)} />
    </Page>
  );
}
