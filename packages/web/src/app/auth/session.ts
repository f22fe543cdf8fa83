import type { Actor, Permission, Role } from '@zhizao/domain';
import { api, ApiError } from '../api/client.ts';

/** An account as the API shows it (packages/server/src/modules/accounts/users.repo.ts, presentUser). */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role | null;
  districtCode: string | null;
  enterpriseId: number | null;
  enabled: boolean;
  locked: boolean;
  lastLoginAt: string | null;
  passwordChangedAt: string;
  createdAt: string;
}

export interface Session {
  user: UserView;
  csrfToken: string;
  permissions: Permission[];
  idleTimeoutMinutes: number;
  /** The password is older than the policy allows: the server refuses everything but changing it. */
  passwordExpired: boolean;
}

export const SESSION_KEY = ['session'] as const;

/** The current session, or null when nobody is logged in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    return await api<Session>('/api/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const postLogin = (username: string, password: string) =>
  api<Session>('/api/auth/login', { method: 'POST', body: { username, password } });
export const postLogout = () => api<{ ok: boolean }>('/api/auth/logout', { method: 'POST' });

/** The domain's view of who is acting, for `can` and `ownsEnterprise`. */
export function actorOf(user: UserView): Actor | null {
  if (!user.role) return null;
  return { userId: user.id, username: user.username, role: user.role, districtCode: user.districtCode, enterpriseId: user.enterpriseId };
}
