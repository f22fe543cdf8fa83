import type { RegisterDefinition } from '@zhizao/domain';
import { App, Button, Card, Form, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../app/api/client.ts';
import { showServerErrors } from '../../../app/api/form-errors.ts';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useLeaveWarning } from '../../../app/components/useLeaveWarning.ts';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { createEntry, updateEntry } from '../api.ts';
import { bodyOf, EntryFields, initialValuesOf } from '../components/EntryFields.tsx';
import { useWarningConfirm } from '../components/useWarningConfirm.tsx';
import { useEntry, useInvalidateRegisters } from '../queries.ts';

/** Add or change one row of a register; server refusals land on the fields they name, typed values stay. */
export function RegisterFormPage({ definition }: { definition: RegisterDefinition }) {
  const { t, pick } = useI18n();
  const { actor } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const entry = useEntry(definition.key, id);
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const confirmWarnings = useWarningConfirm();
  const invalidate = useInvalidateRegisters();
  useLeaveWarning(dirty && !saving);
  const list = `/registers/${definition.key}`;
  const item = pick(definition.itemLabel);
  const title = t(id ? 'registers.form.editTitle' : 'registers.form.newTitle', { item });

  if (id !== null && entry.isPending) return <PageSkeleton />;
  if (id !== null && entry.isError) return <LoadError error={entry.error} onRetry={() => void entry.refetch()} />;
  const current = entry.data ?? null;

  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      const body = bodyOf(definition, values);
      const saved = await confirmWarnings((confirm) =>
        current ? updateEntry(definition.key, current.id, body, current.version, confirm) : createEntry(definition.key, body, confirm),
      );
      if (!saved) return;
      await invalidate();
      setDirty(false);
      void message.success(t('registers.form.saved'));
      void navigate(list);
    } catch (error) {
      if (
        !showServerErrors(
          form,
          error,
          definition.fields.map((f) => f.key),
        )
      )
        void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page title={title} crumbs={[{ title: t('menu.registers') }, { title: pick(definition.label), to: list }, { title }]}>
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValuesOf(definition, current, actor?.districtCode ?? null)}
        onValuesChange={() => setDirty(true)}
        onFinish={(values) => void submit(values)}
        scrollToFirstError={{ block: 'center' }}
        data-testid="register-form"
      >
        <Card style={{ marginBottom: 16 }}>
          <EntryFields definition={definition} entry={current} />
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="register-save">
            {t('common.save')}
          </Button>
          <Button onClick={() => void navigate(list)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Page>
  );
}
