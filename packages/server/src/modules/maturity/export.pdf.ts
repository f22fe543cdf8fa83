import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { ReportDocument, ReportSection, ReportTable } from './export.content.ts';

// The report as a PDF. The CJK font comes from an npm package the project installs (Noto Sans SC as
// OTF, @embedpdf/fonts-sc, SIL OFL 1.1), so the PDF never depends on the fonts of the machine;
// pdfkit embeds only the glyphs used (a subset), which keeps the file small.

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    regular: fs.readFileSync(path.join(FONT_DIR, 'NotoSansHans-Regular.otf')),
    bold: fs.readFileSync(path.join(FONT_DIR, 'NotoSansHans-Bold.otf')),
  };
  return fonts;
}

const MARGIN = 48;
const INK = '#1f1f1f';
const MUTED = '#595959';
const LINE = '#bfbfbf';
const HEAD_FILL = '#e8eef7';
const ACCENT = '#1f5fbf';

type Doc = InstanceType<typeof PDFDocument>;

export function reportPdf(report: ReportDocument): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: report.title, Author: 'Zhizao', Creator: 'Zhizao' } });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(18).fillColor(INK).text(report.title, { align: 'center' });
  doc.moveDown(0.8);
  for (const [label, value] of report.facts) {
    doc
      .font('bold')
      .fontSize(10.5)
      .fillColor(INK)
      .text(label + report.colon, { continued: true })
      .font('regular')
      .text(value);
  }
  doc.moveDown(0.5);
  for (const n of report.notices) doc.font('regular').fontSize(9).fillColor('#8a5a00').text(n).moveDown(0.2);
  for (const s of report.sections) section(doc, s);
  doc.end();
  return done;
}

const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;
const bottom = (doc: Doc) => doc.page.height - MARGIN;

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function section(doc: Doc, s: ReportSection): void {
  ensureSpace(doc, 80);
  doc.moveDown(1);
  doc.x = MARGIN;
  doc
    .font('bold')
    .fontSize(13)
    .fillColor(ACCENT)
    .text(s.heading, MARGIN, doc.y, { width: contentWidth(doc) });
  if (s.note)
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(MUTED)
      .text(s.note, { width: contentWidth(doc) });
  doc.moveDown(0.4);
  if (s.radar && s.radar.length >= 3) radar(doc, s.radar);
  if (s.table.rows.length) table(doc, s.table);
}

/** The domain scores as a radar: one axis per domain, rings at 0.2 … 1, the pass threshold 0.8 dashed. */
function radar(doc: Doc, points: { label: string; score: number | null }[]): void {
  const size = 270;
  ensureSpace(doc, size);
  const cx = MARGIN + contentWidth(doc) / 2;
  const cy = doc.y + size / 2;
  const r = 92;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / points.length;
  const at = (i: number, v: number): [number, number] => [cx + r * v * Math.cos(angle(i)), cy + r * v * Math.sin(angle(i))];
  doc.save().lineWidth(0.5).strokeColor(LINE);
  for (const ring of [0.2, 0.4, 0.6, 0.8, 1]) {
    const [x0, y0] = at(0, ring);
    doc.moveTo(x0, y0);
    for (let i = 1; i < points.length; i++) doc.lineTo(...at(i, ring));
    doc.closePath();
    if (ring === 0.8) doc.dash(3, { space: 2 }).stroke().undash();
    else doc.stroke();
  }
  points.forEach((_, i) =>
    doc
      .moveTo(cx, cy)
      .lineTo(...at(i, 1))
      .stroke(),
  );
  const [sx, sy] = at(0, points[0]!.score ?? 0);
  doc.moveTo(sx, sy);
  points.forEach((p, i) => i > 0 && doc.lineTo(...at(i, p.score ?? 0)));
  doc.closePath().fillOpacity(0.25).fillAndStroke(ACCENT, ACCENT);
  doc.fillOpacity(1).restore();
  doc.font('regular').fontSize(8).fillColor(INK);
  points.forEach((p, i) => {
    const [x, y] = at(i, 1.18);
    const text = `${p.label} ${p.score === null ? '—' : p.score.toFixed(2)}`;
    const w = Math.min(doc.widthOfString(text), 110);
    const cos = Math.cos(angle(i));
    const left = Math.abs(cos) < 0.2 ? x - w / 2 : cos > 0 ? x : x - w;
    doc.text(text, left, y - 5, { width: w + 2, lineBreak: false, ellipsis: true });
  });
  doc.x = MARGIN;
  doc.y = cy + size / 2 + 4;
}

function table(doc: Doc, t: ReportTable): void {
  const width = contentWidth(doc);
  const total = t.widths.reduce((s, w) => s + w, 0);
  const widths = t.widths.map((w) => (w / total) * width);
  const pad = 4;
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(8.5);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], header: boolean) => {
    const font = header ? 'bold' : 'regular';
    const h = rowHeight(cells, font);
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      if (!header) drawRow(t.columns, true);
    }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      const w = widths[i]!;
      if (header) doc.save().rect(x, y, w, h).fill(HEAD_FILL).restore();
      doc.save().lineWidth(0.5).strokeColor(LINE).rect(x, y, w, h).stroke().restore();
      if (!header && BAR.test(c)) scoreBar(doc, x + pad, y + pad + 1, w - 2 * pad, c);
      else
        doc
          .font(font)
          .fontSize(8.5)
          .fillColor(INK)
          .text(c, x + pad, y + pad, { width: w - 2 * pad });
      x += w;
    });
    doc.x = MARGIN;
    doc.y = y + h;
  };
  // the header never stays alone at the foot of a page
  if (doc.y + rowHeight(t.columns, 'bold') + rowHeight(t.rows[0] ?? [], 'regular') > bottom(doc)) doc.addPage();
  drawRow(t.columns, true);
  for (const r of t.rows) drawRow(r, false);
}

/** A text bar of the content model (█ filled, ░ empty) drawn as a filled bar. */
const BAR = /^[█░]+$/;
function scoreBar(doc: Doc, x: number, y: number, width: number, cells: string): void {
  const filled = [...cells].filter((c) => c === '█').length / [...cells].length;
  doc
    .save()
    .rect(x, y, width, 8)
    .fill('#eef1f5')
    .rect(x, y, width * filled, 8)
    .fill(ACCENT)
    .restore();
}
