import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { AppError } from './errors.ts';

// Every uploaded workbook is read through here, so that none can stall the server. An .xlsx is a zip, and
// 900 KB of it can expand to hundreds of megabytes of XML. So: the sizes the central directory declares are
// checked before any entry is read; then every entry is inflated once into nothing, counting its bytes against
// what it declared (a lying or hidden entry is refused); only then does exceljs's streaming reader read the
// rows, with a row limit. A 20,000-row registry import expands to about 11 MB.

const MB = 1024 * 1024;
/** The most all entries of a workbook may expand to together. */
export const SPREADSHEET_MAX_EXPANDED_BYTES = 100 * MB;
/** The most one entry (a worksheet, the shared strings) may expand to. */
export const SPREADSHEET_MAX_ENTRY_BYTES = 50 * MB;
/** Rows read beyond a caller's row limit before refusing: title and header rows, blank rows left in a template. */
const SPARE_ROWS = 1000;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Whether the bytes start like a zip (an .xlsx), not a CSV or an old binary .xls. */
export const isZip = (data: Buffer): boolean => data.length >= 4 && data.subarray(0, 4).equals(ZIP_MAGIC);

const badFile = () => new AppError(400, 'import.badFile', {}, 'file');
const tooLarge = (limit: number) => new AppError(400, 'import.tooLarge', { limit: limit / MB }, 'file');

/** Declared uncompressed bytes per entry name, from the central directory; refuses past the limits. */
async function declaredSizes(file: Buffer): Promise<Map<string, number>> {
  let files: unzipper.File[];
  try {
    files = (await unzipper.Open.buffer(file)).files;
  } catch {
    throw badFile();
  }
  const sizes = new Map<string, number>();
  let total = 0;
  for (const entry of files) {
    if (entry.uncompressedSize > SPREADSHEET_MAX_ENTRY_BYTES) throw tooLarge(SPREADSHEET_MAX_ENTRY_BYTES);
    total += entry.uncompressedSize;
    if (total > SPREADSHEET_MAX_EXPANDED_BYTES) throw tooLarge(SPREADSHEET_MAX_EXPANDED_BYTES);
    sizes.set(entry.path, (sizes.get(entry.path) ?? 0) + entry.uncompressedSize);
  }
  return sizes;
}

/**
 * Inflates every entry as exceljs will meet it (unzipper's sequential parser, over the local headers), keeping
 * nothing, and refuses an entry that yields more than the central directory declared for its name — the
 * declared sizes are only a claim. At most the declared total is inflated: about 0.1 s for a 20,000-row import.
 */
async function checkInflatedSizes(file: Buffer, declared: Map<string, number>): Promise<void> {
  const left = new Map(declared);
  const zip = unzipper.Parse({ forceStream: true });
  let entry: unzipper.Entry | undefined;
  // unzipper reports a corrupt deflate stream on the zip, not on the entry being read: end that read too
  zip.on('error', (error) => entry?.destroy(error));
  Readable.from(file).pipe(zip);
  try {
    for await (entry of zip as AsyncIterable<unzipper.Entry>) {
      let budget = left.get(entry.path) ?? 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        budget -= chunk.length;
        if (budget < 0) throw badFile();
      }
      left.set(entry.path, budget);
    }
  } catch (error) {
    throw error instanceof AppError ? error : badFile();
  } finally {
    zip.destroy();
  }
}

/** Refuses a workbook that declares, or actually holds, more than the limits, before its rows are read. */
export async function checkWorkbookSize(file: Buffer): Promise<void> {
  if (!isZip(file)) throw badFile();
  await checkInflatedSizes(file, await declaredSizes(file));
}

/** A cell's value as the text a person typed. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  // A code typed into a number cell comes back as a number; its digits are still what was typed.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  return '';
}

const READER_OPTIONS = {
  sharedStrings: 'cache',
  // number formats tell dates from numbers, as a whole-workbook load did
  styles: 'cache',
  hyperlinks: 'ignore',
  worksheets: 'emit',
  entries: 'ignore',
} as const;

/**
 * The worksheets of an uploaded .xlsx in file order, each an async iterable of its rows (exceljs streaming
 * rows: `values`, `number`, `eachCell`), after `checkWorkbookSize`. A sheet may be left early for the next.
 * Past `maxRows` rows (plus a few spare for headers and blank lines) in all: 400 import.tooManyRows.
 * A file exceljs cannot read: 400 import.badFile. Both name the field `file`.
 */
export async function* worksheets(file: Buffer, maxRows: number): AsyncGenerator<AsyncIterable<ExcelJS.Row>> {
  await checkWorkbookSize(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), READER_OPTIONS);
  let read = 0;
  async function* rows(sheet: AsyncIterable<ExcelJS.Row>): AsyncGenerator<ExcelJS.Row> {
    try {
      for await (const row of sheet) {
        if (++read > maxRows + SPARE_ROWS) throw new AppError(400, 'import.tooManyRows', { limit: maxRows }, 'file');
        yield row;
      }
    } catch (error) {
      throw error instanceof AppError ? error : badFile();
    }
  }
  try {
    for await (const sheet of reader) yield rows(sheet as unknown as AsyncIterable<ExcelJS.Row>);
  } catch (error) {
    throw error instanceof AppError ? error : badFile();
  }
}

/** The rows of the first worksheet, as `worksheets` reads them. */
export async function* firstWorksheetRows(file: Buffer, maxRows: number): AsyncGenerator<ExcelJS.Row> {
  for await (const sheet of worksheets(file, maxRows)) {
    yield* sheet;
    return;
  }
}
