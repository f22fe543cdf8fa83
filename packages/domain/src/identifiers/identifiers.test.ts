import { describe, expect, it } from 'vitest';
import {
  filterValues,
  handleKey,
  isValidHandle,
  normaliseValues,
  parseHandleUri,
  publicValues,
  sameValues,
  type HandleValue,
} from './handle.ts';
import { nextPrefixStatus } from './prefix.ts';
import { httpStatusFor, RC, snmsStatusFor } from './response-codes.ts';
import { chinaDay, nextChinaDayStart, statsCsv } from './statistics.ts';
import { parseCsv } from '../files/csv.ts';
import { uploadItem, uploadLayout } from './upload.ts';
import { checkTemplate, compileTemplate, type TemplateItem } from './template.ts';

const at = '2026-11-27T10:00:00Z';
const value = (index: number, type: string, v: string, permissions = '1110'): HandleValue => ({
  index,
  type,
  data: { format: 'string', value: v },
  ttl: 86400,
  timestamp: at,
  permissions,
  references: [],
});

describe('handles', () => {
  it('compares case-insensitively on an upper-cased ASCII key, leaving other scripts alone', () => {
    expect(handleKey('88.999.1/abc-Ä中')).toBe('88.999.1/ABC-Ä中');
  });
  it('accepts prefix/suffix handles and refuses the rest', () => {
    expect(isValidHandle('88.999.1/ABC:1')).toBe(true);
    for (const bad of ['88.999.1', '/x', '88..1/x', '88.999.1/', 'a\u0001/b', `88.1/${'x'.repeat(260)}`])
      expect(isValidHandle(bad)).toBe(false);
  });
  it('reads hdl:, info:hdl/ and https resolver URIs but not a bare handle', () => {
    expect(parseHandleUri('hdl:88.999.1/ABC')).toBe('88.999.1/ABC');
    expect(parseHandleUri('info:hdl/88.999.1/ABC')).toBe('88.999.1/ABC');
    expect(parseHandleUri('https://id.example.cn/88.999.1/A%20B')).toBe('88.999.1/A B');
    expect(parseHandleUri('https://id.example.cn/api/handles/88.999.1/ABC')).toBe('88.999.1/ABC');
    expect(parseHandleUri('88.999.1/ABC')).toBeNull();
  });
  it('filters by index and type as a union, type "URL." matching subtypes', () => {
    const values = [value(1, 'URL', 'a'), value(2, 'URL.alt', 'b'), value(3, 'EMAIL', 'c')];
    expect(filterValues(values, [3], ['url']).map((v) => v.index)).toEqual([1, 3]);
    expect(filterValues(values, [], ['URL.']).map((v) => v.index)).toEqual([1, 2]);
  });
  it('hides values without public read', () => {
    expect(publicValues([value(1, 'URL', 'a'), value(2001, 'secret', 'b', '1100')]).map((v) => v.index)).toEqual([1]);
  });
  it('normalises string data, defaults ttl and permissions, and names the first bad value', () => {
    const ok = normaliseValues(
      [
        { index: 1, type: 'URL', data: 'https://x' },
        { index: 300, type: 'HS_SECKEY', data: 'pw' },
      ],
      at,
    );
    expect(ok).toEqual({ values: [value(1, 'URL', 'https://x'), value(300, 'HS_SECKEY', 'pw', '1100')] });
    expect(normaliseValues([{ index: 1001, type: 'URL', data: 'a' }], at)).toEqual({ problem: { index: 1001, problem: 'badIndex' } });
    expect(
      normaliseValues(
        [
          { index: 1, type: 'X', data: 'a' },
          { index: 1, type: 'Y', data: 'b' },
        ],
        at,
      ),
    ).toEqual({ problem: { index: 1, problem: 'duplicateIndex' } });
    expect(normaliseValues([{ index: 2, type: 'X', data: { format: 'string', value: 5 } }], at)).toEqual({
      problem: { index: 2, problem: 'badData' },
    });
  });
  it('treats the same data with other timestamps as the same', () => {
    expect(sameValues([value(1, 'URL', 'a')], [{ ...value(1, 'URL', 'a'), timestamp: '2020-01-01T00:00:00Z' }])).toBe(true);
    expect(sameValues([value(1, 'URL', 'a')], [value(1, 'URL', 'b')])).toBe(false);
  });
});

