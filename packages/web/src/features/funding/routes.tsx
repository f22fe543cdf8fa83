import {
  AccountBookOutlined,
  AuditOutlined,
  BarChartOutlined,
  FileProtectOutlined,
  ProjectOutlined,
  RocketOutlined,
} from '@ant-design/icons';
import type { Permission } from '@zhizao/domain';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '../../app/auth/RequireAuth.tsx';
import { PageSkeleton } from '../../app/components/PageStates.tsx';
import type { MenuEntry, MenuGroup } from '../../app/layout/menu.tsx';

// Projects and subsidy funds (issue 5): the module's pages inside the signed-in layout, its public pages (no login), and its menu.

/** A page loaded on first visit (as app/router.tsx does), behind its permission. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K, permission: Permission): ReactNode {
  const Page = lazy<ComponentType>(async () => ({ default: (await load())[name] }));
  return (
    <RequirePermission permission={permission}>
      <Suspense fallback={<PageSkeleton />}>
        <Page />
      </Suspense>
    </RequirePermission>
  );
}

export const fundingRoutes = (
  <>
    <Route path="funding/projects" element={page(() => import('./pages/ProjectListPage.tsx'), 'ProjectListPage', 'funding.project.read')} />
    <Route
      path="funding/projects/new"
      element={page(() => import('./pages/ProjectFormPage.tsx'), 'ProjectFormPage', 'funding.project.write')}
    />
    <Route
      path="funding/projects/import"
      element={page(() => import('./pages/ProjectImportPage.tsx'), 'ProjectImportPage', 'funding.project.import')}
    />
    <Route
      path="funding/projects/:id"
      element={page(() => import('./pages/ProjectDetailPage.tsx'), 'ProjectDetailPage', 'funding.project.read')}
    />
    <Route
      path="funding/projects/:id/edit"
      element={page(() => import('./pages/ProjectFormPage.tsx'), 'ProjectFormPage', 'funding.project.write')}
    />
    <Route path="funding/projects/:id/apply" element={page(() => import('./pages/ApplyPage.tsx'), 'ApplyPage', 'funding.award.apply')} />
    <Route path="funding/awards" element={page(() => import('./pages/AwardListPage.tsx'), 'AwardListPage', 'funding.award.read')} />
    <Route path="funding/awards/:id" element={page(() => import('./pages/AwardDetailPage.tsx'), 'AwardDetailPage', 'funding.award.read')} />
    <Route path="funding/funds" element={page(() => import('./pages/FundsPage.tsx'), 'FundsPage', 'funding.fund.read')} />
    <Route path="funding/policies" element={page(() => import('./pages/PoliciesPage.tsx'), 'PoliciesPage', 'funding.policy.read')} />
    <Route path="funding/reports" element={page(() => import('./pages/ReportsPage.tsx'), 'ReportsPage', 'funding.report.read')} />
  </>
);
export const fundingPublicRoutes = <></>;
export const fundingMenu: (MenuEntry | MenuGroup)[] = [
  {
    key: 'funding',
    label: 'menu.funding',
    icon: <RocketOutlined />,
    entries: [
      { path: '/funding/projects', label: 'menu.fundingProjects', icon: <ProjectOutlined />, permission: 'funding.project.read' },
      { path: '/funding/awards', label: 'menu.fundingAwards', icon: <AuditOutlined />, permission: 'funding.award.read' },
      { path: '/funding/funds', label: 'menu.fundingFunds', icon: <AccountBookOutlined />, permission: 'funding.fund.read' },
      { path: '/funding/policies', label: 'menu.fundingPolicies', icon: <FileProtectOutlined />, permission: 'funding.policy.read' },
      { path: '/funding/reports', label: 'menu.fundingReports', icon: <BarChartOutlined />, permission: 'funding.report.read' },
    ],
  },
];
