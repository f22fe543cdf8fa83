import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv.ts';

describe('CSV', () => {
  it('round-trips quotes, commas, line breaks and Chinese text', () => {
    const rows = [['A1', '轴承, "深沟"\n第二行', '7']];
    expect(parseCsv(toCsv(['handle', 'name', 'n'], rows))).toEqual([['handle', 'name', 'n'], ...rows]);
  });
  it('neutralises text cells a spreadsheet would run as formulas, line breaks inside included', () => {
    const csv = toCsv(
      ['v'],
      [['=HYPERLINK("http://x","y")'], ["+cmd|' /C calc'!A0"], ['@SUM(A1:A2)'], ['-2+3'], ['\tx'], ['=1\n+2'], [-5]],
    );
    const cells = parseCsv(csv)
      .slice(1)
      .map((r) => r[0]);
    expect(cells.slice(0, 6).every((c) => c!.startsWith("'"))).toBe(true);
    // numbers are numbers, not formulas
    expect(cells[6]).toBe('-5');
  });
  it('skips blank lines and a BOM on reading', () => {
    expect(parseCsv('\ufeffa,b\r\n\r\n  ,  \nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
