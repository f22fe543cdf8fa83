import { describe, expect, it } from 'vitest';
import { cbvWord, eventIdentifiers, sourceLocation, summariseEvent } from './events.ts';

describe('EPCIS event summaries', () => {
  it('reduces CBV vocabulary URIs of every generation to the bare word, leaving other URIs alone', () => {
    expect(cbvWord('bizStep', 'urn:epcglobal:cbv:bizstep:shipping')).toBe('shipping');
    expect(cbvWord('bizStep', 'https://ref.gs1.org/cbv/BizStep-receiving')).toBe('receiving');
    expect(cbvWord('disposition', 'https://gs1.org/voc/Disp-in_transit')).toBe('in_transit');
    expect(cbvWord('bizStep', 'https://example.com/steps/painting')).toBe('https://example.com/steps/painting');
  });

  it('names every identifier of an event once per role, keyed for lookup, locations apart from objects', () => {
    const event = {
      type: 'AggregationEvent',
      parentID: 'urn:epc:id:sscc:0614141.1234567890',
      childEPCs: ['hdl:88.999.1/a', 'https://node.example/88.999.1/A'],
      childQuantityList: [{ epcClass: 'urn:epc:idpat:sgtin:4012345.098765.*', quantity: 10 }],
      bizLocation: { id: 'urn:zhizao:location:A-01' },
      sourceList: [
        { type: 'urn:epcglobal:cbv:sdt:location', source: 'urn:zhizao:location:DOCK' },
        { type: 'owning_party', source: 'urn:epc:id:pgln:0614141.00001' },
      ],
    };
    expect(eventIdentifiers(event)).toEqual([
      { key: 'https://id.gs1.org/00/106141412345678908', role: 'parent' },
      { key: 'hdl:88.999.1/A', role: 'child' },
      { key: 'https://id.gs1.org/01/04012345987652', role: 'class' },
      { key: 'urn:zhizao:location:A-01', role: 'location' },
      { key: 'urn:zhizao:location:DOCK', role: 'source' },
    ]);
    expect(sourceLocation(event)).toBe('urn:zhizao:location:DOCK');
  });

  it('summarises what the server indexes, without reading anything else', () => {
    expect(
      summariseEvent({
        type: 'ObjectEvent',
        eventID: 'ni:///x',
        action: 'OBSERVE',
        bizStep: 'urn:epcglobal:cbv:bizstep:shipping',
        eventTime: '2026-01-01T08:00:00+08:00',
        eventTimeZoneOffset: '+08:00',
        readPoint: { id: 'urn:epc:id:sgln:0614141.12345.0' },
      }),
    ).toEqual({
      type: 'ObjectEvent',
      eventId: 'ni:///x',
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: null,
      eventTime: '2026-01-01T00:00:00.000Z',
      eventTimeZoneOffset: '+08:00',
      readPoint: 'https://id.gs1.org/414/0614141123452',
      bizLocation: null,
    });
  });
});
