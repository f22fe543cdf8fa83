import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, crc32, createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';

// Hostile .xlsx files for the upload tests: a real workbook whose first worksheet is replaced by a long run of
// XML, deflated as it is generated. The zip around it is written here rather than by exceljs's streaming
// writer, which takes 4 s and 450 MB to write 260 MB — in the very process whose memory the tests measure —
// and because a lying bomb needs sizes no zip library would write.

const SHEET = 'xl/worksheets/sheet1.xml';
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

interface Entry {
  name: string;
  crc: number;
  compressed: Buffer;
  size: number;
}

async function deflated(name: string, chunks: Iterable<Buffer>): Promise<Entry> {
  let crc = 0;
  let size = 0;
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(
      (function* () {
        for (const chunk of chunks) {
          crc = crc32(chunk, crc);
          size += chunk.length;
          yield chunk;
        }
      })(),
    ),
    createDeflateRaw({ level: constants.Z_BEST_COMPRESSION }),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        out.push(chunk);
        done();
      },
    }),
  );
  return { name, crc, size, compressed: Buffer.concat(out) };
}

/** A zip of these entries, no data descriptors; `declare` overrides the uncompressed size its headers claim. */
function zip(entries: Entry[], declare: (entry: Entry) => number = (e) => e.size): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed
    common.writeUInt16LE(0x0800, 2); // UTF-8 names
    common.writeUInt16LE(8, 4); // deflate
    common.writeUInt32LE(0, 6); // time and date
    common.writeUInt32LE(entry.crc, 10);
    common.writeUInt32LE(entry.compressed.length, 14);
    common.writeUInt32LE(declare(entry), 18);
    common.writeUInt16LE(name.length, 22);
    common.writeUInt16LE(0, 24); // no extra field
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, name]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    common.copy(central, 6);
    // comment length, disk, attributes stay 0
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    parts.push(local, entry.compressed);
    offset += local.length + entry.compressed.length;
  }
  const centralBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, centralBytes, end]);
}

/** The entries of a one-sheet workbook exceljs wrote, except its worksheet. */
async function workbookEntries(): Promise<Entry[]> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').addRow(['x']);
  const files = (await unzipper.Open.buffer(Buffer.from(await workbook.xlsx.writeBuffer()))).files;
  const entries: Entry[] = [];
  for (const file of files.filter((f) => f.path !== SHEET)) entries.push(await deflated(file.path, [await file.buffer()]));
  return entries;
}

function* repeated(row: string, bytes: number): Generator<Buffer> {
  yield Buffer.from(SHEET_HEAD);
  const block = Buffer.from(row.repeat(Math.ceil((64 * 1024) / row.length)));
  for (let written = 0; written < bytes; written += block.length) yield block;
  yield Buffer.from(SHEET_TAIL);
}

const BOMB_ROW =
  '<row><c t="inlineStr"><is><t>91371002MA3C00000X</t></is></c><c t="inlineStr"><is><t>威海测试精密机械制造有限公司</t></is></c>' +
  '<c t="inlineStr"><is><t>环翠区</t></is></c><c><v>2024</v></c><c><v>1000000</v></c></row>';

/**
 * A workbook whose worksheet is `bytes` of identical rows: what the 893 KB file did with 261 MB.
 * `lying`: its headers declare the worksheet as 10 KB.
 */
export async function zipBomb(bytes: number, options: { lying?: boolean } = {}): Promise<Buffer> {
  const entries = [...(await workbookEntries()), await deflated(SHEET, repeated(BOMB_ROW, bytes))];
  return zip(entries, (e) => (options.lying && e.name === SHEET ? 10_000 : e.size));
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A workbook of this header row and then `rows` blank rows: small even unzipped, but every import skips blank
 * rows, so only a limit on the rows read stops it.
 */
export async function blankRowFlood(header: readonly string[], rows: number): Promise<Buffer> {
  function* sheet(): Generator<Buffer> {
    // columns A to Z are enough for any template here
    const cells = header.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${xmlText(h)}</t></is></c>`).join('');
    yield Buffer.from(`${SHEET_HEAD}<row r="1">${cells}</row>`);
    for (let from = 2; from <= rows + 1; from += 1000) {
      let block = '';
      for (let r = from; r < Math.min(from + 1000, rows + 2); r++) block += `<row r="${r}"/>`;
      yield Buffer.from(block);
    }
    yield Buffer.from(SHEET_TAIL);
  }
  return zip([...(await workbookEntries()), await deflated(SHEET, sheet())]);
}
