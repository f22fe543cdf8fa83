import { describe, expect, it } from 'vitest';
import { handleFromIdentifier, identifierKey, productKeyOfInstance } from './epc-key.ts';
import { canonicalDigitalLink, digitalLinkFromEpcUrn, gs1CheckDigit } from './gs1.ts';

describe('GS1 keys', () => {
  it('computes the GS1 mod-10 check digit', () => {
    expect(gs1CheckDigit('0950600013435')).toBe('2'); // GTIN 09506000134352 (GS1 Digital Link examples)
    expect(gs1CheckDigit('7061414112345')).toBe('1'); // 70614141123451 in the EPCIS examples
    expect(gs1CheckDigit('061414112345')).toBe('2'); // GLN 0614141123452 (GS1 General Specifications)
  });

  it('turns EPC URNs into canonical Digital Link URIs', () => {
    expect(digitalLinkFromEpcUrn('urn:epc:id:sgtin:0614141.112345.400')).toBe('https://id.gs1.org/01/10614141123459/21/400');
    expect(digitalLinkFromEpcUrn('urn:epc:class:lgtin:4012345.012345.998877')).toBe('https://id.gs1.org/01/04012345123456/10/998877');
    expect(digitalLinkFromEpcUrn('urn:epc:idpat:sgtin:4012345.098765.*')).toBe('https://id.gs1.org/01/04012345987652');
    expect(digitalLinkFromEpcUrn('urn:epc:id:sscc:0614141.1234567890')).toBe('https://id.gs1.org/00/106141412345678908');
    expect(digitalLinkFromEpcUrn('urn:epc:id:sgln:0614141.12345.0')).toBe('https://id.gs1.org/414/0614141123452');
    expect(digitalLinkFromEpcUrn('urn:epc:id:sgln:0614141.12345.400')).toBe('https://id.gs1.org/414/0614141123452/254/400');
    expect(digitalLinkFromEpcUrn('urn:epc:id:sgtin:0614141.112345.A%2FB')).toBe('https://id.gs1.org/01/10614141123459/21/A%2FB');
    expect(digitalLinkFromEpcUrn('urn:epc:id:giai:0614141.12345')).toBeNull();
  });

  it('canonicalises Digital Link URIs on any host, with short GTINs, path prefixes and queries', () => {
    expect(canonicalDigitalLink('https://example.com/01/09506000134352/21/ABC?linkType=all')).toBe(
      'https://id.gs1.org/01/09506000134352/21/ABC',
    );
    expect(canonicalDigitalLink('https://brand.example/products/01/9506000134352/10/L1')).toBe(
      'https://id.gs1.org/01/09506000134352/10/L1',
    );
    expect(canonicalDigitalLink('01/09506000134352/21/ABC')).toBe('https://id.gs1.org/01/09506000134352/21/ABC');
    expect(canonicalDigitalLink('https://id.gs1.org/01/09506000134353/21/ABC')).toBeNull(); // wrong check digit
    expect(canonicalDigitalLink('https://example.com/about')).toBeNull();
    expect(canonicalDigitalLink('88.999.1/00/x')).toBeNull();
  });
});

describe('identifier keys', () => {
  it('gives every form of a handle the same upper-cased key', () => {
    const forms = [
      'hdl:88.999.1/abc-1',
      'info:hdl/88.999.1/ABC-1',
      'https://id.zhizao.example/88.999.1/Abc-1',
      'http://127.0.0.1:3000/api/handles/88.999.1/abc-1',
      ' 88.999.1/ABC-1 ',
    ];
    expect(new Set(forms.map((f) => identifierKey(f).key))).toEqual(new Set(['hdl:88.999.1/ABC-1']));
    expect(identifierKey('hdl:88.999.1/abc-1')).toEqual({ key: 'hdl:88.999.1/ABC-1', kind: 'handle', handle: '88.999.1/abc-1' });
    expect(identifierKey('https://node.example/88.999.1/%E6%B3%B5')).toMatchObject({ handle: '88.999.1/泵' });
  });

  it('reads a handle whose suffix looks like a GS1 path as a handle', () => {
    expect(identifierKey('https://node.example/88.999.1/00/123')).toMatchObject({ kind: 'handle', key: 'hdl:88.999.1/00/123' });
  });

  it('matches an SGTIN URN and the same item as a Digital Link', () => {
    const urn = identifierKey('urn:epc:id:sgtin:0614141.112345.400');
    const link = identifierKey('https://shop.example/01/10614141123459/21/400');
    expect(urn).toEqual(link);
    expect(urn.kind).toBe('gs1');
  });

  it('leaves other URIs as sent and is not fooled by non-handles', () => {
    expect(identifierKey('urn:uuid:1c1d0f3e-1f5a-4a4b-9d3f-000000000001')).toEqual({
      key: 'urn:uuid:1c1d0f3e-1f5a-4a4b-9d3f-000000000001',
      kind: 'other',
      handle: null,
    });
    expect(handleFromIdentifier('https://example.com/about/us')).toBeNull();
    expect(handleFromIdentifier('mailto:a@b.c')).toBeNull();
    expect(handleFromIdentifier('88.999.1/')).toBeNull();
    expect(handleFromIdentifier('ABC/123')).toBeNull();
  });

  it('counts a serialised GTIN under its product, lot kept', () => {
    expect(productKeyOfInstance('urn:epc:id:sgtin:0614141.112345.400')).toBe('https://id.gs1.org/01/10614141123459');
    expect(productKeyOfInstance('https://id.gs1.org/01/09506000134352/10/L1/21/7')).toBe('https://id.gs1.org/01/09506000134352/10/L1');
    expect(productKeyOfInstance('hdl:88.999.1/pump-7')).toBe('hdl:88.999.1/PUMP-7');
  });
});
