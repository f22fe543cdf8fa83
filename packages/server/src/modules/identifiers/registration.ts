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
// transaction or none — or, for SNMS batches (`partial`), those that pass, reporting the others. A retry of the same data is a success (shared/domain/identifiers.md §6: "treat already
// exists on retry as success").

export interface RegistrationItem {
  handle: string;
  values: readonly HandleValueInput[];
  /** The template version to validate against; else the index 1001 value if sent; else none. */
  templateVersion?: string | null;
}

/**
 * create: new handles, the same data again is fine · createStrict: any existing handle is refused (Handle.Net
 * overwrite=false) · replace: create or overwrite · update: overwrite existing handles only (SNMS PUT).
 */
export type RegistrationMode = 'create' | 'createStrict' | 'replace' | 'update';

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
  /** With `partial`: the items not written, each with its reason (the others were). */
  refused: ItemProblem[];
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
  options: {
    /** More writes to commit with the registration (an upload job's checkpoint), run last in its transaction. */
    alongside?: (tx: Tx, result: RegistrationResult) => Promise<void>;
    /** Write the items that pass and report the others (SNMS batches) instead of refusing them all. */
    partial?: boolean;
  } = {},
): Promise<RegistrationResult> {
  const prepared = await prepare(ctx, who, items);
  if (prepared.problems.length > 0 && !options.partial) throw new RegistrationRefused(prepared.problems);
  const node = identifierNode(ctx);
  const keys = prepared.rows.map((r) => r.row.handleKey);
  node.forget(keys);
  const result = await ctx.db.transaction().execute(async (tx) => {
    const refused: ItemProblem[] = [...prepared.problems];
    const refuse = (item: number, row: IdentifierRow, code: ResponseCode, key: MessageKey) =>
      refused.push({ item, handle: row.handle, code, key, params: {} });
    let rows = prepared.rows;
    let existingKeys: string[];
    if (mode === 'update') {
      const stored = new Set((await identifierRows(tx, keys)).map((r) => r.handleKey));
      for (const r of rows) if (!stored.has(r.row.handleKey)) refuse(r.item, r.row, RC.handleNotFound, 'identifiers.handleNotFound');
      rows = rows.filter((r) => stored.has(r.row.handleKey));
      existingKeys = rows.map((r) => r.row.handleKey);
    } else
      existingKeys = await insertNewIdentifiers(
        tx,
        rows.map((r) => r.row),
      );
    const created = mode === 'update' ? 0 : rows.length - existingKeys.length;
    let replaced = 0;
    let unchanged = 0;
    const written: IdentifierRow[] = rows.map((r) => r.row);
    if (existingKeys.length > 0) {
      const existing = new Map((await identifierRows(tx, existingKeys)).map((r) => [r.handleKey, r]));
      const toUpdate: IdentifierRow[] = [];
      const skipped = new Set<string>();
      for (const { row, item } of rows) {
        const before = existing.get(row.handleKey);
        if (!before) continue;
        const same =
          before.templateVersion === row.templateVersion &&
          sameValues(JSON.parse(before.valuesJson) as HandleValue[], JSON.parse(row.valuesJson) as HandleValue[]);
        if (mode === 'createStrict' || (mode === 'create' && !same)) {
          refuse(item, row, RC.handleAlreadyExists, 'identifiers.problem.exists');
          skipped.add(row.handleKey);
        } else if (same) unchanged++;
        else toUpdate.push(row);
      }
      if (skipped.size > 0 && !options.partial) throw new RegistrationRefused(refused);
      replaced = toUpdate.length;
      for (const row of toUpdate) await updateIdentifier(tx, row);
      written.splice(0, written.length, ...written.filter((r) => !skipped.has(r.handleKey)));
    }
    if (mode === 'update' && refused.length > 0 && !options.partial) throw new RegistrationRefused(refused);
    refused.sort((a, b) => a.item - b.item);
    await ctx.audit.append(tx, who.audit, {
      action: 'identifiers.register',
      entityType: 'identifier',
      entityId: written.length === 1 ? written[0]!.handle : (splitHandle(written[0]?.handleKey ?? keys[0] ?? '')?.prefix ?? null),
      after: {
        mode,
        count: written.length,
        created,
        replaced,
        unchanged,
        refused: refused.length,
        handles: written.slice(0, 20).map((r) => r.handle),
      },
    });
    const result = { created, replaced, unchanged, handles: written.map((r) => r.handle), refused };
    await options.alongside?.(tx, result);
    return result;
  });
  node.forget(keys);
  node.stats.registered(who.enterpriseId, result.created);
  return result;
}

/** Deletes whole identifiers of the caller's prefixes; returns how many existed. */
export async function deleteIdentifiersOf(ctx: AppContext, who: Registrant, handles: readonly string[]): Promise<number> {
  const { deleted, refused } = await deleteEach(ctx, who, handles, false);
  if (refused.length > 0) throw new RegistrationRefused(refused);
  return deleted.length;
}

/**
 * Deletes what it may and reports each handle's outcome: refused (malformed, another's prefix) or not found
 * are left out of `deleted`. With `partial` false, any refusal deletes nothing.
 */
export async function deleteEach(
  ctx: AppContext,
  who: Registrant,
  handles: readonly string[],
  partial: boolean,
): Promise<{ deleted: string[]; refused: ItemProblem[] }> {
  const refused: ItemProblem[] = [];
  const keys: string[] = [];
  handles.forEach((handle, item) => {
    const problem = checkHandle(ctx, who, handle);
    if (problem) refused.push({ item, handle, ...problem });
    else keys.push(handleKey(handle));
  });
  if (refused.length > 0 && !partial) return { deleted: [], refused };
  const node = identifierNode(ctx);
  node.forget(keys);
  const deleted = await ctx.db.transaction().execute(async (tx) => {
    const stored = new Set((await identifierRows(tx, keys)).map((r) => r.handleKey));
    const gone = [...new Set(keys.filter((k) => stored.has(k)))];
    await deleteIdentifiers(tx, gone);
    await ctx.audit.append(tx, who.audit, {
      action: 'identifiers.delete',
      entityType: 'identifier',
      entityId: handles.length === 1 ? handles[0]! : null,
      before: { handles: handles.slice(0, 50) },
      after: { deleted: gone.length },
    });
    return gone;
  });
  node.forget(keys);
  return { deleted, refused };
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
): Promise<{ rows: { row: IdentifierRow; item: number }[]; problems: ItemProblem[] }> {
  const node = identifierNode(ctx);
  const now = new Date();
  const timestamp = handleTimestamp(now);
  const at = now.toISOString();
  const seen = new Set<string>();
  const checkers = new Map<string, Awaited<ReturnType<typeof node.checker>>>();
  const rows: { row: IdentifierRow; item: number }[] = [];
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
      item,
      row: { handleKey: key, handle, templateVersion: version ?? null, valuesJson: JSON.stringify(values), createdAt: at, updatedAt: at },
    });
  }
  return { rows, problems };
}
