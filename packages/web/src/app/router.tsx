import type { Permission } from '@zhizao/domain';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { LoginPage } from './auth/LoginPage.tsx';
import { RequireAuth, RequirePermission } from './auth/RequireAuth.tsx';
import { NotFoundPage, PageSkeleton } from './components/PageStates.tsx';
import { fundingPublicRoutes, fundingRoutes } from '../features/funding/routes.tsx';
import { identifiersPublicRoutes, identifiersRoutes } from '../features/identifiers/routes.tsx';
import { recognitionPublicRoutes, recognitionRoutes } from '../features/recognition/routes.tsx';
import { registersRoutes } from '../features/registers/routes.tsx';
import { AppLayout } from './layout/AppLayout.tsx';

/** A page loaded on first visit, so the login screen does not wait for every feature's code. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const HomePage = page(() => import('../features/home/pages/HomePage.tsx'), 'HomePage');
const EnterpriseListPage = page(() => import('../features/registry/pages/EnterpriseListPage.tsx'), 'EnterpriseListPage');
const EnterpriseDetailPage = page(() => import('../features/registry/pages/EnterpriseDetailPage.tsx'), 'EnterpriseDetailPage');
const EnterpriseFormPage = page(() => import('../features/registry/pages/EnterpriseFormPage.tsx'), 'EnterpriseFormPage');
const ImportWizardPage = page(() => import('../features/registry/pages/ImportWizardPage.tsx'), 'ImportWizardPage');
const TaxonomyPage = page(() => import('../features/taxonomy/pages/TaxonomyPage.tsx'), 'TaxonomyPage');
const UsersPage = page(() => import('../features/accounts/pages/UsersPage.tsx'), 'UsersPage');
const SecuritySettingsPage = page(() => import('../features/accounts/pages/SecuritySettingsPage.tsx'), 'SecuritySettingsPage');
const ChangePasswordPage = page(() => import('../features/accounts/pages/ChangePasswordPage.tsx'), 'ChangePasswordPage');
const AssessmentListPage = page(() => import('../features/maturity/pages/AssessmentListPage.tsx'), 'AssessmentListPage');
const QuestionnairePage = page(() => import('../features/maturity/pages/QuestionnairePage.tsx'), 'QuestionnairePage');
const ReportPage = page(() => import('../features/maturity/pages/ReportPage.tsx'), 'ReportPage');
const ExpertReviewListPage = page(() => import('../features/maturity/pages/ExpertReviewListPage.tsx'), 'ExpertReviewListPage');
const BureauMaturityPage = page(() => import('../features/maturity/pages/BureauMaturityPage.tsx'), 'BureauMaturityPage');
const ModelAdminPage = page(() => import('../features/maturity/pages/ModelAdminPage.tsx'), 'ModelAdminPage');
const ModelDetailPage = page(() => import('../features/maturity/pages/ModelDetailPage.tsx'), 'ModelDetailPage');
const ExpertReviewPage = page(() => import('../features/maturity/pages/ExpertReviewPage.tsx'), 'ExpertReviewPage');
const AuditLogPage = page(() => import('../features/audit/pages/AuditLogPage.tsx'), 'AuditLogPage');

function guarded(permission: Permission | null, element: ReactNode) {
  const body = <Suspense fallback={<PageSkeleton />}>{element}</Suspense>;
  return permission ? <RequirePermission permission={permission}>{body}</RequirePermission> : body;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {recognitionPublicRoutes}
      {fundingPublicRoutes}
      {identifiersPublicRoutes}
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={guarded(null, <HomePage />)} />
          <Route path="enterprises" element={guarded('registry.read', <EnterpriseListPage />)} />
          <Route path="enterprises/new" element={guarded('registry.create', <EnterpriseFormPage />)} />
          <Route path="enterprises/import" element={guarded('registry.import', <ImportWizardPage />)} />
          <Route path="enterprises/:id" element={guarded('registry.read', <EnterpriseDetailPage />)} />
          <Route path="enterprises/:id/edit" element={guarded('registry.update', <EnterpriseFormPage />)} />
          <Route path="maturity" element={guarded('maturity.assessment.read', <AssessmentListPage />)} />
          <Route path="maturity/city" element={guarded('maturity.bureau.read', <BureauMaturityPage />)} />
          <Route path="maturity/models" element={guarded('maturity.model.write', <ModelAdminPage />)} />
          <Route path="maturity/models/:id" element={guarded('maturity.model.write', <ModelDetailPage />)} />
          <Route path="maturity/:id" element={guarded('maturity.assessment.read', <QuestionnairePage />)} />
          <Route path="maturity/:id/report" element={guarded('maturity.assessment.read', <ReportPage />)} />
          <Route path="maturity/expert-reviews" element={guarded('maturity.expert.read', <ExpertReviewListPage />)} />
          <Route path="maturity/:id/expert-review" element={guarded('maturity.expert.read', <ExpertReviewPage />)} />
          {recognitionRoutes}
          {fundingRoutes}
          {identifiersRoutes}
          {registersRoutes}
          <Route path="taxonomy" element={guarded('taxonomy.write', <TaxonomyPage />)} />
          <Route path="accounts/users" element={guarded('users.read', <UsersPage />)} />
          <Route path="accounts/security" element={guarded('settings.security', <SecuritySettingsPage />)} />
          <Route path="account/password" element={guarded(null, <ChangePasswordPage />)} />
          <Route path="audit" element={guarded('audit.read', <AuditLogPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
