import { identifierKey, publicValues, type TemplateDefinition } from '@zhizao/domain';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { findIdentifier, templateRow } from '../repo.ts';
import { prefixGrantees, publicEventsOf } from './repo.ts';

// The public trace page's data (anonymous): a product's public identifier values and its event timeline
// with public fields only — what happened (type, action, bizStep, disposition), when, and which
// enterprise recorded it. Locations, transactions, quantities, sensor data and extensions stay private.
// For a registered identifier the timeline holds the events of its owner and of the enterprises the owner
// granted (its partners), so nobody else can write into a product's public history; GS1 keys and
// unregistered identifiers have no owner here, and show every enterprise's events, each with its name.

export const TRACE_EVENT_LIMIT = 500;

// HS_* values run the handle itself; TEMPLATE points at the template version, shown on its own.
const shown = (type: string) => !type.startsWith('HS_') && type !== 'TEMPLATE';

async function publicProduct(ctx: AppContext, handle: string) {
  const record = await findIdentifier(ctx.db, handle);
  if (!record) return null;
  const recordedBy = record.enterpriseId === null ? null : [record.enterpriseId, ...(await prefixGrantees(ctx.db, record.prefix))];
  const enterprise =
    record.enterpriseId === null
      ? undefined
      : await ctx.db.selectFrom('enterprise').select('name').where('id', '=', record.enterpriseId).executeTakeFirst();
  const itemNames = await templateItemNames(ctx, record.prefix, record.templateVersion);
  const product = {
    handle: record.handle,
    prefix: record.prefix,
    enterpriseName: enterprise?.name ?? null,
    templateVersion: record.templateVersion,
    values: publicValues(record.values)
      .filter((v) => shown(v.type))
      .map((v) => ({
        index: v.index,
        type: v.type,
        name: itemNames.get(v.index) ?? null,
        value: typeof v.data.value === 'string' ? v.data.value : JSON.stringify(v.data.value),
      })),
  };
  return { product, recordedBy };
}

/** The people's names of a template version's items by index (「产品名称」 rather than `name`). */
async function templateItemNames(ctx: AppContext, prefix: string, version: string | null): Promise<Map<number, string>> {
  const row = version ? await templateRow(ctx.db, prefix, version) : undefined;
  if (!row) return new Map();
  const definition = JSON.parse(row.definitionJson) as TemplateDefinition;
  return new Map(definition.items.map((item) => [item.idIndex, item.name]));
}

export async function traceData(ctx: AppContext, id: string) {
  const identifier = identifierKey(id);
  const found = identifier.handle ? await publicProduct(ctx, identifier.handle) : null;
  const product = found?.product ?? null;
  const events = await publicEventsOf(ctx.db, identifier.key, TRACE_EVENT_LIMIT, found?.recordedBy ?? null);
  if (!product && events.length === 0) throw new AppError(404, 'traceability.unknownIdentifier', {}, 'id');
  return {
    id: identifier.key,
    kind: identifier.kind,
    handle: identifier.handle,
    digitalLink: identifier.kind === 'gs1' ? identifier.key : null,
    product,
    events,
    eventCount: events.length,
  };
}
