import {
  labelIn,
  TALENT_PAYMENT_KINDS,
  TALENT_PAYMENT_REGISTER,
  yuanText,
  type EnvelopeKind,
  type EntryProblem,
  type TalentPaymentKind,
} from '@zhizao/domain';
import { dialectOf, type Executor } from '../../../db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { drawForSource, reverseForSource } from '../../funding/ledger.service.ts';
import { labelsOf, type Entry } from '../engine/entries.ts';
import type { RegisterModule } from '../engine/module.ts';
import { demoPayments } from './demo.ts';

// A talent payment is a line of the funding ledger: written with the row, on the envelope of its kind in
// the talent fund of the year it was paid, in the same transaction; a changed or deleted row gives its
// money back to the envelope by a claw-back line. The envelope's room is checked as approvals check it.

const definition = TALENT_PAYMENT_REGISTER;

export const ENVELOPE_OF_PAYMENT: Record<TalentPaymentKind, EnvelopeKind> = {
  high_skill_reward: 'talent_reward',
  graduate_allowance: 'graduate_allowance',
};

const kindLabel = (kind: string) => TALENT_PAYMENT_KINDS.find((k) => k.value === kind)!.label;

/** The envelope a payment of this kind, paid on this day, draws on: the talent fund of that year. */
export async function envelopeFor(db: Executor, kind: string, paidOn: string) {
  return db
    .selectFrom('fundingEnvelope as env')
    .innerJoin('fundingFund as f', 'f.id', 'env.fundId')
    .select(['env.id', 'env.name'])
    .where('f.purpose', '=', 'talent')
    .where('f.year', '=', Number(paidOn.slice(0, 4)))
    .where('env.kind', '=', ENVELOPE_OF_PAYMENT[kind as TalentPaymentKind])
    .orderBy('env.sortOrder')
    .orderBy('env.id')
    .executeTakeFirst();
}

const noEnvelope = (kind: string, paidOn: string): EntryProblem => ({
  field: 'paidOn',
  key: 'registers.paymentNoEnvelope',
  params: { year: paidOn.slice(0, 4), kindZh: labelIn(kindLabel(kind), 'zh-CN'), kindEn: labelIn(kindLabel(kind), 'en') },
});

/** A change that leaves what the row draws, and from where, as it was (a corrected name or batch). */
const drawsAlike = (a: Entry, b: Entry) =>
  a.kind === b.kind && a.amountFen === b.amountFen && String(a.paidOn).slice(0, 4) === String(b.paidOn).slice(0, 4);

export const talentPaymentRegister: RegisterModule = {
  definition,
  hooks: {
    check: async (db, values) => {
      const kind = String(values.kind);
      const paidOn = String(values.paidOn);
      return (await envelopeFor(db, kind, paidOn)) ? [] : [noEnvelope(kind, paidOn)];
    },
    afterWrite: async (tx, entry, before, actor) => {
      if (before && drawsAlike(before, entry)) return;
      const source = { register: definition.key, entryId: entry.id };
      if (before) await reverseForSource(tx, source, '登记变更，冲回原发放', actor);
      const kind = String(entry.kind);
      const paidOn = String(entry.paidOn);
      const envelope = await envelopeFor(tx, kind, paidOn);
      if (!envelope) {
        const problem = noEnvelope(kind, paidOn);
        throw new AppError(400, problem.key, problem.params, problem.field, undefined, labelsOf(definition));
      }
      const drawn = await drawForSource(tx, dialectOf(tx), {
        envelopeId: envelope.id,
        amountFen: Number(entry.amountFen),
        source,
        batch: String(entry.batch).slice(0, 40),
        note: labelIn(kindLabel(kind), 'zh-CN'),
        actor,
      });
      if (!drawn.ok)
        throw new AppError(
          409,
          'registers.paymentOverEnvelope',
          { name: envelope.name, available: yuanText(drawn.available) },
          'amountFen',
          undefined,
          labelsOf(definition),
        );
    },
    afterArchive: (tx, entry, actor) => reverseForSource(tx, { register: definition.key, entryId: entry.id }, '登记删除，冲回发放', actor),
  },
  sample: (context, serial) => ({
    kind: 'high_skill_reward',
    honourId: context.rowOf('skill-honours'),
    recipientGroup: null,
    recipients: 1,
    policyId: context.rowOf('policies'),
    // a day of 2024 per serial: one person is rewarded once a day at most (duplicates)
    paidOn: new Date(Date.UTC(2024, 0, 1 + (serial % 360))).toISOString().slice(0, 10),
    amountFen: 100_000,
    batch: `测试批次-${serial}`,
  }),
  sampleSetup: async (bureau) => {
    // the talent fund the samples draw on; a second call finds it there (409)
    await bureau.post('/api/funding/funds', {
      year: 2024,
      purpose: 'talent',
      name: '测试人才发展专项资金',
      totalFen: 100_000_000_000,
      envelopes: [
        { kind: 'talent_reward', name: '高技能人才奖励', amountFen: 50_000_000_000 },
        { kind: 'graduate_allowance', name: '高校毕业生生活补贴', amountFen: 50_000_000_000 },
      ],
    });
  },
  demoRows: demoPayments,
};
