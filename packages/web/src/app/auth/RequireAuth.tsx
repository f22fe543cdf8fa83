import type { Permission } from '@zhizao/domain';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ForbiddenPage, FullPageSpin, LoadError } from '../components/PageStates.tsx';
import { useAuth } from './AuthProvider.tsx';

export const CHANGE_PASSWORD_PATH = '/account/password';

/**
 * Lets logged-in accounts through; sends everyone else to the login page, remembering where they were
 * going. An account whose password has expired may only reach the change-password page.
 */
export function RequireAuth() {
  const { session, loading, loadError, retry } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (loadError && !session) return <LoadError error={loadError} onRetry={retry} />;
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (session.passwordExpired && location.pathname !== CHANGE_PASSWORD_PATH) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return <Outlet />;
}

/** A page only some roles may open: others get the 403 page, whatever the URL they typed. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  return can(permission) ? children : <ForbiddenPage />;
}
