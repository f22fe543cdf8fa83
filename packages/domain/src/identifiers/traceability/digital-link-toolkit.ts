// @ts-expect-error -- GS1's Digital Link toolkit (CommonJS, shipped untyped inside digital-link.js); typed below
import Toolkit from 'digital-link.js/lib/GS1DigitalLinkCompressionPrototype/GS1DigitalLinkToolkit.js';
import { parseDigitalLink, type DlResult } from './digital-link.ts';

// GS1's own toolkit (GS1DigitalLinkToolkit.js, Apache-2.0, inside the npm package digital-link.js) for what needs
// the whole AI table: the syntax of data attributes in the query string (expiry date 17, net weight 310n, …) and
// decompressing compressed links (GS1 Digital Link: Compression 1.x). Kept out of the package index so the web
// bundle does not carry the table; the server imports this file directly.

interface GS1DigitalLinkToolkit {
  aiRegex: Record<string, RegExp>;
  aiCheckDigitPosition: Record<string, string>;
  verifyCheckDigit(ai: string, value: string): boolean;
  analyseURI(uri: string, extended: boolean): { detected: string };
  decompressGS1DigitalLink(uri: string, useShortText: boolean, uriStem: string): string;
}

const toolkit = new (Toolkit as new () => GS1DigitalLinkToolkit)();

/** The syntax check `parseDigitalLink` takes for data attributes, from GS1's AI table. */
export function attributeSyntax(ai: string, value: string): null | 'unknown' | 'invalid' {
  const regex = toolkit.aiRegex[ai];
  if (!regex) return 'unknown';
  if (!regex.test(value)) return 'invalid';
  try {
    toolkit.verifyCheckDigit(ai, value);
    return null;
  } catch {
    return 'invalid';
  }
}

/** A path and query string validated as a Digital Link, data attributes included. */
export const parseDigitalLinkStrict = (path: string, query: string): DlResult => parseDigitalLink(path, query, attributeSyntax);

/**
 * The uncompressed form (path and query) of a compressed or partly compressed Digital Link path such as
 * `/CxFKk4XBoIdXhCxrsMg` or `/01/09506000134352/BIBIwE`; null when the path is not a compressed link it can decode.
 */
export function decompressDigitalLink(path: string, query = ''): { path: string; query: string } | null {
  const stem = 'https://id.gs1.org';
  const uri = `${stem}${path}${query ? `?${query}` : ''}`;
  try {
    if (!/compressed/.test(toolkit.analyseURI(uri, false).detected)) return null;
    const plain = new URL(toolkit.decompressGS1DigitalLink(uri, false, stem));
    return { path: plain.pathname, query: plain.search.slice(1) };
  } catch {
    return null;
  }
}
