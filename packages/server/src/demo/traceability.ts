import { randomUUID } from 'node:crypto';
import { CHINA_TIME_ZONE_OFFSET, EPCIS_CONTEXT, warehouseFlowEvent, type EpcisEvent, type WarehouseFlowInput } from '@zhizao/domain';
import type { Tx } from '../db/database.ts';
import { activePrefixesOf, pageUnderPrefix } from '../modules/identifiers/repo.ts';
import { prepareCapture, storeCapture } from '../modules/identifiers/traceability/capture.service.ts';
import { DEMO_OWN_ENTERPRISE } from './enterprises.ts';

/**
 * Traceability demo: for the demo enterprise's first identifiers (seeded before this by demo/identifiers.ts), a
 * product history — commissioning on the line, inspection, then receiving, storing, picking and shipping in its
 * warehouse — captured as one EPCIS document through the API's storage (demo/traceability.test.ts holds it valid
 * under GS1's schema), so the trace page, the event list and the stock page have something to show. Seeds nothing
 * when no identifier exists yet.
 */
export async function seedDemoTraceability(tx: Tx, at: string): Promise<Record<string, number>> {
  const enterprise = await tx
    .selectFrom('enterprise')
    .select('id')
    .where('creditCode', '=', DEMO_OWN_ENTERPRISE.creditCode)
    .executeTakeFirst();
  if (!enterprise) return {};
  const [prefix] = await activePrefixesOf(tx, enterprise.id);
  const handles = prefix ? (await pageUnderPrefix(tx, prefix, 0, 5)).map((r) => r.handle) : [];
  if (handles.length === 0) return {};

  const day = 86_400_000;
  const time = (daysAgo: number, hour: number) => new Date(Date.parse(at) - daysAgo * day + hour * 3_600_000).toISOString();
  const events: EpcisEvent[] = [];
  handles.forEach((handle, i) => {
    const line = `urn:zhizao:location:LINE-${i + 1}`;
    const product = {
      epcList: [`hdl:${handle}`],
      eventTimeZoneOffset: CHINA_TIME_ZONE_OFFSET,
      readPoint: { id: line },
      bizLocation: { id: line },
    };
    events.push({
      type: 'ObjectEvent',
      eventID: `urn:uuid:${randomUUID()}`,
      eventTime: time(45 - i, 1),
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      ...product,
    });
    events.push({
      type: 'ObjectEvent',
      eventID: `urn:uuid:${randomUUID()}`,
      eventTime: time(44 - i, 2),
      action: 'OBSERVE',
      bizStep: 'inspecting',
      disposition: 'in_progress',
      ...product,
    });
    const quantity = 120 + 40 * i;
    const flows: [WarehouseFlowInput, number][] = [
      [{ step: 'receiving', product: handle, quantity, to: 'WH1-DOCK', bizTransaction: `PO-2026-${String(101 + i)}` }, 30 - i],
      [{ step: 'storing', product: handle, quantity: quantity - 20, from: 'WH1-DOCK', to: `WH1-A0${(i % 3) + 1}` }, 29 - i],
      [{ step: 'picking', product: handle, quantity: 30 + 5 * i, from: `WH1-A0${(i % 3) + 1}`, to: 'WH1-PICK' }, 8 - i],
      [{ step: 'shipping', product: handle, quantity: 25 + 5 * i, from: 'WH1-PICK' }, 7 - i],
    ];
    for (const [flow, daysAgo] of flows) {
      const event = warehouseFlowEvent(flow, `urn:uuid:${randomUUID()}`, time(daysAgo, 3));
      delete event['@context']; // inside a document the context is the document's
      events.push(event);
    }
  });
  events.sort((a, b) => String(a.eventTime).localeCompare(String(b.eventTime)));
  const document = {
    '@context': [EPCIS_CONTEXT],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: at,
    epcisBody: { eventList: events },
  };
  const raw = JSON.stringify(document);
  const stock = await storeCapture(
    tx,
    { enterpriseId: enterprise.id, userId: null, apiKeyId: null },
    randomUUID(),
    raw,
    prepareCapture(document, { builtHere: true }),
    at,
  );
  return { epcisEvents: events.length, stockLines: stock.filter((s) => s.quantity !== 0).length };
}
