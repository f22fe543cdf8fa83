import { Layout, Menu, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { HeaderBar } from './HeaderBar.tsx';
import { isGroup, selectedMenuPath, visibleMenu } from './menu.tsx';

const COLLAPSED_KEY = 'zhizao.siderCollapsed';

/** The logged-in frame: dark sider with the role's menu, header with language and account, content. */
export function AppLayout() {
  const { t, pick } = useI18n();
  const { can, passwordExpired } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const toggle = () => {
    localStorage.setItem(COLLAPSED_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };

  // Until an expired password is changed there is nowhere to go but the change form.
  const menu = useMemo(() => (passwordExpired ? [] : visibleMenu(can)), [can, passwordExpired]);
  const items: MenuProps['items'] = menu.map((item) =>
    isGroup(item)
      ? {
          key: item.key,
          icon: item.icon,
          label: t(item.label),
          children: item.entries.map((e) => ({ key: e.path, icon: e.icon, label: e.text ? pick(e.text) : t(e.label) })),
        }
      : { key: item.path, icon: item.icon, label: t(item.label) },
  );
  const selected = selectedMenuPath(pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={224} collapsed={collapsed} collapsedWidth={64} trigger={null} className="zz-sider">
        <div className="zz-logo" onClick={() => void navigate('/')}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {!collapsed && (
            <span>
              <strong>{t('app.name')}</strong>
              <small>{t('app.fullName')}</small>
            </span>
          )}
        </div>
        <Menu
          // Mounted afresh when the menu comes back after a password change, so its groups open again.
          key={passwordExpired ? 'held' : 'open'}
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={[selected]}
          defaultOpenKeys={menu.filter(isGroup).map((g) => g.key)}
          onClick={({ key }) => void navigate(key)}
          data-testid="side-menu"
        />
      </Layout.Sider>
      <Layout>
        <HeaderBar collapsed={collapsed} onToggle={toggle} />
        <Layout.Content className="zz-content">
          <Outlet />
        </Layout.Content>
        <Layout.Footer className="zz-footer">{t('app.footer')}</Layout.Footer>
      </Layout>
    </Layout>
  );
}
