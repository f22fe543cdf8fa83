import {
  checkEntry,
  enterpriseFieldOf,
  fieldOf,
  registerByKey,
  type Actor,
  type EntryProblem,
  type EntryWarning,
  type EntryValues,
  type RegisterDefinition,
} from '@zhizao/domain';
import type { Executor } from '../../../db/database.ts';
import { AppError, type FieldProblemDetail } from '../../../platform/errors.ts';
import { labelsOf, ownColumns, valuesOfRow, type StoredRow } from './entries.ts';
import { anyDb } from './repo.ts';

// Every check a row must pass before it is written, for many rows at once: an operator's 7,000-station
// sheet or the demo city is vetted with a few set-wise queries (enterprises, districts, referenced rows,
// duplicates among stored rows and among the rows themselves) instead of several queries a row. One
// typed row is the batch of one (service.ts: vetEntry). The checks, in order, per row: the domain's field
// and cross-field rules; the enterprise and district in the keeper's scope; chains and referenced rows
// that exist and the register's own checks; no duplicate; warnings confirmed.

export interface Owner {
  enterpriseId: number | null;
  districtCode: string | null;
}

export interface VetOptions {
  confirmWarnings?: boolean;
  today: string;
}

export interface Candidate {
  values: EntryValues;
  /** The row being changed (its own values are no duplicate), or null for a new one. */
  existingId: number | null;
}

/** Checks that need the database beyond the shared ones (a register's hooks.check). */
export type ExtraCheck = (db: Executor, values: EntryValues, existingId: number | null) => Promise<EntryProblem[]>;

const CHUNK = 300;
const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
};

export const invalid = (definition: RegisterDefinition, problems: readonly EntryProblem[]) =>
  new AppError(400, problems[0]!.key, problems[0]!.params ?? {}, problems[0]!.field, problems.map(detail), labelsOf(definition));

const detail = (p: EntryProblem | EntryWarning): FieldProblemDetail => ({
  field: p.field,
  key: p.key,
  params: p.params,
  ...('rule' in p ? { rule: p.description } : {}),
});

export function unconfirmed(definition: RegisterDefinition, warnings: readonly EntryWarning[]) {
  return new AppError(
    400,
    'registers.confirmWarnings',
    { count: warnings.length },
    warnings[0]!.field,
    warnings.map(detail),
    labelsOf(definition),
  );
}

/** The owner of each row, or the error its write would be refused with (400 / 409), in the rows' order. */
export async function vetEntries(
  db: Executor,
  definition: RegisterDefinition,
  actor: Actor,
  candidates: readonly Candidate[],
  extraCheck: ExtraCheck | undefined,
  options: VetOptions,
): Promise<(Owner | AppError)[]> {
  const checks = candidates.map((c) => checkEntry(definition, c.values, options.today));
  const clean = candidates.filter((_, i) => checks[i]!.problems.length === 0);
  const known = await knownIds(db, definition, clean);
  const twins = await storedTwins(db, definition, clean);
  const firstOfKey = new Map<string, EntryValues>();
  const verdicts: (Owner | AppError)[] = [];
  for (const [i, candidate] of candidates.entries()) {
    const { problems, warnings } = checks[i]!;
    if (problems.length) {
      verdicts.push(invalid(definition, problems));
      continue;
    }
    const owner = ownerOf(definition, actor, candidate.values, known);
    if ('key' in owner) {
      verdicts.push(invalid(definition, [owner]));
      continue;
    }
    const more = [
      ...referenceProblems(definition, candidate.values, known),
      ...((await extraCheck?.(db, candidate.values, candidate.existingId)) ?? []),
    ];
    if (more.length) {
      verdicts.push(invalid(definition, more));
      continue;
    }
    const duplicate = duplicateOf(definition, candidate, twins, firstOfKey);
    if (duplicate) {
      verdicts.push(new AppError(409, duplicate.key, duplicate.params, duplicate.field, undefined, labelsOf(definition)));
      continue;
    }
    if (warnings.length && !options.confirmWarnings) {
      verdicts.push(unconfirmed(definition, warnings));
      continue;
    }
    verdicts.push(owner);
  }
  return verdicts;
}

