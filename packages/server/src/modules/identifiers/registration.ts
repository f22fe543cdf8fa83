import {
  handleKey,
  handleTimestamp,
  isValidHandle,
  normaliseValues,
  prefixResolves,
  prefixWritable,
  RC,
  sameValues,
  splitHandle,
  TEMPLATE_INDEX,
  TEMPLATE_TYPE,
  templatePointer,
  templateVersionOf,
  type HandleValue,
  type HandleValueInput,
  type MessageKey,
  type ResponseCode,
} from '@zhizao/domain';
import type { Tx } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { identifierNode } from './node.ts';
import { deleteIdentifiers, identifierRows, insertNewIdentifiers, updateIdentifier, type IdentifierRow } from './repo.ts';

// Registration, the one write path behind the Handle.Net PUT, the SNMS calls, the web forms and file uploads:
// checks every item first (handle, prefix ownership, values, template version), then writes all of them in one
// transaction or none. A retry of the same data is a success (shared/domain/identifiers.md §6: "treat already
// exists on retry as success").

export interface RegistrationItem {
  handle: string;
  values: readonly HandleValueInput[];
  /** The template version to validate against; else the index 1001 value if sent; else none. */
  templateVersion?: string | null;
}

/** create: new handles, the same data again is fine · createStrict: any existing handle is refused (Handle.Net overwrite=false) · replace: create or overwrite. */
export type RegistrationMode = 'create' | 'createStrict' | 'replace';

export interface ItemProblem {
  item: number;
  handle: string;
  code: ResponseCode;
  key: MessageKey;
  params: Record<string, string | number>;
}

export class RegistrationRefused extends Error {
  constructor(readonly problems: ItemProblem[]) {
    super('registration refused');
  }
}

export interface RegistrationResult {
  created: number;
  replaced: number;
  unchanged: number;
  handles: string[];
}

export interface Registrant {
  enterpriseId: number;
  audit: AuditActor;
}

export async function registerIdentifiers(
  ctx: AppContext,
  who: Registrant,
  items: readonly RegistrationItem[],
  mode: RegistrationMode,
  /** More writes to commit with the registration (an upload job's checkpoint), run last in its transaction. */
  alongside?: (tx: Tx, result: RegistrationResult) => Promise<void>,
): Promise<RegistrationResult> {
  const { rows, problems } = await prepare(ctx, who, items);
  if (problems.length > 0) throw new RegistrationRefused(problems);
  const node = identifierNode(ctx);
  const keys = rows.map((r) => r.handleKey);
  node.forget(keys);
  const result = await ctx.db.transaction().execute(async (tx) => {
    let created = rows.length;
    let replaced = 0;
    let unchanged = 0;
    const existingKeys = await insertNewIdentifiers(tx, rows);
    if (existingKeys.length > 0) {
      created -= existingKeys.length;
      const existing = new Map((await identifierRows(tx, existingKeys)).map((r) => [r.handleKey, r]));
      const refused: ItemProblem[] = [];
      const toUpdate: IdentifierRow[] = [];
      rows.forEach((row, item) => {
        const before = existing.get(row.handleKey);
        if (!before) return;
        const same =
          before.templateVersion === row.templateVersion &&
          sameValues(JSON.parse(before.valuesJson) as HandleValue[], JSON.parse(row.valuesJson) as HandleValue[]);
        if (mode === 'createStrict' || (mode === 'create' && !same)) {
          refused.push({ item, handle: row.handle, code: RC.handleAlreadyExists, key: 'identifiers.problem.exists', params: {} });
        } else if (same) unchanged++;
        else toUpdate.push(row);
      });
      if (refused.length > 0) throw new RegistrationRefused(refused);
      replaced = toUpdate.length;
      for (const row of toUpdate) await updateIdentifier(tx, row);
    }
    await ctx.audit.append(tx, who.audit, {
      action: 'identifiers.register',
      entityType: 'identifier',
      entityId: rows.length === 1 ? rows[0]!.handle : (splitHandle(rows[0]?.handleKey ?? '')?.prefix ?? null),
      after: { mode, count: rows.length, created, replaced, unchanged, handles: rows.slice(0, 20).map((r) => r.handle) },
    });
    const result = { created, replaced, unchanged, handles: rows.map((r) => r.handle) };
    await alongside?.(tx, result);
    return result;
  });
  node.forget(keys);
  node.stats.registered(who.enterpriseId, result.created);
  return result;
}

