import { canonicalDigitalLink, digitalLinkFromEpcUrn, gs1ProductOf } from './gs1.ts';

// One lookup key per identifier, whatever form an event or a visitor uses for it. Handles appear as
// `hdl:88.999.1/ABC`, `info:hdl/…` (RFC 4452), the node's https resolver URL or bare; they are
// case-insensitive (Handle.Net upper-cases them), so the key is `hdl:` + the upper-cased handle.
// GS1 keys (EPC URNs, Digital Link on any host) become the canonical Digital Link.
// Source: shared/domain/identifiers.md §3 (URI forms, case), §8 (URI caveat), §9 (Digital Link).

export type IdentifierKind = 'handle' | 'gs1' | 'other';

// A handle prefix: dot-separated segments starting with digits, e.g. 88.999.1 (identifiers.md §3).
const HANDLE_PREFIX = /^\d+(?:\.[0-9A-Za-z-]+)+$/;

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The handle in `prefix/suffix` form, when the text is one in any accepted form; null otherwise. */
export function handleFromIdentifier(text: string): string | null {
  const t = text.trim();
  let candidate: string;
  if (/^hdl:/i.test(t)) candidate = t.slice(4);
  else if (/^info:hdl\//i.test(t)) candidate = t.slice(9);
  else if (/^https?:\/\//i.test(t)) {
    const m = /^https?:\/\/[^/]+\/(?:r\/)?([^?#]+)/i.exec(t);
    if (!m) return null;
    candidate = safeDecode(m[1]!);
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(t) && !/^\d/.test(t)) return null;
  else candidate = t;
  const slash = candidate.indexOf('/');
  if (slash <= 0 || slash === candidate.length - 1) return null;
  return HANDLE_PREFIX.test(candidate.slice(0, slash)) ? candidate : null;
}

export interface IdentifierKey {
  key: string;
  kind: IdentifierKind;
  /** The handle (as written) for handles, else null. */
  handle: string | null;
}

/** Normalises any identifier form (EPC, EPC class, location, visitor input) to its lookup key. */
export function identifierKey(text: string): IdentifierKey {
  const t = text.trim();
  if (/^urn:epc:/i.test(t)) {
    const fromUrn = digitalLinkFromEpcUrn(t);
    return fromUrn ? { key: fromUrn, kind: 'gs1', handle: null } : { key: t, kind: 'other', handle: null };
  }
  // Handles first: a resolver URL `/88.999.1/00/x` is a handle whose suffix happens to look like a GS1 path.
  const handle = handleFromIdentifier(t);
  if (handle) return { key: `hdl:${handle.toUpperCase()}`, kind: 'handle', handle };
  const dl = canonicalDigitalLink(t);
  return dl ? { key: dl, kind: 'gs1', handle: null } : { key: t, kind: 'other', handle: null };
}

export const epcKey = (text: string): string => identifierKey(text).key;

/** The product an instance identifier belongs to, for stock counts: a serialised GTIN's GTIN (and lot); otherwise itself. */
export const productKeyOfInstance = (text: string): string => gs1ProductOf(epcKey(text));
