import { describe, expect, it } from 'vitest';
import { matchesAny } from './patterns.ts';
import { compileQuery, QueryParameterProblem } from './query.ts';
import { preciseInstant } from './time.ts';

// The SimpleEventQuery compiler (EPCIS 2.0 §8.2.7.1), EPC patterns (TDS 2.0 §8) and exact instants.

describe('EPCIS query language', () => {
  it('keeps sub-millisecond digits of an instant and compares them as text', () => {
    expect(preciseInstant('2005-04-03T20:33:31.116000-06:00')).toBe('2005-04-04T02:33:31.116000000Z');
    expect(preciseInstant('2005-04-04T02:33:31.1161Z')! > preciseInstant('2005-04-04T02:33:31.116Z')!).toBe(true);
    expect(preciseInstant('yesterday')).toBeNull();
  });

  it('matches EPC patterns in URN and Digital Link form', () => {
    const gtin = matchesAny(['urn:epc:idpat:sgtin:0614141.107346.*']);
    expect(gtin('urn:epc:id:sgtin:0614141.107346.2017')).toBe(true);
    expect(gtin('https://example.com/01/10614141073464/21/2017')).toBe(true);
    expect(gtin('urn:epc:id:sgtin:0614141.107347.2017')).toBe(false);
    const company = matchesAny(['urn:epc:idpat:sgtin:0614141.*.*']);
    expect(company('https://id.gs1.org/01/70614141123451/21/2017')).toBe(true);
    expect(matchesAny(['urn:epc:idpat:sgln:0614141.*.*'])('urn:epc:id:sgln:0614141.00777.0')).toBe(true);
  });

  it('reads pipe-separated lists and refuses what the standard does not define', () => {
    const q = compileQuery({ EQ_disposition: 'in_transit|https://ref.gs1.org/cbv/Disp-in_progress' });
    expect(q.narrowing.dispositions).toEqual(['in_transit', 'in_progress']);
    expect(q.matches({ disposition: 'in_progress' }, {})).toBe(true);
    expect(() => compileQuery({ EQ_colour: 'red' })).toThrow(QueryParameterProblem);
    expect(() => compileQuery({ eventCountLimit: '1', maxEventCount: '1' })).toThrow(QueryParameterProblem);
    expect(compileQuery({ orderBy: 'recordTime' }).order).toEqual({ field: 'recordTime', direction: 'DESC' });
  });

  it('looks for MATCH_epc in epcList and childEPCs, not parentID', () => {
    const q = compileQuery({ MATCH_epc: 'urn:epc:id:sscc:0614141.1234567890' });
    expect(q.matches({ parentID: 'urn:epc:id:sscc:0614141.1234567890' }, {})).toBe(false);
    expect(
      compileQuery({ MATCH_parentID: 'urn:epc:id:sscc:0614141.1234567890' }).matches(
        { parentID: 'urn:epc:id:sscc:0614141.1234567890' },
        {},
      ),
    ).toBe(true);
  });
});
