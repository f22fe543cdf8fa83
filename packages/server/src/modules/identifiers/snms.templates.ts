import { TEMPLATE_ITEM_MIN_INDEX, type TemplateDefinition, type TemplateItem } from '@zhizao/domain';

// SNMS template bodies ↔ the node's templates (id-guide SNMS v3 数据模板相关接口 and v5 template.md). SNMS names an
// item's value type `idType` (its "English name") and its label `name`; v3 items carry no `idIndex` (the node gives
// 2000, 2001, … in order), v5 items do, plus `state` (0 disabled, 1 enabled). SNMS has no visibility per item:
// every item it creates is public, as the node's default is.

export interface SnmsTemplateItem {
  name?: unknown;
  idType?: unknown;
  idIndex?: unknown;
  required?: unknown;
  state?: unknown;
  metadata?: { type?: unknown; minLength?: unknown; maxLength?: unknown } | null;
}

export interface SnmsTemplateBody {
  prefix?: unknown;
  version?: unknown;
  industryCategory?: unknown;
  industrySpecific?: unknown;
  industryTrade?: unknown;
  industrySubclass?: unknown;
  type?: unknown;
  description?: unknown;
  items?: unknown;
}

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const int = (v: unknown): number | null =>
  v === undefined || v === null || v === '' ? null : Number.isInteger(Number(v)) ? Number(v) : NaN;
const limit = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v));

/** The template's own fields, or null when one is missing or malformed. */
export function snmsTemplateHead(b: SnmsTemplateBody): Omit<TemplateDefinition, 'prefix' | 'items'> | null {
  const type = Number(b.type);
  if (!str(b.version, 128) || !/^[0-9A-Za-z][0-9A-Za-z._-]*$/.test(b.version)) return null;
  if (!['industryCategory', 'industrySpecific', 'industryTrade', 'industrySubclass'].every((k) => str(b[k as keyof SnmsTemplateBody], 4)))
    return null;
  if (type !== 1 && type !== 2) return null;
  if (b.description !== undefined && b.description !== null && typeof b.description !== 'string') return null;
  return {
    version: b.version,
    industryCategory: b.industryCategory as string,
    industrySpecific: b.industrySpecific as string,
    industryTrade: b.industryTrade as string,
    industrySubclass: b.industrySubclass as string,
    type,
    description: (b.description as string | undefined) ?? '',
  };
}

/** One SNMS item as the node's, its index left null when the client gave none; null when malformed. */
export function snmsItem(i: SnmsTemplateItem): (Omit<TemplateItem, 'idIndex'> & { idIndex: number | null; state: 0 | 1 | null }) | null {
  if (!i || typeof i !== 'object' || !str(i.idType, 128) || !str(i.name, 100)) return null;
  const idIndex = int(i.idIndex);
  const state = int(i.state);
  const m = i.metadata ?? {};
  const type = m.type === undefined || m.type === null || m.type === '' ? 'string' : m.type;
  const [minLength, maxLength] = [limit(m.minLength), limit(m.maxLength)];
  if (Number.isNaN(idIndex) || (state !== null && state !== 0 && state !== 1)) return null;
  if (type !== 'string' && type !== 'number' && type !== 'date') return null;
  if ([minLength, maxLength].some((n) => n !== undefined && (!Number.isInteger(n) || n < 0))) return null;
  return {
    idIndex,
    type: i.idType,
    name: i.name,
    required: i.required === true || i.required === 'true',
    public: true,
    state: state as 0 | 1 | null,
    metadata: { type, ...(minLength === undefined ? {} : { minLength }), ...(maxLength === undefined ? {} : { maxLength }) },
  };
}

/** Items without an index get the next free ones from 2000, in order. */
export function withIndexes(items: (Omit<TemplateItem, 'idIndex'> & { idIndex: number | null })[], taken: number[] = []): TemplateItem[] {
  let next = Math.max(TEMPLATE_ITEM_MIN_INDEX - 1, ...taken, ...items.map((i) => i.idIndex ?? 0)) + 1;
  return items.map(({ idIndex, ...rest }) => ({ ...rest, idIndex: idIndex ?? next++ }));
}

/** The node's template in SNMS's field names (v5 GET 响应参数). */
export function snmsTemplate(d: TemplateDefinition) {
  return {
    prefix: d.prefix,
    version: d.version,
    industryCategory: d.industryCategory,
    industrySpecific: d.industrySpecific,
    industryTrade: d.industryTrade,
    industrySubclass: d.industrySubclass,
    type: d.type,
    description: d.description,
    items: d.items.map((i) => ({
      name: i.name,
      idType: i.type,
      idIndex: i.idIndex,
      required: i.required,
      state: i.disabled ? 0 : 1,
      metadata: {
        type: i.metadata.type,
        ...(i.metadata.minLength === undefined ? {} : { minLength: i.metadata.minLength }),
        ...(i.metadata.maxLength === undefined ? {} : { maxLength: i.metadata.maxLength }),
      },
    })),
  };
}

export type EditProblem = 'itemMismatch' | 'duplicateType' | 'inUse';

/**
 * SNMS v5 PUT: an incremental edit. An item with `idIndex` changes that item (its `idType` must match); one
 * without is added; `state` enables or disables, absent keeps it; items not sent stay. While identifiers use the
 * version only what keeps them valid is allowed: labels, state, new optional items.
 */
export function editTemplate(
  current: TemplateDefinition,
  head: Omit<TemplateDefinition, 'prefix' | 'items'>,
  edits: NonNullable<ReturnType<typeof snmsItem>>[],
  inUse: boolean,
): { definition: TemplateDefinition } | { problem: EditProblem; index: number | string } {
  const items = current.items.map((i) => ({ ...i }));
  const added: typeof edits = [];
  for (const e of edits) {
    if (e.idIndex === null) {
      if (items.some((i) => i.type.toLowerCase() === e.type.toLowerCase())) return { problem: 'duplicateType', index: e.type };
      if (inUse && e.required) return { problem: 'inUse', index: e.type };
      added.push(e);
      continue;
    }
    const item = items.find((i) => i.idIndex === e.idIndex);
    if (!item || item.type.toLowerCase() !== e.type.toLowerCase()) return { problem: 'itemMismatch', index: e.idIndex };
    const changesData = JSON.stringify(item.metadata) !== JSON.stringify(e.metadata) || (e.required && !item.required);
    if (inUse && changesData) return { problem: 'inUse', index: e.idIndex };
    item.name = e.name;
    item.required = e.required;
    item.metadata = e.metadata;
    if (e.state !== null) item.disabled = e.state === 0 ? true : undefined;
  }
  const fresh = withIndexes(
    added.map(({ state, ...a }) => ({ ...a, ...(state === 0 ? { disabled: true } : {}) })),
    items.map((i) => i.idIndex),
  );
  const all = [...items, ...fresh].map((i) => (i.disabled ? i : (({ disabled: _d, ...rest }) => rest)(i)));
  return { definition: { ...current, ...head, prefix: current.prefix, version: current.version, items: all } };
}
