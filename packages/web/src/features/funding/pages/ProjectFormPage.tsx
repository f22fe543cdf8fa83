import { Alert, App, Button, Form, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../../app/api/client.ts';
import { showServerErrors } from '../../../app/api/form-errors.ts';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { createProject, updateProject, type Project } from '../api.ts';
import { ProjectForm } from '../components/ProjectForm.tsx';
import { PROJECT_FORM_FIELDS, projectFormValues, projectInputOf, type ProjectFormValues } from '../project-form.ts';
import { useInvalidateFunding, useProject } from '../queries.ts';

/** Register (/funding/projects/new) or edit (/funding/projects/:id/edit) a project. */
export function ProjectFormPage() {
  const id = Number(useParams().id ?? 0);
  const existing = useProject(id);
  if (!id) return <ProjectEditor project={null} />;
  if (existing.isPending) return <PageSkeleton rows={12} />;
  if (existing.isError) return <LoadError error={existing.error} onRetry={() => void existing.refetch()} />;
  return <ProjectEditor key={existing.data.version} project={existing.data} onReload={() => void existing.refetch()} />;
}

function ProjectEditor({ project, onReload }: { project: Project | null; onReload?: () => void }) {
  const t = useT();
  const { actor } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const invalidate = useInvalidateFunding();
  const [form] = Form.useForm<ProjectFormValues>();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: ProjectFormValues) => {
    setFailure(null);
    setBusy(true);
    try {
      const input = projectInputOf(values);
      const saved = project ? await updateProject(project.id, input, project.version) : await createProject(input);
      await invalidate();
      void message.success(t(project ? 'funding.form.updated' : 'funding.form.created'));
      void navigate(`/funding/projects/${saved.id}`);
    } catch (error) {
      // Whatever was typed stays in the form; the refusal goes on its field or above the form.
      if (error instanceof ApiError && error.code === 'funding.projectVersionConflict') setConflict(true);
      else if (!showServerErrors(form, error, PROJECT_FORM_FIELDS)) setFailure(errorMessage(error));
      else void message.error(t('common.formHasErrors'));
    } finally {
      setBusy(false);
    }
  };

  const heading = t(project ? 'funding.form.editTitle' : 'funding.form.newTitle');
  const back = project ? `/funding/projects/${project.id}` : '/funding/projects';
  return (
    <Page
      title={project ? `${heading} · ${project.name}` : heading}
      crumbs={[
        { title: t('menu.fundingProjects'), to: '/funding/projects' },
        ...(project ? [{ title: project.name, to: back }] : []),
        { title: heading },
      ]}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('funding.form.conflict')}
          action={<Button onClick={onReload}>{t('funding.form.reload')}</Button>}
        />
      )}
      {failure && <Alert type="error" showIcon closable style={{ marginBottom: 16 }} title={failure} data-testid="form-error" />}
      <ProjectForm
        form={form}
        initialValues={projectFormValues(project)}
        chooseEnterprise={!project && actor?.role !== 'enterprise_user'}
        onFinish={(v) => void submit(v)}
        footer={
          <div className="zz-card" style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Space>
              <Button onClick={() => void navigate(back)}>{t('common.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="save-project">
                {t('common.save')}
              </Button>
            </Space>
          </div>
        }
      />
    </Page>
  );
}
