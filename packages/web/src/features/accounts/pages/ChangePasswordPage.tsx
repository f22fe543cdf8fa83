import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Input } from 'antd';
import { errorMessage } from '../../../app/api/client.ts';
import { showServerErrors } from '../../../app/api/form-errors.ts';
import { Page } from '../../../app/components/Page.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { changeOwnPassword } from '../api.ts';
import { NewPasswordFields, type NewPasswordValues } from '../components/PasswordFields.tsx';

type Values = NewPasswordValues & { currentPassword: string };

export function ChangePasswordPage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useMutation({ mutationFn: (v: Values) => changeOwnPassword(v.currentPassword, v.newPassword) });
  const submit = async (values: Values) => {
    try {
      await change.mutateAsync(values);
      form.resetFields();
      void message.success(t('password.changed'));
    } catch (e) {
      if (!showServerErrors(form, e, ['currentPassword', 'newPassword'])) void message.error(errorMessage(e));
    }
  };
  return (
    <Page title={t('password.title')} subtitle={t('password.subtitle')}>
      <Card style={{ maxWidth: 560 }}>
        <Form<Values> form={form} name="password" layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('common.required', { field: t('password.current') }) }]}>
            <Input.Password autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <NewPasswordFields />
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
