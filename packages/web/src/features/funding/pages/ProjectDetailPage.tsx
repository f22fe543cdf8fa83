import { CheckCircleOutlined, EditOutlined, TrophyOutlined } from '@ant-design/icons';
import { CLOSED_AWARD_STATUSES, INVESTMENT_ITEMS } from '@zhizao/domain';
import { Alert, Button, Card, Col, Descriptions, Form, Row, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useCan } from '../../../app/auth/AuthProvider.tsx';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { EmptyState, LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useTaxonomyNames } from '../../registry/taxonomy.ts';
import { completeProject, type Project } from '../api.ts';
import { AwardTable } from '../components/AwardTable.tsx';
import { DateField } from '../components/DateField.tsx';
import { useFundingLabels } from '../labels.ts';
import { useAwards, useInvalidateFunding, useProject } from '../queries.ts';

/** One project: its facts, schedule, targets and the award applications made on it. */
export function ProjectDetailPage() {
  const id = Number(useParams().id);
  const project = useProject(id);
  if (project.isPending) return <PageSkeleton rows={10} />;
  if (project.isError) return <LoadError error={project.error} onRetry={() => void project.refetch()} />;
  return <ProjectDetail project={project.data} />;
}

function ProjectDetail({ project }: { project: Project }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const labels = useFundingLabels();
  const names = useTaxonomyNames();
  const invalidate = useInvalidateFunding();
  const [completing, setCompleting] = useState(false);
  const awards = useAwards({ projectId: project.id, page: 1, pageSize: 100 });
  const mine = awards.data?.items ?? [];
  const open = mine.some((a) => !CLOSED_AWARD_STATUSES.includes(a.status));

  return (
    <Page
      title={project.name}
      subtitle={`${project.enterpriseName} · ${project.year} · ${labels.kind(project.kind)}`}
      crumbs={[{ title: t('menu.fundingProjects'), to: '/funding/projects' }, { title: project.name }]}
      extra={
        <>
          {can('funding.project.write') && project.status !== 'completed' && (
            <Button icon={<CheckCircleOutlined />} onClick={() => setCompleting(true)} data-testid="complete-project">
              {t('funding.detail.complete')}
            </Button>
          )}
          {can('funding.project.write') && !open && (
            <Button
              icon={<EditOutlined />}
              onClick={() => void navigate(`/funding/projects/${project.id}/edit`)}
              data-testid="edit-project"
            >
              {t('common.edit')}
            </Button>
          )}
          {can('funding.award.apply') && !open && (
            <Button
              type="primary"
              icon={<TrophyOutlined />}
              onClick={() => void navigate(`/funding/projects/${project.id}/apply`)}
              data-testid="apply-award"
            >
              {t('funding.action.apply')}
            </Button>
          )}
        </>
      }
    >
      {open && can('funding.project.write') && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('funding.detail.locked')} data-testid="project-locked" />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title={t('funding.form.basic')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('funding.field.enterprise')}>{project.enterpriseName}</Descriptions.Item>
              <Descriptions.Item label={t('funding.field.district')}>{names.district(project.districtCode)}</Descriptions.Item>
              <Descriptions.Item label={t('funding.field.chain')}>
                {project.chainCode ? names.chain(project.chainCode) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('funding.field.kind')}>{labels.kind(project.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('funding.field.startDate')}>{project.startDate}</Descriptions.Item>
              <Descriptions.Item label={t('funding.field.completionDate')}>{project.completionDate ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('funding.field.status')}>
                <Tag color={project.status === 'completed' ? 'green' : 'blue'}>
                  {t(project.status === 'completed' ? 'funding.projects.completed' : 'funding.projects.registered')}
                </Tag>
              </Descriptions.Item>
              {project.description && <Descriptions.Item label={t('funding.field.description')}>{project.description}</Descriptions.Item>}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('funding.form.investment')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small" data-testid="project-investment">
              {INVESTMENT_ITEMS.map((item) => (
                <Descriptions.Item key={item} label={t(`funding.field.${item}Fen`)}>
                  {labels.yuan(project[`${item}Fen`])}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label={<strong>{t('funding.field.total')}</strong>}>
                <strong>{labels.yuan(project.totalInvestmentFen)}</strong>（{labels.wan(project.totalInvestmentFen)}）
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title={t('funding.field.milestones')} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey={(m) => `${m.name}-${m.dueDate}`}
              pagination={false}
              dataSource={project.milestones}
              locale={{ emptyText: <EmptyState description={t('common.none')} /> }}
              columns={[
                { key: 'name', dataIndex: 'name', title: t('funding.field.milestoneName') },
                { key: 'due', dataIndex: 'dueDate', title: t('funding.field.dueDate'), width: 120 },
                { key: 'done', title: t('funding.field.doneDate'), width: 120, render: (_, m) => m.doneDate ?? '—' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('funding.field.targets')} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={project.targets}
              locale={{ emptyText: <EmptyState description={t('common.none')} /> }}
              columns={[
                { key: 'name', title: t('funding.field.kpiName'), render: (_, k) => k.name },
                { key: 'baseline', title: t('funding.field.baseline'), align: 'right', render: (_, k) => `${k.baseline} ${k.unit}` },
                { key: 'target', title: t('funding.field.target'), align: 'right', render: (_, k) => `${k.target} ${k.unit}` },
                { key: 'direction', title: t('funding.field.direction'), render: (_, k) => t(`funding.field.${k.direction}`) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('funding.detail.awards')}>
        {awards.isError ? (
          <LoadError error={awards.error} onRetry={() => void awards.refetch()} />
        ) : (
          <AwardTable
            items={mine}
            loading={awards.isFetching}
            own
            empty={awards.isPending ? ' ' : <EmptyState description={t('funding.detail.noAwards')} />}
            testId="project-awards"
          />
        )}
      </Card>
      <FormModal<{ completionDate: string }>
        name="complete"
        open={completing}
        title={t('funding.detail.complete')}
        fields={['completionDate']}
        initialValues={{ completionDate: project.completionDate ?? undefined }}
        onClose={() => setCompleting(false)}
        onSubmit={async (v) => {
          await completeProject(project.id, v.completionDate);
          await invalidate();
        }}
      >
        <Form.Item
          name="completionDate"
          label={t('funding.field.completionDate')}
          rules={labels.required(t('funding.field.completionDate'), true)}
        >
          <DateField />
        </Form.Item>
      </FormModal>
    </Page>
  );
}
