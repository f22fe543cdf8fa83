import {
  CARRIER_KINDS,
  SKILL_HONOURS,
  SKILL_HONOUR_REGISTER,
  TALENT_LEVELS,
  TALENT_PAYMENT_KINDS,
  TALENT_PAYMENT_REGISTER,
  TENURE_WARNING_DAYS,
  TRAINING_CARRIER_REGISTER,
  type Actor,
  type RegisterDefinition,
} from '@zhizao/domain';
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { availableOf, envelopeBalances } from '../../funding/awards.repo.ts';
import { selectRows } from '../engine/repo.ts';
import { readScope } from '../engine/scope.ts';
import { chinaToday } from '../engine/service.ts';
import { ENVELOPE_OF_PAYMENT } from './payments.ts';

// The talent figures of seed §二.(五), each counted from rows in the reader's scope: carriers by kind and
// level, honoured people by level, honours whose tenure runs out soon, and what the talent fund paid in a
// year — summed from the funding ledger's lines, not from a typed total.

const EXPIRING_LIST_MAX = 50;

const countsBy = async (db: Executor, definition: RegisterDefinition, actor: Actor, column: string) => {
  const rows = (await selectRows(db, definition, readScope(definition, actor), {})
    .select([`r.${column} as key`, (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(`r.${column}`)
    .execute()) as { key: string; n: number }[];
  return new Map(rows.map((r) => [String(r.key), Number(r.n)]));
};

const sumOf = (counts: Map<string, number>) => [...counts.values()].reduce((s, n) => s + n, 0);

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function talentFigures(db: Executor, actor: Actor, year: number) {
  const today = chinaToday();
  const carrierKinds = await countsBy(db, TRAINING_CARRIER_REGISTER, actor, 'kind');
  const carrierLevels = await countsBy(db, TRAINING_CARRIER_REGISTER, actor, 'level');
  const honours = await countsBy(db, SKILL_HONOUR_REGISTER, actor, 'honour');
  const honourScope = readScope(SKILL_HONOUR_REGISTER, actor);
  // people, not honours: one person may hold two (told apart by name and employer, as the register does)
  const people = (await selectRows(db, SKILL_HONOUR_REGISTER, honourScope, {})
    .select((eb) =>
      eb.fn
        .count<number>(sql`${sql.ref('r.personName')} || '|' || ${sql.ref('r.employerName')}`)
        .distinct()
        .as('n'),
    )
    .executeTakeFirstOrThrow()) as { n: number };
  const warnFrom = addDays(today, TENURE_WARNING_DAYS);
  const expiring = (await selectRows(db, SKILL_HONOUR_REGISTER, honourScope, {})
    .select(['r.id', 'r.personName', 'r.honour', 'r.employerName', 'r.districtCode', 'r.tenureEnd'])
    .where('r.tenureEnd', '>=', today)
    .where('r.tenureEnd', '<=', warnFrom)
    .orderBy('r.tenureEnd')
    .orderBy('r.id')
    .execute()) as { id: number; personName: string; honour: string; employerName: string; districtCode: string; tenureEnd: string }[];
  const expired = (await selectRows(db, SKILL_HONOUR_REGISTER, honourScope, {})
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.tenureEnd', '<', today)
    .executeTakeFirstOrThrow()) as { n: number };
  const byLevel = TALENT_LEVELS.map(({ value }) => ({
    level: value,
    count: SKILL_HONOURS.filter((h) => h.level === value).reduce((s, h) => s + (honours.get(h.value) ?? 0), 0),
  }));
  return {
    year,
    today,
    carriers: {
      total: sumOf(carrierKinds),
      byKind: CARRIER_KINDS.map(({ value }) => ({ kind: value, count: carrierKinds.get(value) ?? 0 })),
      byLevel: TALENT_LEVELS.map(({ value }) => ({ level: value, count: carrierLevels.get(value) ?? 0 })),
    },
    honours: {
      people: Number(people.n),
      total: sumOf(honours),
      byLevel,
      byHonour: SKILL_HONOURS.map(({ value }) => ({ honour: value, count: honours.get(value) ?? 0 })),
      warningDays: TENURE_WARNING_DAYS,
      expiringCount: expiring.length,
      expiring: expiring.slice(0, EXPIRING_LIST_MAX),
      expiredCount: Number(expired.n),
    },
    payments: await paymentsOfYear(db, year),
  };
}

/** Per kind: what the year's talent fund paid (the ledger's payment lines less claw-backs), how many rows, the envelope's room. */
async function paymentsOfYear(db: Executor, year: number) {
  const lines = await db
    .selectFrom('fundingLedgerEntry as l')
    .innerJoin('fundingEnvelope as env', 'env.id', 'l.envelopeId')
    .innerJoin('fundingFund as f', 'f.id', 'env.fundId')
    .select(['env.kind as envelopeKind', 'l.kind', (eb) => eb.fn.sum<number>('l.amountFen').as('sum')])
    .where('l.sourceRegister', '=', TALENT_PAYMENT_REGISTER.key)
    .where('f.purpose', '=', 'talent')
    .where('f.year', '=', year)
    .groupBy(['env.kind', 'l.kind'])
    .execute();
  const rows = (await selectRows(db, TALENT_PAYMENT_REGISTER, {}, { paidOnFrom: `${year}-01-01`, paidOnTo: `${year}-12-31` })
    .select(['r.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('r.kind')
    .execute()) as { kind: string; n: number }[];
  const envelopes = await db
    .selectFrom('fundingEnvelope as env')
    .innerJoin('fundingFund as f', 'f.id', 'env.fundId')
    .select(['env.id', 'env.kind', 'env.name', 'env.amountFen', 'f.name as fundName'])
    .where('f.purpose', '=', 'talent')
    .where('f.year', '=', year)
    .orderBy('env.sortOrder')
    .execute();
  const balances = await envelopeBalances(
    db,
    envelopes.map((e) => e.id),
  );
  const sum = (envelopeKind: string, kind: string) =>
    Number(lines.find((l) => l.envelopeKind === envelopeKind && l.kind === kind)?.sum ?? 0);
  return TALENT_PAYMENT_KINDS.map(({ value }) => {
    const envelopeKind = ENVELOPE_OF_PAYMENT[value];
    const envelope = envelopes.find((e) => e.kind === envelopeKind);
    return {
      kind: value,
      paidFen: sum(envelopeKind, 'payment') - sum(envelopeKind, 'clawback'),
      payments: Number(rows.find((r) => r.kind === value)?.n ?? 0),
      envelope: envelope
        ? {
            id: envelope.id,
            fundName: envelope.fundName,
            name: envelope.name,
            amountFen: Number(envelope.amountFen),
            availableFen: availableOf(Number(envelope.amountFen), balances.get(envelope.id)!),
          }
        : null,
    };
  });
}
