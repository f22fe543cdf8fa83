import { fieldOf, type RegisterDefinition } from '@zhizao/domain';
import { sql, type Kysely } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { StoredRow } from './entries.ts';

// Queries over any register's table. The tables are declared by their migrations and their definitions,
// not in db/schema.ts, so the queries here are untyped; entries.ts turns rows into typed entries.

export type RegisterFilter = Record<string, string | number | boolean | undefined> & {
  q?: string;
  enterpriseId?: number;
  districtCode?: string;
  sort?: string;
  direction?: 'asc' | 'desc';
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tables come from the definitions, not db/schema.ts
type UntypedDb = Kysely<any>;
export const anyDb = (db: Executor) => db as unknown as UntypedDb;
export type RowWithName = StoredRow & { enterpriseName: string | null };

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function selectRows(
  db: Executor,
  definition: RegisterDefinition,
  scope: { districtCode?: string; enterpriseId?: number },
  filter: RegisterFilter,
) {
  let query = anyDb(db)
    .selectFrom(`${definition.table} as r`)
    .leftJoin('enterprise as e', 'e.id', 'r.enterpriseId')
    .where('r.archived', '=', 0);
  if (scope.districtCode !== undefined) query = query.where('r.districtCode', '=', scope.districtCode);
  if (scope.enterpriseId !== undefined) query = query.where('r.enterpriseId', '=', scope.enterpriseId);
  if (filter.enterpriseId !== undefined) query = query.where('r.enterpriseId', '=', filter.enterpriseId);
  if (filter.districtCode !== undefined) query = query.where('r.districtCode', '=', filter.districtCode);
  for (const field of definition.fields) {
    if (!field.filter || field.type === 'enterprise' || field.type === 'district') continue;
    const column = `r.${field.key}`;
    if (field.type === 'date' || field.type === 'year') {
      const from = filter[`${field.key}From`];
      const to = filter[`${field.key}To`];
      if (from !== undefined) query = query.where(column, '>=', from);
      if (to !== undefined) query = query.where(column, '<=', to);
    }
    const value = filter[field.key];
    if (value === undefined) continue;
    if (field.type === 'text') query = query.where(sql<boolean>`${sql.ref(column)} like ${likePattern(String(value))} escape '\\'`);
    else query = query.where(column, '=', field.type === 'boolean' ? (value ? 1 : 0) : value);
  }
  if (filter.q) {
    const like = likePattern(filter.q);
    const texts = definition.fields.filter((f) => f.type === 'text').map((f) => sql.ref(`r.${f.key}`));
    query = query.where(({ or }) => or([...texts, sql.ref('e.name')].map((ref) => sql<boolean>`${ref} like ${like} escape '\\'`) as never));
  }
  return query;
}

export async function listRows(
  db: Executor,
  definition: RegisterDefinition,
  scope: { districtCode?: string; enterpriseId?: number },
  filter: RegisterFilter,
  page: { page: number; pageSize: number } | null,
): Promise<{ rows: RowWithName[]; total: number }> {
  const base = selectRows(db, definition, scope, filter);
  const sortField = filter.sort && fieldOf(definition, filter.sort) ? filter.sort : definition.defaultSort.field;
  const direction = filter.sort ? (filter.direction ?? 'asc') : definition.defaultSort.direction;
  const sortColumn = fieldOf(definition, sortField)?.type === 'enterprise' ? 'e.name' : `r.${sortField}`;
  let query = base.selectAll('r').select('e.name as enterpriseName').orderBy(sortColumn, direction).orderBy('r.id', direction);
  if (page) query = query.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const [rows, count] = await Promise.all([
    query.execute() as Promise<RowWithName[]>,
    page ? (base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst() as Promise<{ n: number }>) : null,
  ]);
  return { rows, total: count ? Number(count.n) : rows.length };
}

export async function findRow(db: Executor, definition: RegisterDefinition, id: number): Promise<RowWithName | undefined> {
  return (await anyDb(db)
    .selectFrom(`${definition.table} as r`)
    .leftJoin('enterprise as e', 'e.id', 'r.enterpriseId')
    .selectAll('r')
    .select('e.name as enterpriseName')
    .where('r.id', '=', id)
    .where('r.archived', '=', 0)
    .executeTakeFirst()) as RowWithName | undefined;
}
