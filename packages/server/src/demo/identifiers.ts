import { chinaDay, enterprisePrefix, handleTimestamp, templatePointer, type HandleValue, type TemplateDefinition } from '@zhizao/domain';
import type { Tx } from '../db/database.ts';
import { SEALED_COLUMNS } from '../db/sealed-columns.ts';
import type { FieldCipher } from '../platform/field-crypto.ts';
import { sha256, sm3 } from '../platform/crypto.ts';
import { DEMO_NODE_PREFIX } from '../modules/identifiers/config.ts';
import { insertNewIdentifiers, type IdentifierRow } from '../modules/identifiers/repo.ts';
import { DEMO_OWN_ENTERPRISE } from './enterprises.ts';
import { seededRandom } from './random.ts';
import { seedDemoTraceability } from './traceability.ts';

// The city's secondary node in the demo (seed §二.2, §三.5): 265 enterprises connected under the demo node prefix
// 88.999 (a demo value), and their 40.96 M registrations and resolutions as daily statistics rows that sum to
// exactly that — not 40 M identifier rows. The seed gives only the combined figure; the 30 % / 70 % split between
// registrations and resolutions and the last 90 days as the period are the demo's assumptions. The demo enterprise
// (account `enterprise`) holds prefix 88.999.1 with a template and a few thousand real identifiers.

export const DEMO_CONNECTED = 265;
export const DEMO_TOTAL = 40_960_000;
const DEMO_REGISTRATIONS = 12_288_000;
const DEMO_RESOLUTIONS = DEMO_TOTAL - DEMO_REGISTRATIONS;
const DAYS = 90;
const DEMO_IDENTIFIERS = 2_000;
/** The demo enterprise's API key, for trying the Handle.Net and SNMS APIs (demo mode only, like the demo password). */
export const DEMO_API_KEY = { id: 'zk_demo_enterprise', secret: 'Zhizao-demo-key-1' };

const DEMO_TEMPLATE: Omit<TemplateDefinition, 'prefix'> = {
  version: '1.0',
  industryCategory: 'C',
  industrySpecific: '34',
  industryTrade: '348',
  industrySubclass: '3484',
  type: 1,
  description: '滚动轴承产品标识模板（演示）',
  items: [
    {
      idIndex: 2000,
      type: 'name',
      name: '产品名称',
      required: true,
      public: true,
      metadata: { type: 'string', minLength: 1, maxLength: 64 },
    },
    { idIndex: 2001, type: 'model', name: '型号', required: true, public: true, metadata: { type: 'string', maxLength: 32 } },
    { idIndex: 2002, type: 'productionDate', name: '生产日期', required: true, public: true, metadata: { type: 'date' } },
    {
      idIndex: 2003,
      type: 'batch',
      name: '生产批次',
      required: false,
      public: false,
      metadata: { type: 'string', pattern: '^B[0-9]{8}-[0-9]{2}$' },
    },
    {
      idIndex: 2004,
      type: 'weightKg',
      name: '重量（千克）',
      required: false,
      public: true,
      metadata: { type: 'number', minimum: 0, maximum: 1000 },
    },
  ],
};
const MODELS = ['6204-2RS', '6205-ZZ', '6306', 'NU208', '32210', '7205B', '51104', 'UC205'];

export async function seedDemoIdentifiers(tx: Tx, cipher: FieldCipher, at: string): Promise<Record<string, number>> {
  const random = seededRandom(6_2026);
  const enterprises = (
    await tx
      .selectFrom('enterprise')
      .select(['id', 'creditCode', 'name', 'contactName', 'contactPhone', 'contactEmail'])
      .where('isDemo', '=', 1)
      .orderBy('id')
      .execute()
  ).map((e) => cipher.openFields(e, SEALED_COLUMNS.enterprise.columns));
  const own = enterprises.find((e) => e.creditCode === DEMO_OWN_ENTERPRISE.creditCode);
  if (!own || enterprises.length < DEMO_CONNECTED + 3) return {};
  // the demo enterprise first (88.999.1), then a spread of the others; three more are waiting for review
  const others = random.sample(
    enterprises.filter((e) => e !== own),
    DEMO_CONNECTED + 2,
  );
  const connected = [own, ...others.slice(0, DEMO_CONNECTED - 1)];
  const pending = others.slice(DEMO_CONNECTED - 1);
  const appliedAt = (serial: number) => new Date(Date.parse(at) - (DAYS + 30 - Math.floor(serial / 3)) * 86_400_000).toISOString();
  const prefixRows = [...connected, ...pending].map((e, i) => {
    const serial = i + 1;
    const active = i < DEMO_CONNECTED;
    return cipher.sealFields(
      {
        prefix: enterprisePrefix(DEMO_NODE_PREFIX, serial),
        enterpriseId: e.id,
        status: active ? 'active' : 'pending',
        creditCode: e.creditCode,
        enterpriseName: e.name,
        contactName: e.contactName ?? '联系人',
        contactPhone: e.contactPhone ?? '0631-5200000',
        contactEmail: e.contactEmail,
        purpose: active ? '产品追溯与仓储管理' : '申请企业前缀，用于设备标识',
        appliedBy: null,
        appliedAt: appliedAt(serial),
        decidedBy: null,
        decidedAt: active ? appliedAt(serial + 6) : null,
        decisionNote: active ? '实名审核通过（演示）' : null,
        serial,
        version: active ? 2 : 1,
      },
      SEALED_COLUMNS.idPrefix.columns,
    );
  });
  for (let i = 0; i < prefixRows.length; i += 100)
    await tx
      .insertInto('idPrefix')
      .values(prefixRows.slice(i, i + 100))
      .execute();

  const ownPrefix = prefixRows[0]!.prefix;
  await tx
    .insertInto('idTemplate')
    .values({
      prefix: ownPrefix,
      version: DEMO_TEMPLATE.version,
      definitionJson: JSON.stringify({ ...DEMO_TEMPLATE, prefix: ownPrefix }),
      createdBy: null,
      createdAt: at,
    })
    .execute();
  await tx
    .insertInto('idApiKey')
    .values({
      id: DEMO_API_KEY.id,
      enterpriseId: own.id,
      secretHash: sm3(DEMO_API_KEY.secret),
      secretSha256: sha256(DEMO_API_KEY.secret),
      label: '演示 ERP 接口',
      createdBy: null,
      createdAt: at,
      revokedAt: null,
      lastUsedAt: null,
    })
    .execute();
  await tx
    .insertInto('idGrant')
    .values({ prefix: ownPrefix, granteeEnterpriseId: connected[1]!.id, createdBy: null, createdAt: at })
    .execute();

  const identifiers = demoIdentifierRows(ownPrefix, at, random);
  await insertNewIdentifiers(tx, identifiers);
  const statRows = dailyStatistics(
    connected.map((e) => e.id),
    Date.parse(at),
    random,
  );
  // 8,000 rows × 4 columns stays under SQLite's 32,766 bound variables: few round trips on PostgreSQL
  for (let i = 0; i < statRows.length; i += 8_000)
    await tx
      .insertInto('idStatDaily')
      .values(statRows.slice(i, i + 8_000))
      .execute();

  const traceability = await seedDemoTraceability(tx, at);
  return {
    identifierPrefixes: DEMO_CONNECTED,
    identifierApplications: pending.length,
    identifiers: identifiers.length,
    identifierStatisticsRows: statRows.length,
    ...traceability,
  };
}

