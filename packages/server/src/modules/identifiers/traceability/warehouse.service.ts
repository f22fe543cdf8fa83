import { randomUUID } from 'node:crypto';
import {
  eventGoods,
  epcKey,
  fromMicro,
  LOCATION_ROLES,
  locationCode,
  locationKey,
  OBJECT_ROLES,
  sourceLocation,
  WAREHOUSE_STEPS,
  warehouseFlowEvent,
  warehouseFlowProblems,
  type EpcisEvent,
  type WarehouseFlowInput,
} from '@zhizao/domain';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { captureEpcis, type Capturer } from './capture.service.ts';
import { countEvents, pageEvents, stockRows, type EventFilter } from './repo.ts';

// The enterprise's warehouse: a flow typed into a form becomes an EPCIS event captured like any other
// (so it is validated by GS1's schema, queryable and traceable), and the stock list reads the projection
// the capture keeps. Why a projection: events are immutable (EPCIS corrects by new events), so the running
// sums never need rewinding, and the stock page stays one indexed read however long the history grows;
// domain deriveStock recomputes it from the events and the tests hold the two equal.

export async function recordFlow(ctx: AppContext, capturer: Capturer, input: WarehouseFlowInput) {
  const problems = warehouseFlowProblems(input);
  if (problems.length > 0) {
    throw new AppError(
      400,
      problems[0]!.key,
      {},
      problems[0]!.field,
      problems.map((p) => ({ field: p.field, key: p.key })),
    );
  }
  const event = warehouseFlowEvent(input, `urn:uuid:${randomUUID()}`, new Date().toISOString());
  const json = JSON.stringify(event);
  const result = await captureEpcis(ctx, capturer, json, event, { singleEvent: true, requireStock: true });
  return {
    captureId: result.captureId,
    eventId: event.eventID as string,
    event,
    stock: result.stock.map((s) => ({ ...s, locationCode: locationCode(s.location) })),
  };
}

export async function stockList(ctx: AppContext, enterpriseId: number, f: { location?: string; product?: string }) {
  const rows = await stockRows(ctx.db, enterpriseId, {
    location: f.location ? locationKey(f.location) : undefined,
    product: f.product ? epcKey(f.product) : undefined,
  });
  return {
    items: rows.map((r) => ({
      location: r.location,
      locationCode: locationCode(r.location),
      product: r.product,
      uom: r.uom,
      quantity: fromMicro(Number(r.quantityMicro)),
      updatedAt: r.updatedAt,
    })),
  };
}

function movement(row: {
  id: number;
  eventId: string | null;
  bizStep: string | null;
  eventTime: string;
  eventTimeZoneOffset: string;
  bizLocation: string | null;
  eventJson: string;
}) {
  const event = JSON.parse(row.eventJson) as EpcisEvent;
  const from = sourceLocation(event);
  return {
    id: row.id,
    eventId: row.eventId,
    bizStep: row.bizStep,
    eventTime: row.eventTime,
    eventTimeZoneOffset: row.eventTimeZoneOffset,
    from: from === null ? null : locationCode(from),
    to: row.bizStep === 'shipping' || row.bizLocation === null ? null : locationCode(row.bizLocation),
    items: eventGoods(event).map((g) => ({ product: g.product, uom: g.uom, quantity: fromMicro(g.micro) })),
  };
}

export async function movementList(
  ctx: AppContext,
  enterpriseId: number,
  q: { location?: string; product?: string; page: number; pageSize: number },
) {
  const identifiers: EventFilter['identifiers'] = [];
  if (q.location) identifiers.push({ keys: [locationKey(q.location)], roles: LOCATION_ROLES });
  if (q.product) identifiers.push({ keys: [epcKey(q.product)], roles: OBJECT_ROLES });
  const filter: EventFilter = { eventTypes: ['ObjectEvent'], bizSteps: WAREHOUSE_STEPS, identifiers };
  const scope = { enterpriseId };
  const [total, rows] = await Promise.all([
    countEvents(ctx.db, scope, filter),
    pageEvents(ctx.db, scope, filter, (q.page - 1) * q.pageSize, q.pageSize),
  ]);
  return { items: rows.map(movement), total, page: q.page, pageSize: q.pageSize };
}
