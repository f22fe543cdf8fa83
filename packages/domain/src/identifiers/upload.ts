import type { HandleValueInput } from './handle.ts';
import type { TemplateDefinition } from './template.ts';

// Batch registration from a file (CSV or the first sheet of an Excel workbook): a header row `handle`, then one column
// per template item (its type or its label) and optionally `URL`; each further row is one identifier. A handle cell
// without a `/` is a suffix under the chosen prefix.

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; a UTF-8 BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

export interface UploadColumn {
  column: number;
  index: number;
  type: string;
}

export type UploadLayout =
  { handleColumn: number; columns: UploadColumn[] } | { problem: 'noHandleColumn' | 'unknownColumn'; header?: string };

/** Which column holds what, from the header row and the template. */
export function uploadLayout(header: readonly string[], template: Pick<TemplateDefinition, 'items'>): UploadLayout {
  const names = header.map((h) => h.trim().toLowerCase());
  const handleColumn = names.findIndex((n) => n === 'handle' || n === '标识');
  if (handleColumn < 0) return { problem: 'noHandleColumn' };
  const columns: UploadColumn[] = [];
  for (let c = 0; c < names.length; c++) {
    const name = names[c]!;
    if (c === handleColumn || name === '') continue;
    if (name === 'url') {
      columns.push({ column: c, index: 1, type: 'URL' });
      continue;
    }
    const item = template.items.find((i) => i.type.toLowerCase() === name || i.name.toLowerCase() === name);
    if (!item) return { problem: 'unknownColumn', header: header[c] };
    columns.push({ column: c, index: item.idIndex, type: item.type });
  }
  return { handleColumn, columns };
}

/** One row as a registration item; empty cells are left out (the template says whether that is allowed). */
export function uploadItem(
  row: readonly string[],
  layout: { handleColumn: number; columns: UploadColumn[] },
  prefix: string,
): { handle: string; values: HandleValueInput[] } {
  const cell = (row[layout.handleColumn] ?? '').trim();
  const handle = cell.includes('/') ? cell : `${prefix}/${cell}`;
  const values: HandleValueInput[] = [];
  for (const c of layout.columns) {
    const v = (row[c.column] ?? '').trim();
    if (v !== '') values.push({ index: c.index, type: c.type, data: v });
  }
  return { handle, values };
}

/** The header line of a file to fill for a template version. */
export const uploadHeader = (template: Pick<TemplateDefinition, 'items'>): string[] => [
  'handle',
  'URL',
  ...template.items.map((i) => i.type),
];