function demoIdentifierRows(prefix: string, at: string, random: ReturnType<typeof seededRandom>): IdentifierRow[] {
  const timestamp = handleTimestamp(new Date(at));
  const value = (index: number, type: string, data: string, permissions = '1110'): HandleValue => ({
    index,
    type,
    data: { format: 'string', value: data },
    ttl: 86_400,
    timestamp,
    permissions,
    references: [],
  });
  const rows: IdentifierRow[] = [];
  for (let i = 1; i <= DEMO_IDENTIFIERS; i++) {
    const model = random.pick(MODELS);
    const made = chinaDay(Date.parse(at) - random.int(1, 170) * 86_400_000);
    const suffix = `HD-${model}-${String(i).padStart(6, '0')}`;
    const handle = `${prefix}/${suffix}`;
    const values = [
      value(1, 'URL', `https://id.zhizao.example/${handle}`),
      templatePointer(DEMO_TEMPLATE.version, timestamp),
      value(2000, 'name', `深沟球轴承 ${model}`),
      value(2001, 'model', model),
      value(2002, 'productionDate', made),
      value(2003, 'batch', `B${made.replace(/-/g, '')}-${String(random.int(1, 12)).padStart(2, '0')}`, '1100'),
      value(2004, 'weightKg', (0.1 + random.next() * 2).toFixed(2)),
    ];
    rows.push({
      handleKey: handle.toUpperCase(),
      handle,
      templateVersion: DEMO_TEMPLATE.version,
      valuesJson: JSON.stringify(values),
      createdAt: at,
      updatedAt: at,
    });
  }
  return rows;
}

/** Daily registrations and resolutions per enterprise over the last 90 days, summing exactly to the seed's totals. */
function dailyStatistics(enterpriseIds: number[], now: number, random: ReturnType<typeof seededRandom>) {
  // a few big users and a long tail; traffic grows over the period and dips at weekends
  const enterpriseWeight = enterpriseIds.map((_, i) => 1 / (1 + i * 0.15) + random.next() * 0.2);
  const cells: { day: string; enterpriseId: number; weight: number }[] = [];
  for (let d = DAYS - 1; d >= 0; d--) {
    const instant = now - d * 86_400_000;
    const weekday = new Date(instant + 8 * 3_600_000).getUTCDay();
    const dayWeight = (1 + (DAYS - d) / DAYS) * (weekday === 0 || weekday === 6 ? 0.55 : 1);
    const day = chinaDay(instant);
    enterpriseIds.forEach((enterpriseId, i) =>
      cells.push({ day, enterpriseId, weight: dayWeight * enterpriseWeight[i]! * (0.8 + random.next() * 0.4) }),
    );
  }
  const registrations = apportion(
    cells.map((c) => c.weight),
    DEMO_REGISTRATIONS,
  );
  const resolutions = apportion(
    cells.map((c) => c.weight * (0.7 + random.next() * 0.6)),
    DEMO_RESOLUTIONS,
  );
  return cells.map((c, i) => ({
    day: c.day,
    enterpriseId: c.enterpriseId,
    registrations: registrations[i]!,
    resolutions: resolutions[i]!,
  }));
}

/** Integers proportional to the weights that sum to exactly `total` (largest remainders). */
export function apportion(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - floors[i]!, i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    floors[i]!++;
  }
  return floors;
}
