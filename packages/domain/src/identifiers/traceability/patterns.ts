import { epcKey } from './epc-key.ts';
import { digitalLinkFromEpcUrn, GS1_ID_HOST } from './gs1.ts';

// EPC pattern URIs (GS1 Tag Data Standard 2.0 §8, `urn:epc:idpat:<scheme>:<field>.<field>…` with `*` for any
// value of a field), as MATCH_ query parameters take them (EPCIS 2.0 §8.2.7.1): a pattern matches an EPC
// whatever form the event used (EPC URN or GS1 Digital Link), the values given exactly otherwise.

export type KeyMatcher = (value: string) => boolean;

export const isEpcPattern = (value: string): boolean => /^urn:epc:idpat:/i.test(value);

const GTIN_PATH = `${GS1_ID_HOST}/01/`;

/** A pattern over the fields of an EPC URN as sent (`urn:epc:id:sgln:0614141.07346.1234`). */
function urnFieldMatcher(scheme: string, fields: string[]): KeyMatcher {
  return (value) => {
    const m = /^urn:epc:(?:id|class|idpat):([a-z0-9]+):(.+)$/i.exec(value);
    if (!m || m[1]!.toLowerCase() !== scheme) return false;
    const got = m[2]!.split('.');
    return got.length === fields.length && fields.every((f, i) => f === '*' || f === got[i]);
  };
}

/** The SGTIN patterns over canonical Digital Links: one GTIN (`cp.ref.*`) or one company prefix (`cp.*.*`). */
function sgtinKeyMatcher(urn: string, fields: string[]): KeyMatcher | null {
  if (fields.length !== 3 || fields[2] !== '*') return null;
  if (fields[1] !== '*') {
    const product = digitalLinkFromEpcUrn(urn);
    return product ? (value) => ((key) => key === product || key.startsWith(`${product}/`))(epcKey(value)) : null;
  }
  const companyPrefix = fields[0]!;
  if (companyPrefix === '*') return (value) => epcKey(value).startsWith(GTIN_PATH);
  // GTIN-14: indicator digit, then the company prefix
  return (value) => {
    const key = epcKey(value);
    return key.startsWith(GTIN_PATH) && key.slice(GTIN_PATH.length + 1).startsWith(companyPrefix);
  };
}

function matcherOf(wanted: string): KeyMatcher {
  if (!isEpcPattern(wanted)) {
    const key = epcKey(wanted);
    return (value) => value === wanted || epcKey(value) === key;
  }
  const m = /^urn:epc:idpat:([a-z0-9]+):(.+)$/i.exec(wanted);
  if (!m) return () => false;
  const [scheme, fields] = [m[1]!.toLowerCase(), m[2]!.split('.')];
  const byUrn = urnFieldMatcher(scheme, fields);
  const byKey = scheme === 'sgtin' ? sgtinKeyMatcher(wanted, fields) : null;
  return byKey ? (value) => byUrn(value) || byKey(value) : byUrn;
}

/** Whether a value (an EPC or class in any form) matches one of the wanted EPCs or patterns. */
export function matchesAny(wanted: readonly string[]): KeyMatcher {
  const matchers = wanted.map(matcherOf);
  return (value) => matchers.some((m) => m(value));
}
