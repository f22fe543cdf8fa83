import type { SecuritySettings } from '@zhizao/domain';
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Space } from 'antd';
import { errorMessage } from '../../../app/api/client.ts';
import { showServerErrors } from '../../../app/api/form-errors.ts';
import { Page } from '../../../app/components/Page.tsx';
import { LoadError, PageSkeleton } from '../../../app/components/PageStates.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { SecuritySettingsView } from '../api.ts';
import { useSaveSecuritySettings, useSecuritySettings } from '../queries.ts';

type Key = keyof SecuritySettings;
const GROUPS: { title: 'security.group.password' | 'security.group.lockout' | 'security.group.session'; keys: Key[] }[] = [
  { title: 'security.group.password', keys: ['passwordMinLength', 'passwordMinClasses', 'passwordMaxAgeDays'] },
  { title: 'security.group.lockout', keys: ['lockoutThreshold', 'lockoutMinutes'] },
  { title: 'security.group.session', keys: ['idleTimeoutMinutes', 'maxConcurrentSessions'] },
];
const ALL_KEYS = GROUPS.flatMap((g) => g.keys);

export function SecuritySettingsPage() {
  const t = useT();
  const settings = useSecuritySettings();
  return (
    <Page title={t('security.title')} subtitle={t('security.subtitle')}>
      {settings.isPending ? (
        <PageSkeleton rows={8} />
      ) : settings.isError ? (
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm view={settings.data} />
      )}
    </Page>
  );
}

/** Each value between the server's floor and ceiling; the server checks the same bounds again. */
function SettingsForm({ view }: { view: SecuritySettingsView }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<SecuritySettings>();
  const save = useSaveSecuritySettings();
  const submit = async (values: SecuritySettings) => {
    try {
      await save.mutateAsync(values);
      void message.success(t('common.saved'));
    } catch (e) {
      if (!showServerErrors(form, e, ALL_KEYS)) void message.error(errorMessage(e));
    }
  };
  return (
    <Form<SecuritySettings> form={form} layout="vertical" initialValues={view.settings} onFinish={(v) => void submit(v)}>
      <Alert type="info" showIcon title={t('security.floorHint')} style={{ marginBottom: 16 }} />
      <Row gutter={16}>
        {GROUPS.map((group) => (
          <Col key={group.title} xs={24} lg={8}>
            <Card title={t(group.title)} style={{ marginBottom: 16, height: 'calc(100% - 16px)' }}>
              {group.keys.map((key) => (
                <Form.Item
                  key={key}
                  name={key}
                  label={t(`security.${key}`)}
                  extra={t('security.range', { min: view.floor[key], max: view.ceiling[key], default: view.defaults[key] })}
                  rules={[
                    {
                      required: true,
                      type: 'number',
                      min: view.floor[key],
                      max: view.ceiling[key],
                      message: t('security.range', { min: view.floor[key], max: view.ceiling[key], default: view.defaults[key] }),
                    },
                  ]}
                >
                  <InputNumber min={view.floor[key]} max={view.ceiling[key]} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              ))}
            </Card>
          </Col>
        ))}
      </Row>
      <div className="zz-card" style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Space>
          <Button onClick={() => form.setFieldsValue(view.defaults)}>{t('security.restoreDefaults')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Space>
      </div>
    </Form>
  );
}
