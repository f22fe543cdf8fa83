import { describe, expect, it } from 'vitest';
import { parseDigitalLink } from './digital-link.ts';
import { decompressDigitalLink, parseDigitalLinkStrict } from './digital-link-toolkit.ts';

// Examples from GS1 Digital Link: URI Syntax 1.4 and GS1's resolver test material; check digits computed by hand
// (GS1 General Specifications §7.9.1): GTIN 09506000134352, GLN 9521321000018, SSCC 106141412345678908.

const codeOf = (path: string, query = '') => {
  const r = parseDigitalLinkStrict(path, query);
  return r.ok ? 'ok' : r.problem.code;
};

describe('GS1 Digital Link path validation', () => {
  it('accepts every primary key with a valid value', () => {
    for (const path of [
      '/01/09506000134352',
      '/00/106141412345678908',
      '/414/9521321000018',
      '/417/9521321000018',
      '/8006/095060001343520102',
      '/8013/MODEL-1',
      '/8010/CP1%2FA',
      '/8017/095060001343522226',
      '/8004/9521321ASSET1',
      '/253/9521321000018DOC1',
      '/8003/09521321000018S1',
      '/401/9521321ABC',
      '/402/95213210000000018',
      '/255/9521321000018',
    ])
      expect([path, codeOf(path)]).toEqual([path, 'ok']);
  });

  it('refuses a wrong check digit on every key that has one', () => {
    for (const path of ['/01/09506000134353', '/00/106141412345678907', '/414/9521321000019', '/8017/095060001343522225'])
      expect([path, codeOf(path)]).toEqual([path, 'resolver.checkDigit']);
  });

  it('takes the qualifiers of a key in the standard order, each optional (01: 22 → 10 → 21; 414: 254)', () => {
    expect(codeOf('/01/09506000134352/10/LOT1/21/SER1')).toBe('ok'); // the pharma QR code
    expect(codeOf('/01/09506000134352/21/SER1')).toBe('ok');
    expect(codeOf('/01/09506000134352/22/V1/10/LOT1/21/SER1')).toBe('ok');
    expect(codeOf('/01/09506000134352/235/TPX1')).toBe('ok');
    expect(codeOf('/414/9521321000018/254/5')).toBe('ok');
    expect(codeOf('/01/09506000134352/21/SER1/10/LOT1')).toBe('resolver.qualifierOrder');
    expect(codeOf('/01/09506000134352/10/A/10/B')).toBe('resolver.qualifierOrder');
    expect(codeOf('/01/09506000134352/21/S/235/T')).toBe('resolver.qualifierOrder');
    expect(codeOf('/00/106141412345678908/21/1')).toBe('resolver.qualifierNotAllowed');
    expect(codeOf('/414/9521321000018/10/LOT')).toBe('resolver.qualifierNotAllowed');
  });

  it('checks each value against its AI syntax', () => {
    expect(codeOf('/01/09506000134')).toBe('resolver.valueSyntax'); // 11 digits: no GTIN
    expect(codeOf('/01/ABC')).toBe('resolver.valueSyntax');
    expect(codeOf('/01/09506000134352/10/ABCDEFGHIJKLMNOPQRSTU')).toBe('resolver.valueSyntax'); // 21 > 20
    expect(codeOf('/01/09506000134352/21/a%20b')).toBe('resolver.valueSyntax'); // space is not in the 82 characters
    expect(codeOf('/8011/1')).toBe('resolver.unknownKey');
    expect(codeOf('/01')).toBe('resolver.notDigitalLink');
  });

  it('pads GTIN-8/12/13 to 14 digits and keeps the query attributes and other parameters', () => {
    const r = parseDigitalLinkStrict('/01/9506000134352/21/A%2FB', '17=261231&linkType=gs1:pip&custom=1');
    expect(r).toEqual({
      ok: true,
      link: {
        key: { ai: '01', value: '09506000134352' },
        qualifiers: [{ ai: '21', value: 'A/B' }],
        attributes: [{ ai: '17', value: '261231' }],
        other: [
          ['linkType', 'gs1:pip'],
          ['custom', '1'],
        ],
        path: '/01/09506000134352/21/A%2FB',
      },
    });
    expect(codeOf('/01/09506000134352', '17=2612')).toBe('resolver.attributeSyntax');
    // without the AI table, a numeric parameter is just kept
    expect(parseDigitalLink('/01/09506000134352', '17=2612')).toMatchObject({ ok: true, link: { other: [['17', '2612']] } });
  });

  it('decodes compressed links (GS1 Digital Link: Compression) and leaves others alone', () => {
    expect(decompressDigitalLink('/CxFKk4XBoIdXhCxrsMg')).toEqual({ path: '/01/09506000134352/10/ABC/21/XYZ', query: '' });
    expect(decompressDigitalLink('/01/09506000134352/10/ABC')).toBeNull();
    expect(decompressDigitalLink('/zzzz')).toBeNull();
  });
});
