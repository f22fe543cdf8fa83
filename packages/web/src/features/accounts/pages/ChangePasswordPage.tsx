import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../app/api/client.ts';
import { showServerErrors } from '../../../app/api/form-errors.ts';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { Page } from '../../../app/components/Page.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { changeOwnPassword } from '../api.ts';
import { NewPasswordFields, type NewPasswordValues } from '../components/PasswordFields.tsx';

type Values = NewPasswordValues & { currentPassword: string };

/** Changing one's own password; also where an expired password sends the account, until it is changed. */
export function ChangePasswordPage() {
  const t = useT();
  const { message } = App.useApp();
  const { passwordExpired, refresh } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const change = useMutation({ mutationFn: (v: Values) => changeOwnPassword(v.currentPassword, v.newPassword) });
  const submit = async (values: Values) => {
    try {
      await change.mutateAsync(values);
    } catch (e) {
      if (!showServerErrors(form, e, ['currentPassword', 'newPassword'])) void message.error(errorMessage(e));
      return;
    }
    form.resetFields();
    void message.success(t('password.changed'));
    // The session now reads as current again; an account that was held here goes on to its home page.
    await refresh().catch(() => undefined);
    if (passwordExpired) void navigate('/', { replace: true });
  };
  return (
    <Page title={t('password.title')} subtitle={t('password.subtitle')}>
      <Card style={{ maxWidth: 560 }}>
        {passwordExpired && (
          <Alert
            type="warning"
            showIcon
            title={t('password.expired')}
            description={t('password.expiredHint')}
            style={{ marginBottom: 20 }}
            data-testid="password-expired"
          />
        )}
        <Form<Values> form={form} name="password" layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('common.required', { field: t('password.current') }) }]}
          >
            <Input.Password autoComplete="current-password" maxLength={128} autoFocus={passwordExpired} />
          </Form.Item>
          <NewPasswordFields />
          <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="change-password">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
