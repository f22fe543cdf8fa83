import { fieldLabel } from '@zhizao/domain';
import { Alert, App, Form, Input } from 'antd';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import { createUser, type NewAccount } from '../api.ts';
import { useUserChange } from '../queries.ts';

/** The system admin's part of 三员分立: an account with a name and a password, and no rights yet. */
export function CreateUserModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const create = useUserChange(createUser);
  const label = (f: string) => fieldLabel(f, locale);
  const required = (f: string) => [{ required: true, message: t('common.required', { field: label(f) }) }];
  return (
    <FormModal<NewAccount>
      name="createUser"
      open={open}
      title={t('users.new')}
      fields={['username', 'displayName', 'password']}
      onClose={onClose}
      onSubmit={async (v) => {
        const user = await create.mutateAsync(v);
        void message.success(t('users.created', { username: user.username }));
      }}
      testId="create-user-modal"
    >
      <Alert type="info" showIcon title={t('users.createHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="username" label={label('username')} rules={required('username')} extra={t('users.usernameHint')}>
        <Input autoComplete="off" maxLength={64} />
      </Form.Item>
      <Form.Item name="displayName" label={label('displayName')} rules={required('displayName')}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="password" label={label('password')} rules={required('password')} extra={t('password.policyHint')}>
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
    </FormModal>
  );
}