interface KnownIds {
  enterprises: Map<number, string | null>;
  districts: Set<string>;
  chains: Set<string>;
  /** Live row ids of referenced registers, by register key. */
  references: Map<string, Set<number>>;
  /** For a register whose rows belong to the row they point at (definition.ownerFrom): that row's owner, by id. */
  owners: Map<number, Owner>;
}

/** The enterprises, districts, chains and referenced rows the rows name, in a few queries. */
async function knownIds(db: Executor, definition: RegisterDefinition, candidates: readonly Candidate[]): Promise<KnownIds> {
  const valuesOf = (key: string) => [...new Set(candidates.map((c) => c.values[key]).filter((v) => v !== null && v !== undefined))];
  const enterpriseField = enterpriseFieldOf(definition);
  const enterprises = new Map<number, string | null>();
  if (enterpriseField)
    for (const ids of chunks(valuesOf(enterpriseField.key) as number[]))
      for (const e of await db
        .selectFrom('enterprise')
        .select(['id', 'districtCode'])
        .where('id', 'in', ids)
        .where('archived', '=', 0)
        .execute())
        enterprises.set(e.id, e.districtCode);
  const needsDistricts = definition.fields.some((f) => f.type === 'district');
  const needsChains = definition.fields.some((f) => f.type === 'chain');
  const [districts, chains] = await Promise.all([
    needsDistricts ? db.selectFrom('district').select('code').execute() : [],
    needsChains ? db.selectFrom('industryChain').select('code').execute() : [],
  ]);
  const references = new Map<string, Set<number>>();
  const owners = new Map<number, Owner>();
  for (const field of definition.fields) {
    if (field.type !== 'reference') continue;
    const target = registerByKey(field.register);
    const found = references.get(field.register) ?? new Set<number>();
    references.set(field.register, found);
    if (!target) continue;
    for (const ids of chunks(valuesOf(field.key) as number[]))
      for (const row of (await anyDb(db)
        .selectFrom(target.table)
        .select(['id', 'enterpriseId', 'districtCode'])
        .where('id', 'in', ids)
        .where('archived', '=', 0)
        .execute()) as (Owner & { id: number })[]) {
        found.add(Number(row.id));
        if (field.key === definition.ownerFrom)
          owners.set(Number(row.id), { enterpriseId: row.enterpriseId, districtCode: row.districtCode });
      }
  }
  return { enterprises, districts: new Set(districts.map((d) => d.code)), chains: new Set(chains.map((c) => c.code)), references, owners };
}

/** The row's enterprise and district, checked against the keeper's scope and the registry. */
function ownerOf(definition: RegisterDefinition, actor: Actor, values: EntryValues, known: KnownIds): Owner | EntryProblem {
  if (definition.ownerFrom) {
    // the row belongs to the row it points at, which must lie in a district officer's district
    const owner = known.owners.get(Number(values[definition.ownerFrom]));
    const outOfScope = actor.role === 'district_officer' && owner?.districtCode !== actor.districtCode;
    return !owner || outOfScope ? { field: definition.ownerFrom, key: 'registers.referenceNotFound' } : owner;
  }
  const enterpriseField = enterpriseFieldOf(definition);
  const enterpriseId = enterpriseField ? ((values[enterpriseField.key] as number | null) ?? null) : null;
  let districtCode = (values.districtCode as string | null | undefined) ?? null;
  if (enterpriseId !== null) {
    const enterpriseDistrict = known.enterprises.get(enterpriseId);
    const outOfScope =
      definition.ownership === 'enterprise' && actor.role === 'district_officer' && enterpriseDistrict !== actor.districtCode;
    if (enterpriseDistrict === undefined || outOfScope) return { field: enterpriseField!.key, key: 'registers.enterpriseNotFound' };
    if (!fieldOf(definition, 'districtCode')) districtCode = enterpriseDistrict;
  }
  if (districtCode !== null && fieldOf(definition, 'districtCode')) {
    if (!known.districts.has(districtCode))
      return { field: 'districtCode', key: 'registers.districtUnknown', params: { text: districtCode } };
    if (actor.role === 'district_officer' && districtCode !== actor.districtCode)
      return { field: 'districtCode', key: 'registers.districtOutOfScope' };
  }
  return { enterpriseId, districtCode };
}

