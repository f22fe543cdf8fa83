import { describe, expect, it } from 'vitest';
import { can, ownsEnterprise } from './policy.ts';
import type { Actor } from './roles.ts';

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  userId: 1,
  username: 'u',
  role,
  districtCode: null,
  enterpriseId: null,
  ...extra,
});

describe('permissions', () => {
  it('keeps the three separated administrators apart', () => {
    expect(can(actor('system_admin'), 'users.create')).toBe(true);
    expect(can(actor('system_admin'), 'users.assignRole')).toBe(false);
    expect(can(actor('system_admin'), 'audit.read')).toBe(false);
    expect(can(actor('security_admin'), 'users.create')).toBe(false);
    expect(can(actor('security_admin'), 'audit.read')).toBe(false);
    expect(can(actor('audit_admin'), 'users.read')).toBe(false);
    expect(can(actor('audit_admin'), 'registry.read')).toBe(false);
  });
  it('gives the public nothing that needs a login', () => {
    expect(can(null, 'registry.read')).toBe(false);
  });
});

describe('enterprise ownership', () => {
  const enterprise = { id: 7, districtCode: '371002' };
  it('lets the bureau see every enterprise', () => expect(ownsEnterprise(actor('bureau_admin'), enterprise)).toBe(true));
  it('scopes a district officer to the district', () => {
    expect(ownsEnterprise(actor('district_officer', { districtCode: '371002' }), enterprise)).toBe(true);
    expect(ownsEnterprise(actor('district_officer', { districtCode: '371003' }), enterprise)).toBe(false);
  });
  it('scopes an enterprise user to its enterprise', () => {
    expect(ownsEnterprise(actor('enterprise_user', { enterpriseId: 7 }), enterprise)).toBe(true);
    expect(ownsEnterprise(actor('enterprise_user', { enterpriseId: 8 }), enterprise)).toBe(false);
  });
  it('never lets a service provider or expert own one', () => {
    expect(ownsEnterprise(actor('service_provider'), enterprise)).toBe(false);
    expect(ownsEnterprise(actor('expert'), enterprise)).toBe(false);
  });
});
