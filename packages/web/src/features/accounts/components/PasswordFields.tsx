import { Form, Input } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';

/** New password twice, checked to match; used by the reset dialog and the change-own-password page. */
export function NewPasswordFields() {
  const t = useT();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[{ required: true, message: t('common.required', { field: t('password.new') }) }]}
        extra={t('password.policyHint')}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required', { field: t('password.confirm') }) },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
    </>
  );
}

export interface NewPasswordValues {
  newPassword: string;
  confirmPassword: string;
}
