import {
  ApartmentOutlined,
  AuditOutlined,
  FileSearchOutlined,
  FundOutlined,
  RadarChartOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@zhizao/domain';
import type { ReactNode } from 'react';
import { fundingMenu } from '../../features/funding/routes.tsx';
import { identifiersMenu } from '../../features/identifiers/routes.tsx';
import { recognitionMenu } from '../../features/recognition/routes.tsx';
import { registersMenu } from '../../features/registers/routes.tsx';
import type { MessageId } from '../i18n/catalog.ts';

export interface MenuEntry {
  path: string;
  label: MessageId;
  /** A label given in both languages (a register's name from its definition), used instead of `label`. */
  text?: { zh: string; en: string };
  icon: ReactNode;
  /** Shown only to roles holding this permission; absent means every logged-in account. */
  permission?: Permission;
}

export interface MenuGroup {
  key: string;
  label: MessageId;
  icon: ReactNode;
  entries: MenuEntry[];
}

// The navigation, declared once: the sider renders what the account may use, nothing more.
export const MENU: (MenuEntry | MenuGroup)[] = [
  { path: '/', label: 'menu.home', icon: <DashboardOutlined /> },
  {
    key: 'registry',
    label: 'menu.registry',
    icon: <DatabaseOutlined />,
    entries: [
      { path: '/enterprises', label: 'menu.enterprises', icon: <ShopOutlined />, permission: 'registry.read' },
      { path: '/enterprises/import', label: 'menu.import', icon: <CloudUploadOutlined />, permission: 'registry.import' },
      { path: '/taxonomy', label: 'menu.taxonomy', icon: <ApartmentOutlined />, permission: 'taxonomy.write' },
    ],
  },
  { path: '/maturity', label: 'menu.maturity', icon: <RadarChartOutlined />, permission: 'maturity.assessment.read' },
  { path: '/maturity/city', label: 'menu.maturityBureau', icon: <FundOutlined />, permission: 'maturity.bureau.read' },
  { path: '/maturity/models', label: 'menu.maturityModels', icon: <ApartmentOutlined />, permission: 'maturity.model.write' },
  { path: '/maturity/expert-reviews', label: 'menu.expertReviews', icon: <FileSearchOutlined />, permission: 'maturity.expert.read' },
  ...recognitionMenu,
  ...fundingMenu,
  ...identifiersMenu,
  ...registersMenu,
  {
    key: 'system',
    label: 'menu.system',
    icon: <SettingOutlined />,
    entries: [
      { path: '/accounts/users', label: 'menu.users', icon: <TeamOutlined />, permission: 'users.read' },
      { path: '/accounts/security', label: 'menu.security', icon: <SafetyCertificateOutlined />, permission: 'settings.security' },
      { path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read' },
    ],
  },
];

export const isGroup = (item: MenuEntry | MenuGroup): item is MenuGroup => 'entries' in item;

/** The menu an account sees: entries it may use, groups that keep at least one entry. */
export function visibleMenu(allowed: (p: Permission) => boolean): (MenuEntry | MenuGroup)[] {
  const ok = (e: MenuEntry) => !e.permission || allowed(e.permission);
  return MENU.flatMap<MenuEntry | MenuGroup>((item) => {
    if (!isGroup(item)) return ok(item) ? [item] : [];
    const entries = item.entries.filter(ok);
    return entries.length ? [{ ...item, entries }] : [];
  });
}

/** The menu key to highlight for a location: the longest entry path that prefixes it. */
export function selectedMenuPath(pathname: string): string {
  const paths = MENU.flatMap((item) => (isGroup(item) ? item.entries : [item])).map((e) => e.path);
  const matches = paths.filter((p) => (p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(p + '/')));
  return matches.sort((a, b) => b.length - a.length)[0] ?? '';
}
