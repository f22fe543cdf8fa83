import type { AppContext } from '../platform/context.ts';
import { createUser } from '../modules/accounts/users.service.ts';

/** Minimal seed until the demo data set lands: the demo bureau admin only. */
export async function seedDemoData(ctx: AppContext): Promise<{ users: number } | null> {
  const existing = await ctx.db.selectFrom('appUser').select('id').limit(1).execute();
  if (existing.length) return null;
  const system = { userId: null, username: 'demo-seed', role: null, ip: null };
  await createUser(ctx, system, { username: 'admin', displayName: '演示局管理员', password: 'Zhizao@demo1', role: 'bureau_admin' });
  return { users: 1 };
}