/** Chains and referenced rows that exist. */
function referenceProblems(definition: RegisterDefinition, values: EntryValues, known: KnownIds): EntryProblem[] {
  const problems: EntryProblem[] = [];
  for (const field of definition.fields) {
    const value = values[field.key];
    if (value === null || value === undefined) continue;
    if (field.type === 'chain' && !known.chains.has(String(value)))
      problems.push({ field: field.key, key: 'registers.chainUnknown', params: { text: String(value) } });
    else if (field.type === 'reference' && !known.references.get(field.register)?.has(Number(value)))
      problems.push({ field: field.key, key: 'registers.referenceNotFound' });
  }
  return problems;
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '';
const tupleOf = (keys: readonly string[], values: EntryValues) => JSON.stringify([keys, keys.map((k) => String(values[k]))]);

/** The column a key field is stored in (enterprise and district live in the shared columns). */
function columnOf(definition: RegisterDefinition, key: string): string {
  if (ownColumns(definition).includes(key)) return key;
  return fieldOf(definition, key)?.type === 'enterprise' ? 'enterpriseId' : 'districtCode';
}

/** Live stored rows sharing a duplicate key with any of the rows, by key tuple. */
async function storedTwins(db: Executor, definition: RegisterDefinition, candidates: readonly Candidate[]) {
  const twins = new Map<string, StoredRow[]>();
  for (const keys of definition.uniqueBy ?? []) {
    const wanted = candidates.filter((c) => !keys.some((k) => isBlank(c.values[k])));
    for (const part of chunks(wanted)) {
      // each key among the part's values: a few rows more than the twins, sorted out by their tuples below
      let query = anyDb(db).selectFrom(definition.table).selectAll().where('archived', '=', 0);
      for (const k of keys)
        query = query.where(columnOf(definition, k), 'in', [
          ...new Set(part.map((c) => c.values[k]).map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v))),
        ] as never);
      const rows = (await query.execute()) as StoredRow[];
      for (const row of rows) {
        const tuple = tupleOf(keys, valuesOfRow(definition, row));
        twins.set(tuple, [...(twins.get(tuple) ?? []), row]);
      }
    }
  }
  return twins;
}

/** A stored row, or an earlier row of the same batch, with the same values in one of the register's keys. */
function duplicateOf(
  definition: RegisterDefinition,
  candidate: Candidate,
  twins: Map<string, StoredRow[]>,
  firstOfKey: Map<string, EntryValues>,
): EntryProblem | null {
  for (const keys of definition.uniqueBy ?? []) {
    if (keys.some((k) => isBlank(candidate.values[k]))) continue;
    const tuple = tupleOf(keys, candidate.values);
    const stored = twins.get(tuple)?.find((row) => row.id !== candidate.existingId);
    const twin = stored ? valuesOfRow(definition, stored) : firstOfKey.get(tuple);
    if (!twin) {
      firstOfKey.set(tuple, candidate.values);
      continue;
    }
    return {
      field: keys[0]!,
      key: 'registers.duplicate',
      params: { ...keyLabels(definition, keys), title: String(twin[definition.titleField] ?? (stored ? `#${stored.id}` : '')) },
    };
  }
  return null;
}

/** The labels of a duplicate's key fields, in both languages (the message picks one). */
export const keyLabels = (definition: RegisterDefinition, keys: readonly string[]) => ({
  fieldsZh: keys.map((k) => fieldOf(definition, k)!.label.zh).join('、'),
  fieldsEn: keys.map((k) => fieldOf(definition, k)!.label.en).join(', '),
});