describe('templates', () => {
  const items: TemplateItem[] = [
    { idIndex: 2000, type: 'name', name: '名称', required: true, public: true, metadata: { type: 'string', minLength: 1, maxLength: 10 } },
    { idIndex: 2001, type: 'weight', name: '重量', required: false, public: true, metadata: { type: 'number', minimum: 0 } },
    { idIndex: 2002, type: 'made', name: '生产日期', required: false, public: false, metadata: { type: 'date' } },
    { idIndex: 2003, type: 'batch', name: '批次', required: false, public: true, metadata: { type: 'string', pattern: '^B\\d+$' } },
  ];
  const base = {
    version: '1.0',
    industryCategory: 'C',
    industrySpecific: '34',
    industryTrade: '348',
    industrySubclass: '3484',
    type: 1 as const,
    description: '',
  };
  it('checks GB/T 4754 nesting and item indexes', () => {
    expect(checkTemplate({ ...base, items })).toEqual([]);
    const bad = checkTemplate({
      ...base,
      industryTrade: '351',
      items: [
        { ...items[0]!, idIndex: 1999 },
        { ...items[1]!, type: 'NAME', metadata: { type: 'string', pattern: '(' } },
      ],
    });
    expect(bad.map((p) => p.problem)).toEqual(['industry', 'itemIndex', 'duplicateType', 'badPattern']);
  });
  it('validates identifiers against the version: required, type, constraints', () => {
    const t = compileTemplate({ version: '1.0', items });
    expect(t.check([value(1, 'URL', 'x'), value(2000, 'name', '轴承')])).toBeNull();
    expect(t.check([value(2001, 'weight', '3')])).toEqual({ index: 2000, problem: 'missingRequired' });
    expect(t.check([value(2000, 'model', 'a')])).toEqual({ index: 2000, problem: 'typeMismatch' });
    expect(t.check([value(2000, 'name', 'a'), value(2001, 'weight', 'x')])).toEqual({ index: 2001, problem: 'notNumber' });
    expect(t.check([value(2000, 'name', 'a'), value(2001, 'weight', '-1')])).toEqual({ index: 2001, problem: 'belowMinimum' });
    expect(t.check([value(2000, 'name', 'a'), value(2002, 'made', '2026-13-45')])).toEqual({ index: 2002, problem: 'notDate' });
    expect(t.check([value(2000, 'name', 'a'.repeat(11))])).toEqual({ index: 2000, problem: 'tooLong' });
    expect(t.check([value(2000, 'name', 'a'), value(2003, 'batch', 'C1')])).toEqual({ index: 2003, problem: 'patternMismatch' });
    expect(t.check([value(2000, 'name', 'a'), value(2100, 'other', 'x')])).toEqual({ index: 2100, problem: 'notInTemplate' });
    expect(t.permissionsFor(2002)).toBe('1100');
  });
});

describe('prefix lifecycle', () => {
  it('moves only along the allowed transitions', () => {
    expect(nextPrefixStatus('pending', 'approve')).toBe('active');
    expect(nextPrefixStatus('active', 'suspend')).toBe('suspended');
    expect(nextPrefixStatus('suspended', 'reinstate')).toBe('active');
    expect(nextPrefixStatus('suspended', 'revoke')).toBe('revoked');
    expect(nextPrefixStatus('revoked', 'approve')).toBeNull();
    expect(nextPrefixStatus('active', 'approve')).toBeNull();
  });
});

describe('response codes', () => {
  it('maps Handle.Net response codes to HTTP statuses as Handle.Net does', () => {
    expect(
      [
        RC.success,
        RC.handleNotFound,
        RC.handleAlreadyExists,
        RC.invalidHandle,
        RC.invalidValue,
        RC.serverNotResponsible,
        RC.authenticationNeeded,
        RC.authenticationFailed,
        RC.error,
      ].map((c) => httpStatusFor(c)),
    ).toEqual([200, 404, 409, 400, 400, 400, 401, 403, 500]);
    expect(httpStatusFor(RC.success, { created: true })).toBe(201);
    expect(httpStatusFor(RC.valuesNotFound, { resolution: true })).toBe(200);
    expect(httpStatusFor(RC.valuesNotFound)).toBe(400);
    expect([RC.success, RC.authenticationNeeded, RC.insufficientPermissions, RC.handleNotFound, RC.error].map(snmsStatusFor)).toEqual([
      1, -1, -3, -2, -4,
    ]);
  });
});

describe('statistics', () => {
  it('counts in China days', () => {
    expect(chinaDay(Date.parse('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
    expect(chinaDay(Date.parse('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
    expect(nextChinaDayStart(Date.parse('2026-11-27T10:00:00Z'))).toBe(Date.parse('2026-11-27T16:00:00Z'));
  });
  it('writes RFC 4180 CSV', () => {
    expect(
      statsCsv([{ day: '2026-11-27', prefix: '88.999.1', creditCode: 'X', enterpriseName: 'A, "B"', registrations: 1, resolutions: 2 }]),
    ).toBe('day,prefix,credit_code,enterprise_name,registrations,resolutions\r\n2026-11-27,88.999.1,X,"A, ""B""",1,2\r\n');
  });
});

describe('file uploads', () => {
  const template = {
    items: [{ idIndex: 2000, type: 'name', name: '产品名称', required: true, public: true, metadata: { type: 'string' as const } }],
  };
  it('reads RFC 4180 CSV with quotes, BOM and blank lines', () => {
    expect(parseCsv('\ufeffhandle,name\r\nA1,"轴承, ""深沟"""\n\nA2,x\n')).toEqual([
      ['handle', 'name'],
      ['A1', '轴承, "深沟"'],
      ['A2', 'x'],
    ]);
  });
  it('maps columns by template type or label, URL to index 1, and suffixes under the prefix', () => {
    const layout = uploadLayout(['handle', '产品名称', 'URL'], template);
    expect(layout).toEqual({
      handleColumn: 0,
      columns: [
        { column: 1, index: 2000, type: 'name' },
        { column: 2, index: 1, type: 'URL' },
      ],
    });
    if ('problem' in layout) throw new Error('layout');
    expect(uploadItem(['A1', '轴承', ''], layout, '88.999.1')).toEqual({
      handle: '88.999.1/A1',
      values: [{ index: 2000, type: 'name', data: '轴承' }],
    });
    expect(uploadItem(['88.999.2/B', 'x', 'https://u'], layout, '88.999.1').handle).toBe('88.999.2/B');
    expect(uploadLayout(['name'], template)).toEqual({ problem: 'noHandleColumn' });
    expect(uploadLayout(['handle', 'colour'], template)).toEqual({ problem: 'unknownColumn', header: 'colour' });
  });
});
