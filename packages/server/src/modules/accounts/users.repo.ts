import type { Executor } from '../../db/database.ts';
import type { AppUserRow } from '../../db/schema.ts';

export const findUserByUsername = (db: Executor, username: string) =>
  db.selectFrom('appUser').selectAll().where('username', '=', username).executeTakeFirst();

export const findUserById = (db: Executor, id: number) => db.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst();

/** What the API shows of an account: never the hash. */
export function presentUser(u: AppUserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    districtCode: u.districtCode,
    enterpriseId: u.enterpriseId,
    enabled: u.enabled === 1,
    locked: u.lockedUntil !== null && Date.parse(u.lockedUntil) > Date.now(),
    lastLoginAt: u.lastLoginAt,
    passwordChangedAt: u.passwordChangedAt,
    createdAt: u.createdAt,
  };
}
export type UserView = ReturnType<typeof presentUser>;

export const userViewSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: ['string', 'null'] },
    districtCode: { type: ['string', 'null'] },
    enterpriseId: { type: ['integer', 'null'] },
    enabled: { type: 'boolean' },
    locked: { type: 'boolean' },
    lastLoginAt: { type: ['string', 'null'] },
    passwordChangedAt: { type: 'string' },
    createdAt: { type: 'string' },
  },
} as const;
