import { App } from 'antd';
import type { UserView } from '../../../app/auth/session.ts';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { resetPassword } from '../api.ts';
import { useUserChange } from '../queries.ts';
import { NewPasswordFields, type NewPasswordValues } from './PasswordFields.tsx';

export function ResetPasswordModal({ user, onClose }: { user: UserView | null; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const reset = useUserChange((v: { id: number; password: string }) => resetPassword(v.id, v.password));
  return (
    <FormModal<NewPasswordValues>
      name="resetPassword"
      open={user !== null}
      title={t('users.resetPasswordTitle', { username: user?.username ?? '' })}
      fields={['newPassword']}
      onClose={onClose}
      onSubmit={async (v) => {
        await reset.mutateAsync({ id: user!.id, password: v.newPassword });
        void message.success(t('users.passwordReset'));
      }}
    >
      <NewPasswordFields />
    </FormModal>
  );
}
