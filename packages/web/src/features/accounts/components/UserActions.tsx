import { Popconfirm, Space, Typography } from 'antd';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import type { UserView } from '../../../app/auth/session.ts';
import { useAction } from '../../../app/components/useAction.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { deleteUser, setEnabled, unlockUser } from '../api.ts';
import { useUserChange } from '../queries.ts';

interface Props {
  user: UserView;
  onAssignRole(user: UserView): void;
  onResetPassword(user: UserView): void;
}

/** What the current administrator may do to one account; nobody changes their own. */
export function UserActions({ user, onAssignRole, onResetPassword }: Props) {
  const t = useT();
  const { session, can } = useAuth();
  const run = useAction();
  const remove = useUserChange(deleteUser);
  const enable = useUserChange((v: { id: number; enabled: boolean }) => setEnabled(v.id, v.enabled));
  const unlock = useUserChange(unlockUser);

  if (session?.user.id === user.id) return <Typography.Text type="secondary">{t('users.you')}</Typography.Text>;
  return (
    <Space size="middle" wrap>
      {can('users.assignRole') && <Typography.Link onClick={() => onAssignRole(user)}>{t('users.assignRole')}</Typography.Link>}
      {can('users.resetPassword') && <Typography.Link onClick={() => onResetPassword(user)}>{t('users.resetPassword')}</Typography.Link>}
      {can('users.setEnabled') && user.locked && (
        <Typography.Link onClick={() => void run(() => unlock.mutateAsync(user.id), t('users.unlocked'))}>
          {t('users.unlock')}
        </Typography.Link>
      )}
      {can('users.setEnabled') &&
        (user.enabled ? (
          <Popconfirm
            title={t('users.disableConfirm')}
            // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd's Popconfirm awaits this promise to show the OK button loading; its type says void
            onConfirm={() => run(() => enable.mutateAsync({ id: user.id, enabled: false }), t('users.disabledDone'))}
          >
            <Typography.Link type="danger">{t('users.disable')}</Typography.Link>
          </Popconfirm>
        ) : (
          <Typography.Link onClick={() => void run(() => enable.mutateAsync({ id: user.id, enabled: true }), t('users.enabledDone'))}>
            {t('users.enable')}
          </Typography.Link>
        ))}
      {can('users.delete') && (
        <Popconfirm
          title={t('users.deleteConfirm', { username: user.username })}
          // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd's Popconfirm awaits this promise to show the OK button loading; its type says void
          onConfirm={() => run(() => remove.mutateAsync(user.id), t('users.deleted'))}
        >
          <Typography.Link type="danger">{t('users.delete')}</Typography.Link>
        </Popconfirm>
      )}
    </Space>
  );
}
