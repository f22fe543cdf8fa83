import {
  DownOutlined,
  GlobalOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { ROLE_LABELS } from '@zhizao/domain';
import { App, Avatar, Button, Dropdown, Layout, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthProvider.tsx';
import { CHANGE_PASSWORD_PATH } from '../auth/RequireAuth.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Tooltip title={t('header.language')}>
      <Space size={4}>
        <GlobalOutlined style={{ color: '#8c8c8c' }} />
        <Segmented
          size="small"
          value={locale}
          onChange={(v) => setLocale(v === 'en' ? 'en' : 'zh-CN')}
          options={[
            { label: '中文', value: 'zh-CN' },
            { label: 'EN', value: 'en' },
          ]}
          data-testid="language-switch"
        />
      </Space>
    </Tooltip>
  );
}

function UserMenu() {
  const { session, logout } = useAuth();
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  if (!session) return null;
  const { user } = session;
  const onClick = async ({ key }: { key: string }) => {
    if (key === 'password') void navigate(CHANGE_PASSWORD_PATH);
    if (key === 'logout') {
      await logout();
      void message.success(t('header.loggedOut'));
      void navigate('/login', { replace: true });
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        onClick: (info) => void onClick(info),
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('menu.password') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('header.logout')}</span> },
        ],
      }}
    >
      <Button type="text" style={{ height: 48 }} data-testid="user-menu">
        <Space>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1a5fd6' }} />
          <Typography.Text strong>{user.displayName}</Typography.Text>
          {user.role && (
            <Tag color="blue" variant="filled">
              {pick(ROLE_LABELS[user.role])}
            </Tag>
          )}
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </Button>
    </Dropdown>
  );
}

export function HeaderBar({ collapsed, onToggle }: { collapsed: boolean; onToggle(): void }) {
  const { t } = useI18n();
  return (
    <Layout.Header className="zz-header">
      <Button
        type="text"
        aria-label={collapsed ? t('header.expand') : t('header.collapse')}
        icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
        onClick={onToggle}
      />
      <Space size="middle">
        <LanguageSwitch />
        <UserMenu />
      </Space>
    </Layout.Header>
  );
}
