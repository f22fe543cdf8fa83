import { describe, expect, it } from 'vitest';
import { summariseEvent } from './events.ts';
import { deriveStock, stockDeltas } from './stock.ts';
import { locationKey, locationUri, warehouseFlowEvent, warehouseFlowProblems, type WarehouseFlowInput } from './warehouse.ts';

const NOW = '2026-11-27T08:00:00.000Z';
let n = 0;
const flow = (input: WarehouseFlowInput) =>
  warehouseFlowEvent(input, `urn:uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, NOW);
const PUMP = '88.999.1/PUMP-X200';
const PUMP_KEY = 'hdl:88.999.1/PUMP-X200';
const DOCK = locationUri('DOCK-1')!;
const A1 = locationUri('A-01')!;
const PICK = locationUri('PICK')!;

describe('stock derived from warehouse events', () => {
  it('receives at the dock, stores to a shelf, picks and ships, leaving what was not shipped', () => {
    const events = [
      flow({ step: 'receiving', product: PUMP, quantity: 100, to: 'DOCK-1' }),
      flow({ step: 'storing', product: PUMP, quantity: 80, from: 'DOCK-1', to: 'A-01' }),
      flow({ step: 'picking', product: PUMP, quantity: 30, from: 'A-01', to: 'PICK' }),
      flow({ step: 'shipping', product: PUMP, quantity: 25, from: 'PICK' }),
    ];
    expect(deriveStock(events)).toEqual([
      { location: A1, product: PUMP_KEY, uom: '', quantity: 50 },
      { location: DOCK, product: PUMP_KEY, uom: '', quantity: 20 },
      { location: PICK, product: PUMP_KEY, uom: '', quantity: 5 },
    ]);
  });

  it('keeps units apart and adds decimals exactly', () => {
    const events = [0.1, 0.2, 0.7].map((q) =>
      flow({ step: 'receiving', product: 'hdl:88.999.1/STEEL', quantity: q, uom: 'KGM', to: 'DOCK-1' }),
    );
    events.push(flow({ step: 'receiving', product: 'hdl:88.999.1/STEEL', quantity: 2, to: 'DOCK-1' }));
    expect(deriveStock(events)).toEqual([
      { location: DOCK, product: 'hdl:88.999.1/STEEL', uom: '', quantity: 2 },
      { location: DOCK, product: 'hdl:88.999.1/STEEL', uom: 'KGM', quantity: 1 },
    ]);
  });

  it('counts serialised items under their GTIN and transforms inputs into outputs at the location', () => {
    const received = {
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'urn:epcglobal:cbv:bizstep:receiving',
      eventTime: NOW,
      eventTimeZoneOffset: '+08:00',
      epcList: ['urn:epc:id:sgtin:0614141.112345.1', 'https://id.gs1.org/01/10614141123459/21/2'],
      bizLocation: { id: 'urn:epc:id:sgln:0614141.12345.0' },
    };
    const kitted = {
      type: 'TransformationEvent',
      eventTime: NOW,
      eventTimeZoneOffset: '+08:00',
      bizLocation: { id: 'urn:epc:id:sgln:0614141.12345.0' },
      inputEPCList: ['urn:epc:id:sgtin:0614141.112345.1'],
      outputQuantityList: [{ epcClass: 'hdl:88.999.1/KIT', quantity: 1 }],
    };
    expect(deriveStock([received, kitted])).toEqual([
      { location: 'https://id.gs1.org/414/0614141123452', product: 'hdl:88.999.1/KIT', uom: '', quantity: 1 },
      { location: 'https://id.gs1.org/414/0614141123452', product: 'https://id.gs1.org/01/10614141123459', uom: '', quantity: 1 },
    ]);
  });

  it('leaves stock alone for other steps, DELETE actions and moves without locations', () => {
    const base = {
      type: 'ObjectEvent',
      eventTime: NOW,
      eventTimeZoneOffset: '+08:00',
      quantityList: [{ epcClass: 'hdl:88.999.1/X', quantity: 5 }],
      bizLocation: { id: DOCK },
    };
    expect(stockDeltas({ ...base, action: 'OBSERVE', bizStep: 'inspecting' })).toEqual([]);
    expect(stockDeltas({ ...base, action: 'DELETE', bizStep: 'receiving' })).toEqual([]);
    expect(stockDeltas({ ...base, action: 'OBSERVE', bizStep: 'shipping' })).toEqual([]);
    expect(stockDeltas({ ...base, action: 'OBSERVE', bizStep: 'https://ref.gs1.org/cbv/BizStep-receiving' })).toEqual([
      { location: DOCK, product: 'hdl:88.999.1/X', uom: '', micro: 5_000_000 },
    ]);
  });
});

describe('warehouse flow form', () => {
  it('names the missing or wrong fields', () => {
    expect(warehouseFlowProblems({ step: 'storing', product: 'not an id', quantity: 1, from: 'A-01', to: 'A-01' })).toEqual([
      { field: 'product', key: 'traceability.productInvalid' },
      { field: 'to', key: 'traceability.sameLocation' },
    ]);
    expect(warehouseFlowProblems({ step: 'receiving', product: PUMP, quantity: 1 })).toEqual([
      { field: 'to', key: 'traceability.locationRequired' },
    ]);
    expect(warehouseFlowProblems({ step: 'shipping', product: PUMP, quantity: 1, from: 'bad code!' })).toEqual([
      { field: 'from', key: 'traceability.locationInvalid' },
    ]);
    expect(
      warehouseFlowProblems({
        step: 'picking',
        product: 'urn:epc:idpat:sgtin:4012345.098765.*',
        quantity: 1,
        from: 'A-01',
        to: 'urn:epc:id:sgln:0614141.12345.0',
      }),
    ).toEqual([]);
  });

  it('builds a CBV ObjectEvent with the product as hdl: URI and the move as sourceList/bizLocation', () => {
    const event = warehouseFlowEvent(
      { step: 'storing', product: 'https://node.example/88.999.1/PUMP-X200', quantity: 3, uom: 'EA', from: 'DOCK-1', to: 'A-01' },
      'urn:uuid:x',
      NOW,
    );
    expect(event).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'storing',
      eventTimeZoneOffset: '+08:00',
      bizLocation: { id: A1 },
      sourceList: [{ type: 'location', source: DOCK }],
      quantityList: [{ epcClass: 'hdl:88.999.1/PUMP-X200', quantity: 3, uom: 'EA' }],
    });
    expect(event).not.toHaveProperty('bizTransactionList');
    const ordered = warehouseFlowEvent(
      { step: 'receiving', product: PUMP, quantity: 1, to: 'DOCK-1', bizTransaction: 'PO-2026-001' },
      'urn:uuid:y',
      NOW,
    );
    expect(ordered.bizTransactionList).toEqual([{ type: 'po', bizTransaction: 'urn:zhizao:po:PO-2026-001' }]);
    expect(warehouseFlowProblems({ step: 'receiving', product: PUMP, quantity: 1, to: 'DOCK-1', bizTransaction: 'PO 1' })).toEqual([
      { field: 'bizTransaction', key: 'traceability.referenceInvalid' },
    ]);
    expect(summariseEvent(event)).toMatchObject({
      bizStep: 'storing',
      disposition: 'sellable_not_accessible',
      eventTime: NOW,
      bizLocation: A1,
      readPoint: A1,
    });
  });

  it('keys a location typed as a code or as a URI', () => {
    expect(locationKey('A-01')).toBe(A1);
    expect(locationKey(A1)).toBe(A1);
    expect(locationKey('urn:epc:id:sgln:0614141.12345.0')).toBe('https://id.gs1.org/414/0614141123452');
  });

  it('reads event times with offsets and microseconds as UTC', () => {
    expect(summariseEvent({ type: 'ObjectEvent', eventTime: '2005-04-03T20:33:31.116000-06:00' }).eventTime).toBe(
      '2005-04-04T02:33:31.116Z',
    );
  });
});
