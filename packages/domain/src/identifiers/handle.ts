// Handles and their values (RFC 3650–3652; Handle.Net Technical Manual ch. 14), as the node stores them and
// as the Handle.Net JSON REST API shows them. Source: shared/domain/identifiers.md §3–§5.

/** A value in the Handle.Net JSON shape; also the stored shape. */
export interface HandleValue {
  index: number;
  type: string;
  data: { format: string; value: unknown };
  ttl: number;
  timestamp: string;
  /** admin_read · admin_write · pub_read · pub_write (§4). */
  permissions: string;
  references: { index: number; handle: string }[];
}

export const DEFAULT_TTL = 86_400;
export const DEFAULT_PERMISSIONS = '1110';
/** HS_SECKEY values are never publicly readable (§4). */
export const PRIVATE_PERMISSIONS = '1100';
/** SNMS: index 1001 is the template pointer (§4, §6). */
export const TEMPLATE_INDEX = 1001;
export const TEMPLATE_TYPE = 'TEMPLATE';
/** SNMS limits (§3). */
export const HANDLE_MAX_LENGTH = 255;
export const PREFIX_MAX_LENGTH = 64;
export const TYPE_MAX_LENGTH = 128;
export const VALUE_MAX_LENGTH = 255;

/** The comparison key: Handle servers are case-insensitive and Handle.Net stores handles upper-cased (§3). ASCII only. */
export function handleKey(handle: string): string {
  return handle.replace(/[a-z]+/g, (s) => s.toUpperCase());
}

export function splitHandle(handle: string): { prefix: string; suffix: string } | null {
  const slash = handle.indexOf('/');
  if (slash <= 0) return null;
  return { prefix: handle.slice(0, slash), suffix: handle.slice(slash + 1) };
}

const PREFIX_PATTERN = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A well-formed handle: `<prefix>/<suffix>`, prefix dot-separated segments, suffix non-empty, no control characters, within SNMS limits. */
export function isValidHandle(handle: string): boolean {
  const parts = splitHandle(handle);
  if (!parts || handle.length > HANDLE_MAX_LENGTH || CONTROL.test(handle)) return false;
  return isValidPrefix(parts.prefix) && parts.suffix.length > 0;
}

export function isValidPrefix(prefix: string): boolean {
  return prefix.length <= PREFIX_MAX_LENGTH && PREFIX_PATTERN.test(prefix);
}

/** The URI form used everywhere the node exports a handle (EPCIS events, QR codes): `hdl:` (§8 URI caveat). */
export function handleUri(handle: string): string {
  return `hdl:${handle}`;
}

