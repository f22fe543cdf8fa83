import { gs1CheckDigit } from './gs1.ts';
import { DL_KEYS, DL_QUALIFIER_FORMATS, type DlFormat } from './digital-link-keys.ts';

// A GS1 Digital Link URI path checked the way a conformant resolver does before it answers: the primary key and
// its qualifiers in an allowed order, each value in its AI's syntax, check digits right, and the GS1 data
// attributes of the query string in their AI's syntax. Anything else answers with the problem, never a redirect.
// Sources: GS1 Digital Link Standard: URI Syntax 1.4 (paths, formats: the ABNF grammar 1.4 GS1 publishes, shipped
// in digital-link.js/grammar/GS1_Digital_Link_Grammar_1_4.abnf); GS1 General Specifications §7.9 (check digits);
// GS1-Conformant Resolver Standard 1.x §6 (a resolver SHALL refuse a URI that is not a valid GS1 Digital Link).

export interface DlElement {
  ai: string;
  value: string;
}

export interface ParsedDigitalLink {
  key: DlElement;
  qualifiers: DlElement[];
  /** GS1 data attributes of the query string (numeric AIs), in the order given. */
  attributes: DlElement[];
  /** The other query parameters (linkType, context, the client's own), kept as given. */
  other: [string, string][];
  /** The canonical path: the key (a GTIN padded to 14 digits) then its qualifiers, each value percent-encoded. */
  path: string;
}

export type DlProblemCode =
  | 'resolver.notDigitalLink'
  | 'resolver.unknownKey'
  | 'resolver.valueSyntax'
  | 'resolver.checkDigit'
  | 'resolver.qualifierNotAllowed'
  | 'resolver.qualifierOrder'
  | 'resolver.attributeSyntax';

export interface DlProblem {
  code: DlProblemCode;
  params: Record<string, string>;
}

export type DlResult = { ok: true; link: ParsedDigitalLink } | { ok: false; problem: DlProblem };

const problem = (code: DlProblemCode, params: Record<string, string> = {}): DlResult => ({ ok: false, problem: { code, params } });

// GS1's 82-character set (AI encodable character set 82) and the 39-character set of CPID (Gen Specs §7.11).
const XCHAR = '[!"%-?A-Z_a-z]';
const YCHAR = '[#\\-/0-9A-Z]';
const formatRegex = (f: DlFormat): RegExp => new RegExp(`^${f.replaceAll('X', XCHAR).replaceAll('Y', YCHAR).replaceAll('N', '\\d')}$`);
const regexOf = new Map<string, RegExp>();
const syntaxOf = (ai: string, f: DlFormat) => {
  let r = regexOf.get(ai);
  if (!r) regexOf.set(ai, (r = formatRegex(f)));
  return r;
};

const decode = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};
const encode = (s: string) => encodeURIComponent(s);

/** True when the mod-10 check digit at 1-based `position` (the key's own rule) matches. */
function checkDigitHolds(value: string, position: number | 'last'): boolean {
  const at = position === 'last' ? value.length : position;
  return gs1CheckDigit(value.slice(0, at - 1)) === value[at - 1];
}

/**
 * Parses and validates a Digital Link path (`/01/09506000134352/10/ABC/21/1`, no host) and its query string
 * (without `?`). `attributeSyntax` checks one data attribute (numeric AI) of the query string: null when it passes,
 * 'unknown' for an AI it does not know (kept among the other parameters), 'invalid' for a wrong value.
 */
export function parseDigitalLink(
  path: string,
  query: string,
  attributeSyntax: (ai: string, value: string) => null | 'unknown' | 'invalid' = () => 'unknown',
): DlResult {
  const segments = path.replace(/^\/+|\/+$/g, '').split('/');
  if (segments.length < 2 || segments.length % 2 !== 0) return problem('resolver.notDigitalLink');
  const keyAi = segments[0]!;
  const key = DL_KEYS[keyAi];
  if (!key) return problem('resolver.unknownKey', { ai: keyAi });
  let keyValue = decode(segments[1]!);
  if (keyValue === null) return problem('resolver.valueSyntax', { ai: keyAi });
  if (keyAi === '01' && /^(\d{8}|\d{12,13})$/.test(keyValue)) keyValue = keyValue.padStart(14, '0');
  if (!syntaxOf(keyAi, key.format).test(keyValue)) return problem('resolver.valueSyntax', { ai: keyAi, value: keyValue });
  if (key.checkDigit && !checkDigitHolds(keyValue, key.checkDigit)) return problem('resolver.checkDigit', { ai: keyAi, value: keyValue });

  const qualifiers: DlElement[] = [];
  const given = [] as string[];
  for (let i = 2; i < segments.length; i += 2) {
    const ai = segments[i]!;
    const value = decode(segments[i + 1]!);
    const format = DL_QUALIFIER_FORMATS[ai];
    if (!format || !key.qualifierPaths.some((p) => p.includes(ai))) return problem('resolver.qualifierNotAllowed', { ai, key: keyAi });
    if (value === null || !syntaxOf(ai, format).test(value)) return problem('resolver.valueSyntax', { ai, value: value ?? '' });
    qualifiers.push({ ai, value });
    given.push(ai);
  }
  // each qualifier path is an ordered list of optional elements: the ones given must be a subsequence of one
  if (given.length > 0 && !key.qualifierPaths.some((p) => isOrderedSubset(given, p)))
    return problem('resolver.qualifierOrder', { key: keyAi, order: key.qualifierPaths.map((p) => p.join('/')).join(' | ') });

  const attributes: DlElement[] = [];
  const other: [string, string][] = [];
  for (const [name, value] of new URLSearchParams(query)) {
    if (/^\d{2,4}$/.test(name)) {
      const verdict = attributeSyntax(name, value);
      if (verdict === 'invalid') return problem('resolver.attributeSyntax', { ai: name, value });
      if (verdict === null) {
        attributes.push({ ai: name, value });
        continue;
      }
    }
    other.push([name, value]);
  }
  const elements = [{ ai: keyAi, value: keyValue }, ...qualifiers];
  return {
    ok: true,
    link: {
      key: elements[0]!,
      qualifiers,
      attributes,
      other,
      path: '/' + elements.map((e) => `${e.ai}/${encode(e.value)}`).join('/'),
    },
  };
}

function isOrderedSubset(given: string[], order: readonly string[]): boolean {
  let at = -1;
  for (const ai of given) {
    const i = order.indexOf(ai);
    if (i <= at) return false;
    at = i;
  }
  return true;
}

/** The primary-key AIs a resolver path may start with. */
export const DIGITAL_LINK_KEY_AIS = Object.keys(DL_KEYS);
