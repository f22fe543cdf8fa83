import {
  formatRecognitionNumber,
  recognitionNumberPrefix,
  reevaluationDue,
  type RecognitionKind,
  type RecognitionLevel,
} from '@zhizao/domain';
import type { Tx } from '../../db/database.ts';

// Creating a recognition: from an application at the end of the municipal workflow, from an upward
// recommendation's outcome, or from the city's records (demo). The number's serial is the next one of
// its year, kind and level; the unique constraint settles a race.

export interface GrantInput {
  enterpriseId: number;
  kind: RecognitionKind;
  level: RecognitionLevel;
  year: number;
  projectName: string;
  recognisedOn: string;
  source: 'application' | 'recommendation' | 'record';
  applicationId?: number | null;
  recommendationId?: number | null;
  kpisJson: string;
  /** A number given by the higher level (provincial / national documents); otherwise the city's own. */
  recognitionNumber?: string | null;
}

export async function nextRecognitionNumber(tx: Tx, year: number, kind: RecognitionKind, level: RecognitionLevel): Promise<string> {
  const prefix = recognitionNumberPrefix(year, kind, level);
  const { n } = await tx
    .selectFrom('recognition')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recognitionNumber', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return formatRecognitionNumber({ year, kind, level, serial: Number(n) + 1 });
}

export async function grantRecognition(
  tx: Tx,
  input: GrantInput,
  at = new Date().toISOString(),
): Promise<{ id: number; recognitionNumber: string }> {
  const recognitionNumber = input.recognitionNumber?.trim() || (await nextRecognitionNumber(tx, input.year, input.kind, input.level));
  const { id } = await tx
    .insertInto('recognition')
    .values({
      recognitionNumber,
      enterpriseId: input.enterpriseId,
      kind: input.kind,
      level: input.level,
      year: input.year,
      projectName: input.projectName,
      recognisedOn: input.recognisedOn,
      status: 'active',
      source: input.source,
      applicationId: input.applicationId ?? null,
      recommendationId: input.recommendationId ?? null,
      kpisJson: input.kpisJson,
      reevaluationDue: reevaluationDue(input.recognisedOn),
      revokedOn: null,
      revokeCause: null,
      revokeNote: null,
      banUntil: null,
      createdAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(id), recognitionNumber };
}