/** Deletes whole identifiers of the caller's prefixes; returns how many existed. */
export async function deleteIdentifiersOf(ctx: AppContext, who: Registrant, handles: readonly string[]): Promise<number> {
  const problems: ItemProblem[] = [];
  const keys = handles.map((handle, item) => {
    const problem = checkHandle(ctx, who, handle);
    if (problem) problems.push({ item, handle, ...problem });
    return handleKey(handle);
  });
  if (problems.length > 0) throw new RegistrationRefused(problems);
  const node = identifierNode(ctx);
  node.forget(keys);
  const n = await ctx.db.transaction().execute(async (tx) => {
    const deleted = await deleteIdentifiers(tx, keys);
    await ctx.audit.append(tx, who.audit, {
      action: 'identifiers.delete',
      entityType: 'identifier',
      entityId: handles.length === 1 ? handles[0]! : null,
      before: { handles: handles.slice(0, 50) },
      after: { deleted },
    });
    return deleted;
  });
  node.forget(keys);
  return n;
}

type Problem = Pick<ItemProblem, 'code' | 'key' | 'params'>;

/** Is the handle well formed, under a prefix homed here, owned by the caller and open for writes? */
export function checkHandle(ctx: AppContext, who: Pick<Registrant, 'enterpriseId'>, handle: string): Problem | null {
  if (typeof handle !== 'string' || !isValidHandle(handle))
    return { code: RC.invalidHandle, key: 'identifiers.problem.handleInvalid', params: {} };
  const owner = identifierNode(ctx).owner(splitHandle(handleKey(handle))!.prefix);
  if (!owner || !prefixResolves(owner.status)) return { code: RC.serverNotResponsible, key: 'identifiers.prefixNotHomed', params: {} };
  if (owner.enterpriseId !== who.enterpriseId) return { code: RC.insufficientPermissions, key: 'identifiers.prefixNotYours', params: {} };
  if (!prefixWritable(owner.status))
    return { code: RC.insufficientPermissions, key: 'identifiers.prefixNotActive', params: { status: owner.status } };
  return null;
}

async function prepare(
  ctx: AppContext,
  who: Registrant,
  items: readonly RegistrationItem[],
): Promise<{ rows: IdentifierRow[]; problems: ItemProblem[] }> {
  const node = identifierNode(ctx);
  const now = new Date();
  const timestamp = handleTimestamp(now);
  const at = now.toISOString();
  const seen = new Set<string>();
  const checkers = new Map<string, Awaited<ReturnType<typeof node.checker>>>();
  const rows: IdentifierRow[] = [];
  const problems: ItemProblem[] = [];
  for (let item = 0; item < items.length; item++) {
    const { handle, values: input, templateVersion } = items[item]!;
    const refuse = (p: Problem) => problems.push({ item, handle, ...p });
    const handleProblem = checkHandle(ctx, who, handle);
    if (handleProblem) {
      refuse(handleProblem);
      continue;
    }
    const key = handleKey(handle);
    if (seen.has(key)) {
      refuse({ code: RC.handleAlreadyExists, key: 'identifiers.problem.duplicateHandle', params: {} });
      continue;
    }
    seen.add(key);
    const normalised = normaliseValues(input, timestamp);
    if ('problem' in normalised) {
      refuse({
        code: RC.invalidValue,
        key: `identifiers.problem.${normalised.problem.problem}`,
        params: { index: normalised.problem.index },
      });
      continue;
    }
    const values = normalised.values.filter((v) => v.index !== TEMPLATE_INDEX);
    const version = templateVersion ?? templateVersionOf(normalised.values);
    if (version) {
      const prefix = splitHandle(key)!.prefix;
      const id = `${prefix}|${version}`;
      if (!checkers.has(id)) checkers.set(id, await node.checker(prefix, version));
      const checker = checkers.get(id);
      if (!checker) {
        refuse({ code: RC.invalidValue, key: 'identifiers.templateNotFound', params: { version } });
        continue;
      }
      const problem = checker.check(values);
      if (problem) {
        refuse({ code: RC.invalidValue, key: `identifiers.problem.${problem.problem}`, params: { index: problem.index } });
        continue;
      }
      // a template item's visibility comes from the template unless the client set permissions itself
      for (const v of input) {
        if (v.permissions !== undefined) continue;
        const own = values.find((w) => w.index === v.index);
        if (own) own.permissions = checker.permissionsFor(v.index) ?? own.permissions;
      }
      values.push(templatePointer(version, timestamp));
      values.sort((a, b) => a.index - b.index);
    } else if (normalised.values.some((v) => v.index === TEMPLATE_INDEX && v.type === TEMPLATE_TYPE)) {
      refuse({ code: RC.invalidValue, key: 'identifiers.problem.badData', params: { index: TEMPLATE_INDEX } });
      continue;
    }
    rows.push({
      handleKey: key,
      handle,
      templateVersion: version ?? null,
      valuesJson: JSON.stringify(values),
      createdAt: at,
      updatedAt: at,
    });
  }
  return { rows, problems };
}
