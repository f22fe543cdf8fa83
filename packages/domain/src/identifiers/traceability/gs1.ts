// GS1 keys in EPC URNs and Digital Link URIs, turned into one canonical Digital Link form so that
// `urn:epc:id:sgtin:…` and `https://<any host>/01/…/21/…` find the same events.
// Sources: GS1 Tag Data Standard 2.0 §6 (EPC URI ↔ GS1 key), GS1 Digital Link 1.2 §4 (path syntax);
// shared/domain/identifiers.md §8–9.

import { DL_KEYS } from './digital-link-keys.ts';

export const GS1_ID_HOST = 'https://id.gs1.org';

/** GS1 mod-10 check digit over the digits given (GS1 General Specifications §7.9.1). */
export function gs1CheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[digits.length - 1 - i]);
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function validGtin(gtin: string): boolean {
  return /^\d{8}$|^\d{12,14}$/.test(gtin) && gs1CheckDigit(gtin.slice(0, -1)) === gtin.slice(-1);
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
// Serials and lots: decoded, then percent-encoded once, whichever escaping the sender used.
const component = (s: string) => encodeURIComponent(safeDecode(s));

/** GTIN-14 from an SGTIN/LGTIN company prefix and item reference (the indicator digit leads the reference). */
function gtinFrom(companyPrefix: string, itemRef: string): string | null {
  const body = itemRef.slice(0, 1) + companyPrefix + itemRef.slice(1);
  return /^\d{13}$/.test(body) ? body + gs1CheckDigit(body) : null;
}

/** Canonical Digital Link for the GS1 EPC URNs in use (sgtin, lgtin, sgtin pattern, sscc, sgln); null otherwise. */
export function digitalLinkFromEpcUrn(urn: string): string | null {
  const m = /^urn:epc:(id|class|idpat):([a-z]+):(.+)$/i.exec(urn);
  if (!m) return null;
  const [kind, scheme, rest] = [m[1]!.toLowerCase(), m[2]!.toLowerCase(), m[3]!];
  const parts = rest.split('.');
  if (scheme === 'sgtin' || scheme === 'lgtin') {
    if (parts.length < 3) return null;
    const gtin = gtinFrom(parts[0]!, parts[1]!);
    if (!gtin) return null;
    const tail = parts.slice(2).join('.');
    if (kind === 'idpat' && tail === '*') return `${GS1_ID_HOST}/01/${gtin}`;
    if (kind === 'id' && scheme === 'sgtin') return `${GS1_ID_HOST}/01/${gtin}/21/${component(tail)}`;
    if (kind === 'class' && scheme === 'lgtin') return `${GS1_ID_HOST}/01/${gtin}/10/${component(tail)}`;
    return null;
  }
  if (scheme === 'sscc' && kind === 'id' && parts.length === 2) {
    const body = parts[1]!.slice(0, 1) + parts[0]! + parts[1]!.slice(1);
    return /^\d{17}$/.test(body) ? `${GS1_ID_HOST}/00/${body}${gs1CheckDigit(body)}` : null;
  }
  if (scheme === 'sgln' && kind === 'id' && parts.length === 3) {
    const body = parts[0]! + parts[1]!;
    if (!/^\d{12}$/.test(body)) return null;
    const gln = body + gs1CheckDigit(body);
    return parts[2] === '0' ? `${GS1_ID_HOST}/414/${gln}` : `${GS1_ID_HOST}/414/${gln}/254/${component(parts[2]!)}`;
  }
  return null;
}

// Primary-key AIs a Digital Link path may start with.
const PRIMARY_AIS = Object.keys(DL_KEYS);
const PRIMARY_AT = new RegExp(`(?:^|/)(${PRIMARY_AIS.join('|')})/[^/]+`);

/**
 * The canonical Digital Link (host id.gs1.org, GTIN padded to 14 digits, no query) of a Digital Link URI
 * on any host, or of a bare Digital Link path such as `01/09506000134352/21/ABC`; null when it is not one.
 */
export function canonicalDigitalLink(uriOrPath: string): string | null {
  let path = uriOrPath;
  const url = /^https?:\/\/[^/]+(\/[^?#]*)/i.exec(uriOrPath);
  if (url) path = url[1]!;
  else if (/^[a-z][a-z0-9+.-]*:/i.test(uriOrPath)) return null;
  path = path.split(/[?#]/)[0]!.replace(/^\/+|\/+$/g, '');
  const start = PRIMARY_AT.exec(path);
  // A URI may carry a path before the key (GS1 Digital Link 1.2 §4.3); a bare path starts with it.
  if (!start || (!url && start.index !== 0)) return null;
  const segments = path.slice(start.index + (start[0].startsWith('/') ? 1 : 0)).split('/');
  if (segments.length % 2 !== 0) return null;
  const out: string[] = [];
  for (let i = 0; i < segments.length; i += 2) {
    const ai = segments[i]!;
    let value = segments[i + 1]!;
    if (!/^\d{2,4}$/.test(ai) || !value) return null;
    if (ai === '01') {
      if (!/^\d{8}$|^\d{12,14}$/.test(value)) return null;
      value = value.padStart(14, '0');
      if (!validGtin(value)) return null;
    }
    out.push(ai, component(value));
  }
  return `${GS1_ID_HOST}/${out.join('/')}`;
}

/** The product (class) of an instance key: the serial goes (`/01/<gtin>[/10/<lot>]/21/<serial>` → `/01/<gtin>[/10/<lot>]`). */
export function gs1ProductOf(digitalLink: string): string {
  return /^https:\/\/id\.gs1\.org\/01\//.test(digitalLink) ? digitalLink.replace(/\/21\/[^/]+$/, '') : digitalLink;
}
