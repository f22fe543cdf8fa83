import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportDocument, ReportTable } from './export.content.ts';

// The report as a Word document (.docx). Chinese text uses the fonts every Chinese Word has; the
// radar is a PDF-only drawing, here the domain table carries a text bar instead.

const FONT = { ascii: 'Arial', eastAsia: 'Microsoft YaHei', hAnsi: 'Arial' };
const border = { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' };
const borders = { top: border, bottom: border, left: border, right: border };

const run = (text: string, options: { bold?: boolean; size?: number; color?: string } = {}) =>
  new TextRun({ text, font: FONT, size: options.size ?? 20, bold: options.bold, color: options.color });

function table(t: ReportTable): Table {
  const total = t.widths.reduce((s, w) => s + w, 0);
  const percent = t.widths.map((w) => Math.round((w / total) * 100));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: percent[i]!, type: WidthType.PERCENTAGE },
      borders,
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF7' } : undefined,
      children: [new Paragraph({ children: [run(text, { bold: header, size: 18 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.columns.map((c, i) => cell(c, i, true)) }),
      ...t.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [run(doc.title, { bold: true, size: 36 })] }),
    ...doc.facts.map(([label, value]) => new Paragraph({ children: [run(`${label}${doc.colon}`, { bold: true }), run(value)] })),
    ...doc.notices.map((n) => new Paragraph({ spacing: { before: 120 }, children: [run(n, { size: 18, color: '8A5A00' })] })),
  ];
  for (const s of doc.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: 360, after: 120 },
        children: [run(s.heading, { bold: true, size: 26 })],
      }),
    );
    if (s.note) children.push(new Paragraph({ spacing: { after: 120 }, children: [run(s.note, { size: 18, color: '595959' })] }));
    if (s.table.rows.length) children.push(table(s.table));
  }
  const document = new Document({ creator: 'Zhizao', title: doc.title, sections: [{ children }] });
  return Packer.toBuffer(document);
}
