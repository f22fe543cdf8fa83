import { Layout, Menu, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { LanguageSwitch } from '../../../app/layout/HeaderBar.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';

/** The public portal's frame: no login, no menu of the app — the notices and the recognised lists only. */
export function PublicFrame({ children }: { children: ReactNode }) {
  const t = useT();
  const { pathname } = useLocation();
  const selected = pathname.startsWith('/public/recognition/recognised') ? 'recognised' : 'notices';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#143a80', padding: '0 24px' }}>
        <Link to="/public/recognition" style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff', whiteSpace: 'nowrap' }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <strong style={{ fontSize: 18, letterSpacing: 2 }}>{t('app.name')}</strong>
          <span style={{ opacity: 0.75 }}>{t('recognition.public.portal')}</span>
        </Link>
        <Menu
          mode="horizontal"
          theme="dark"
          selectedKeys={[selected]}
          style={{ flex: 1, background: 'transparent', minWidth: 0 }}
          items={[
            { key: 'notices', label: <Link to="/public/recognition">{t('recognition.public.notices')}</Link> },
            { key: 'recognised', label: <Link to="/public/recognition/recognised">{t('recognition.public.recognised')}</Link> },
          ]}
        />
        <div style={{ background: '#fff', borderRadius: 6, padding: '2px 8px', lineHeight: 'normal' }}>
          <LanguageSwitch />
        </div>
        <Link to="/login" style={{ color: '#fff' }}>
          {t('recognition.public.login')}
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: '24px', maxWidth: 1200, width: '100%', margin: '0 auto' }}>{children}</Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('recognition.public.footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
