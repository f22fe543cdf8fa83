import type { Role, SecuritySettings } from '@zhizao/domain';
import { api, queryString } from '../../app/api/client.ts';
import type { UserView } from '../../app/auth/session.ts';
import type { Page } from '../registry/api.ts';

export interface UserListQuery {
  page: number;
  pageSize: number;
  q?: string;
  role?: Role;
}

export interface SecuritySettingsView {
  settings: SecuritySettings;
  floor: SecuritySettings;
  ceiling: SecuritySettings;
  defaults: SecuritySettings;
}

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
}

/** An enterprise as the security admin may see it when scoping an enterprise user: no private data. */
export interface EnterpriseOption {
  id: number;
  name: string;
  creditCode: string;
  districtCode: string;
}

export interface RoleAssignment {
  role: Role;
  districtCode: string | null;
  enterpriseId: number | null;
}

/** A row of the account list: the enterprise scope comes with its name, so nobody reads an id. */
export type UserListItem = UserView & { enterpriseName: string | null };

export const fetchUsers = (query: UserListQuery) => api<Page<UserListItem>>(`/api/users${queryString({ ...query })}`);
export const createUser = (account: NewAccount) => api<UserView>('/api/users', { method: 'POST', body: account });
export const deleteUser = (id: number) => api<{ ok: boolean }>(`/api/users/${id}`, { method: 'DELETE' });
export const fetchEnterpriseOptions = (q: string, signal?: AbortSignal) =>
  api<{ items: EnterpriseOption[] }>(`/api/users/enterprise-options${queryString({ q, limit: 20 })}`, { signal });
export const assignRole = (id: number, assignment: RoleAssignment) =>
  api<UserView>(`/api/users/${id}/role`, { method: 'PUT', body: assignment });
export const resetPassword = (id: number, newPassword: string) =>
  api<UserView>(`/api/users/${id}/reset-password`, { method: 'POST', body: { newPassword } });
export const setEnabled = (id: number, enabled: boolean) => api<UserView>(`/api/users/${id}/enabled`, { method: 'PUT', body: { enabled } });
export const unlockUser = (id: number) => api<UserView>(`/api/users/${id}/unlock`, { method: 'POST', body: {} });

export const fetchSecuritySettings = () => api<SecuritySettingsView>('/api/settings/security');
export const saveSecuritySettings = (settings: SecuritySettings) =>
  api<SecuritySettings>('/api/settings/security', { method: 'PUT', body: settings });

export const changeOwnPassword = (currentPassword: string, newPassword: string) =>
  api<{ ok: boolean }>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
