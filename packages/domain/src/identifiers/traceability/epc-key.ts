import { handleKey, isValidHandle, parseHandleUri, splitHandle } from '../handle.ts';
import { canonicalDigitalLink, digitalLinkFromEpcUrn, gs1ProductOf } from './gs1.ts';

// One lookup key per identifier, whatever form an event or a visitor uses for it. Handles appear as
// `hdl:88.999.1/ABC`, `info:hdl/…` (RFC 4452), the node's https resolver URL or bare; they are
// case-insensitive (Handle.Net upper-cases them), so the key is `hdl:` + the upper-cased handle.
// GS1 keys (EPC URNs, Digital Link on any host) become the canonical Digital Link.
// Source: shared/domain/identifiers.md §3 (URI forms, case), §8 (URI caveat), §9 (Digital Link).

export type IdentifierKind = 'handle' | 'gs1' | 'other';

// Handle prefixes of the national system are numeric segments (88.999.1; identifiers.md §3): demanding a
// leading digit keeps a GS1 Digital Link path (`/01/…`) or any other URL path from passing for a handle.
const NUMERIC_PREFIX = /^\d+(?:\.[0-9A-Za-z]+)+$/;

/** The handle in `prefix/suffix` form, when the text is one in any accepted form (URI or bare); null otherwise. */
export function handleFromIdentifier(text: string): string | null {
  const t = text.trim();
  const handle = /^[a-z][a-z0-9+.-]*:/i.test(t) ? parseHandleUri(t) : isValidHandle(t) ? t : null;
  return handle !== null && NUMERIC_PREFIX.test(splitHandle(handle)!.prefix) ? handle : null;
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
  if (handle) return { key: `hdl:${handleKey(handle)}`, kind: 'handle', handle };
  const dl = canonicalDigitalLink(t);
  return dl ? { key: dl, kind: 'gs1', handle: null } : { key: t, kind: 'other', handle: null };
}

export const epcKey = (text: string): string => identifierKey(text).key;

/** The product an instance identifier belongs to, for stock counts: a serialised GTIN's GTIN (and lot); otherwise itself. */
export const productKeyOfInstance = (text: string): string => gs1ProductOf(epcKey(text));
