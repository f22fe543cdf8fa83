import Papa from 'papaparse';

// CSV in and out through Papa Parse (RFC 4180: quoted fields, doubled quotes, CRLF or LF).

/**
 * A cell a spreadsheet would run as a formula when the file is opened (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, or
 * one led by a tab or carriage return) is written with a leading apostrophe, OWASP's advice for CSV injection.
 * Papa Parse's own pattern ends in `.*$`, which a line break inside the cell slips past.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The rows of a CSV text as strings; a UTF-8 BOM is dropped and rows with nothing but blanks are skipped. Line ends
 * are made one kind first (a file edited on two systems mixes CRLF and LF, and Papa Parse expects one), and the
 * delimiter is the comma, never guessed.
 */
export function parseCsv(text: string): string[][] {
  const source = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  return Papa.parse<string[]>(source, { delimiter: ',', newline: '\n', skipEmptyLines: 'greedy' }).data;
}

/** A header row and data rows as CSV with CRLF line ends; text cells that would run as formulas are neutralised. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return Papa.unparse([header, ...rows] as unknown[][], { newline: '\r\n', escapeFormulae: FORMULA_START }) + '\r\n';
}
