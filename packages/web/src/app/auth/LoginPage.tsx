import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LanguageSwitch } from '../layout/HeaderBar.tsx';
import { useAuth } from './AuthProvider.tsx';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useI18n();
  const { session, login, expired } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session) return <Navigate to={from} replace />;

  const submit = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const next = await login(values.username.trim(), values.password);
      void message.success(t('login.welcome', { name: next.user.displayName }));
      void navigate(from, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="zz-login">
      <div className="zz-login-brand">
        <div className="zz-login-brand-inner">
          <img src="/favicon.svg" alt="" width={56} height={56} />
          <Typography.Title level={2} style={{ color: '#fff', margin: '24px 0 8px' }}>
            {t('app.name')} · {t('app.fullName')}
          </Typography.Title>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', fontSize: 16 }}>{t('login.tagline')}</Typography.Paragraph>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.6)' }}>{t('app.bureau')}</Typography.Text>
        </div>
      </div>
      <div className="zz-login-panel">
        <div className="zz-login-lang">
          <LanguageSwitch />
        </div>
        <Card className="zz-login-card" variant="borderless">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {expired && !error && <Alert type="warning" showIcon title={t('session.expired')} style={{ marginBottom: 16 }} />}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Form<LoginForm> name="login" layout="vertical" size="large" onFinish={(v) => void submit(v)} requiredMark={false}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
            {t('login.help')}
          </Typography.Paragraph>
        </Card>
      </div>
    </div>
  );
}
