import { Alert, App, Button, Form, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../../app/api/client.ts';
import { showServerErrors } from '../../../app/api/form-errors.ts';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { EnterpriseView } from '../api.ts';
import { EnterpriseForm } from '../components/EnterpriseForm.tsx';
import { ENTERPRISE_FORM_FIELDS, formValuesOf, inputOf, type EnterpriseFormValues } from '../form-values.ts';
import { useEnterprise, useSaveEnterprise } from '../queries.ts';

/** New enterprise (/enterprises/new) or edit (/enterprises/:id/edit). */
export function EnterpriseFormPage() {
  const id = Number(useParams().id ?? 0);
  const existing = useEnterprise(id);
  if (!id) return <EnterpriseEditor enterprise={null} />;
  if (existing.isPending) return <PageSkeleton rows={12} />;
  if (existing.isError) return <LoadError error={existing.error} onRetry={() => void existing.refetch()} />;
  // Keyed by version: reloading after a conflict starts a fresh form from the latest record.
  return <EnterpriseEditor key={existing.data.version} enterprise={existing.data} onReload={() => void existing.refetch()} />;
}

function EnterpriseEditor({ enterprise, onReload }: { enterprise: EnterpriseView | null; onReload?: () => void }) {
  const t = useT();
  const { actor } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const save = useSaveEnterprise();
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const selfEditOnly = actor?.role === 'enterprise_user';
  const defaults = actor?.role === 'district_officer' && actor.districtCode ? { districtCode: actor.districtCode } : {};

  const submit = async (values: EnterpriseFormValues) => {
    setFailure(null);
    // Locked fields are sent as they were, so the server sees no change to them.
    const merged = enterprise ? { ...formValuesOf(enterprise), ...values } : values;
    try {
      const saved = await save.mutateAsync({ id: enterprise?.id, version: enterprise?.version, input: inputOf(merged) });
      void message.success(enterprise ? t('registry.form.updated') : t('registry.form.created', { name: saved.name }));
      void navigate(`/enterprises/${saved.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'enterprise.versionConflict') setConflict(true);
      else if (!showServerErrors(form, error, ENTERPRISE_FORM_FIELDS)) setFailure(errorMessage(error));
      else void message.error(t('common.formHasErrors'));
    }
  };

  const heading = t(enterprise ? 'registry.form.editTitle' : 'registry.form.newTitle');
  const back = enterprise ? `/enterprises/${enterprise.id}` : '/enterprises';
  return (
    <Page
      title={enterprise ? `${heading} · ${enterprise.name}` : heading}
      crumbs={[
        { title: t('menu.enterprises'), to: '/enterprises' },
        ...(enterprise ? [{ title: enterprise.name, to: back }] : []),
        { title: heading },
      ]}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('registry.form.conflictTitle')}
          description={t('registry.form.conflictText')}
          action={<Button onClick={onReload}>{t('registry.form.reload')}</Button>}
          data-testid="version-conflict"
        />
      )}
      {selfEditOnly && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('registry.form.selfEditHint')} />}
      {failure && <Alert type="error" showIcon closable style={{ marginBottom: 16 }} title={failure} data-testid="form-error" />}
      <EnterpriseForm
        form={form}
        initialValues={formValuesOf(enterprise, defaults)}
        selfEditOnly={selfEditOnly}
        onFinish={(v) => void submit(v)}
        footer={
          <div className="zz-card" style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Space>
              <Button onClick={() => void navigate(back)}>{t('common.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-enterprise">
                {t('common.save')}
              </Button>
            </Space>
          </div>
        }
      />
    </Page>
  );
}