/** Reads `hdl:H`, `info:hdl/H` (RFC 4452) or an https resolver URL `https://host/H` (optionally under `/api/handles/`); null otherwise. */
export function parseHandleUri(uri: string): string | null {
  let handle: string | null = null;
  if (uri.startsWith('hdl:')) handle = uri.slice(4);
  else if (uri.startsWith('info:hdl/')) handle = uri.slice(9);
  else {
    // no URL class in the domain package (no DOM, no Node types): the path is what follows the authority
    const match = /^https?:\/\/[^/?#]+\/(?:api\/handles\/)?([^?#]+)/.exec(uri);
    if (match) {
      try {
        handle = decodeURIComponent(match[1]!);
      } catch {
        return null;
      }
    }
  }
  return handle !== null && isValidHandle(handle) ? handle : null;
}

export const isPublic = (value: Pick<HandleValue, 'permissions'>): boolean => value.permissions[2] === '1';

export function publicValues(values: readonly HandleValue[]): HandleValue[] {
  return values.every(isPublic) ? [...values] : values.filter(isPublic);
}

/** Handle.Net's `index=` and `type=` filters: a union; `type=URL.` matches the subtypes `URL.x` (§5). */
export function filterValues(values: readonly HandleValue[], indexes: readonly number[], types: readonly string[]): HandleValue[] {
  if (indexes.length === 0 && types.length === 0) return [...values];
  const lowerTypes = types.map((t) => t.toLowerCase());
  return values.filter(
    (v) =>
      indexes.includes(v.index) ||
      lowerTypes.some((t) => {
        const type = v.type.toLowerCase();
        return t.endsWith('.') ? type.startsWith(t) || type === t.slice(0, -1) : type === t;
      }),
  );
}

/** ISO-8601 to the second with `Z`, as Handle.Net writes timestamps (§5). */
export function handleTimestamp(at: Date = new Date()): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** What a client may send for one value: the Handle.Net JSON value, data as a plain string or `{format, value}`. */
export interface HandleValueInput {
  index: number;
  type: string;
  data: string | { format?: string; value: unknown };
  ttl?: number;
  permissions?: string;
  references?: { index: number; handle: string }[];
}

export type ValueProblem = { index: number; problem: 'badIndex' | 'duplicateIndex' | 'badType' | 'badData' | 'badPermissions' | 'badTtl' };

const FORMATS = new Set(['string', 'base64', 'hex', 'admin', 'vlist', 'site', 'key']);

/** Normalises client values into stored values; the first problem found, or the values. */
export function normaliseValues(
  input: readonly HandleValueInput[],
  timestamp: string,
): { values: HandleValue[] } | { problem: ValueProblem } {
  const seen = new Set<number>();
  const values: HandleValue[] = [];
  for (const v of input) {
    // index 1001 only as the template pointer (a client sending back what it resolved)
    const misusedPointer = v.index === TEMPLATE_INDEX && v.type !== TEMPLATE_TYPE;
    if (!Number.isInteger(v.index) || v.index <= 0 || v.index >= 2 ** 31 || misusedPointer)
      return { problem: { index: v.index, problem: 'badIndex' } };
    if (seen.has(v.index)) return { problem: { index: v.index, problem: 'duplicateIndex' } };
    seen.add(v.index);
    if (typeof v.type !== 'string' || v.type.length === 0 || v.type.length > TYPE_MAX_LENGTH || CONTROL.test(v.type))
      return { problem: { index: v.index, problem: 'badType' } };
    const data =
      typeof v.data === 'string'
        ? { format: 'string', value: v.data }
        : v.data && typeof v.data === 'object'
          ? { format: v.data.format ?? 'string', value: v.data.value }
          : null;
    if (!data || !FORMATS.has(data.format) || data.value === undefined || (data.format === 'string' && typeof data.value !== 'string'))
      return { problem: { index: v.index, problem: 'badData' } };
    const permissions = v.permissions ?? (v.type === 'HS_SECKEY' ? PRIVATE_PERMISSIONS : DEFAULT_PERMISSIONS);
    if (!/^[01]{4}$/.test(permissions)) return { problem: { index: v.index, problem: 'badPermissions' } };
    const ttl = v.ttl ?? DEFAULT_TTL;
    if (!Number.isInteger(ttl) || ttl < 0 || ttl > 2 ** 31) return { problem: { index: v.index, problem: 'badTtl' } };
    values.push({ index: v.index, type: v.type, data, ttl, timestamp, permissions, references: v.references ?? [] });
  }
  values.sort((a, b) => a.index - b.index);
  return { values };
}

/** The template pointer value at index 1001 (SNMS detail shape, §6). */
export function templatePointer(version: string, timestamp: string): HandleValue {
  return {
    index: TEMPLATE_INDEX,
    type: TEMPLATE_TYPE,
    data: { format: 'string', value: version },
    ttl: DEFAULT_TTL,
    timestamp,
    permissions: DEFAULT_PERMISSIONS,
    references: [],
  };
}

/** Same data, ignoring timestamps: a retried registration of the same identifier is a success (§6 "504 … retry"). */
export function sameValues(a: readonly HandleValue[], b: readonly HandleValue[]): boolean {
  if (a.length !== b.length) return false;
  const strip = (v: HandleValue) => JSON.stringify([v.index, v.type, v.data, v.ttl, v.permissions, v.references]);
  return a.every((v, i) => strip(v) === strip(b[i]!));
}
