import {
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  InboxOutlined,
  NodeIndexOutlined,
  ProfileOutlined,
  QrcodeOutlined,
  TagsOutlined,
} from '@ant-design/icons';
import type { Permission } from '@zhizao/domain';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '../../app/auth/RequireAuth.tsx';
import { PageSkeleton } from '../../app/components/PageStates.tsx';
import type { MenuEntry, MenuGroup } from '../../app/layout/menu.tsx';

// Identifier resolution secondary node (issue 6): the module's pages inside the signed-in layout, its public pages (no login), and its menu.

/** A page loaded on first visit, as the app's router does for its own pages. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const PrefixesPage = page(() => import('./pages/PrefixesPage.tsx'), 'PrefixesPage');
const TemplatesPage = page(() => import('./pages/TemplatesPage.tsx'), 'TemplatesPage');
const IdentifiersPage = page(() => import('./pages/IdentifiersPage.tsx'), 'IdentifiersPage');
const BatchUploadPage = page(() => import('./pages/BatchUploadPage.tsx'), 'BatchUploadPage');
const EventsPage = page(() => import('./pages/EventsPage.tsx'), 'EventsPage');
const WarehousePage = page(() => import('./pages/WarehousePage.tsx'), 'WarehousePage');
const PrefixReviewPage = page(() => import('./pages/PrefixReviewPage.tsx'), 'PrefixReviewPage');
const NodeStatsPage = page(() => import('./pages/NodeStatsPage.tsx'), 'NodeStatsPage');
const TracePage = page(() => import('./pages/TracePage.tsx'), 'TracePage');

function guarded(permission: Permission, element: ReactNode) {
  return (
    <RequirePermission permission={permission}>
      <Suspense fallback={<PageSkeleton />}>{element}</Suspense>
    </RequirePermission>
  );
}

const MANAGE = 'identifiers.enterprise.manage';

export const identifiersRoutes = (
  <>
    <Route path="identifiers" element={guarded(MANAGE, <IdentifiersPage />)} />
    <Route path="identifiers/prefixes" element={guarded(MANAGE, <PrefixesPage />)} />
    <Route path="identifiers/templates" element={guarded(MANAGE, <TemplatesPage />)} />
    <Route path="identifiers/upload" element={guarded(MANAGE, <BatchUploadPage />)} />
    <Route path="identifiers/events" element={guarded('traceability.event.read', <EventsPage />)} />
    <Route path="identifiers/warehouse" element={guarded('traceability.warehouse.read', <WarehousePage />)} />
    <Route path="identifiers/review" element={guarded('identifiers.node.operate', <PrefixReviewPage />)} />
    <Route path="identifiers/stats" element={guarded('identifiers.node.read', <NodeStatsPage />)} />
  </>
);

// `/trace/<handle>` and `/trace/01/<gtin>/…` (GS1 Digital Link): where the product QR code's resolver URL lands.
export const identifiersPublicRoutes = (
  <Route
    path="trace/*"
    element={
      <Suspense fallback={<PageSkeleton />}>
        <TracePage />
      </Suspense>
    }
  />
);

export const identifiersMenu: (MenuEntry | MenuGroup)[] = [
  {
    key: 'identifiers',
    label: 'menu.identifiers',
    icon: <QrcodeOutlined />,
    entries: [
      { path: '/identifiers', label: 'menu.identifiers.list', icon: <TagsOutlined />, permission: MANAGE },
      { path: '/identifiers/upload', label: 'menu.identifiers.upload', icon: <CloudUploadOutlined />, permission: MANAGE },
      { path: '/identifiers/templates', label: 'menu.identifiers.templates', icon: <ProfileOutlined />, permission: MANAGE },
      { path: '/identifiers/prefixes', label: 'menu.identifiers.prefixes', icon: <AppstoreOutlined />, permission: MANAGE },
      { path: '/identifiers/events', label: 'menu.identifiers.events', icon: <NodeIndexOutlined />, permission: 'traceability.event.read' },
      {
        path: '/identifiers/warehouse',
        label: 'menu.identifiers.warehouse',
        icon: <InboxOutlined />,
        permission: 'traceability.warehouse.read',
      },
      { path: '/identifiers/review', label: 'menu.identifiers.review', icon: <AuditOutlined />, permission: 'identifiers.node.operate' },
      { path: '/identifiers/stats', label: 'menu.identifiers.stats', icon: <BarChartOutlined />, permission: 'identifiers.node.read' },
    ],
  },
];
