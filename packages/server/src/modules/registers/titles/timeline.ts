import { TITLE_REGISTER, titleValidity, type Actor } from '@zhizao/domain';
import type { Executor } from '../../../db/database.ts';
import { loadVisibleEnterprise } from '../../recognition/enterprise.access.ts';
import { anyDb } from '../engine/repo.ts';
import { chinaToday } from '../engine/service.ts';

// Every title an enterprise holds, in the order it won them: the recognition ladder's recognitions and
// the titles of the register, side by side. Seen by whoever sees the enterprise privately (the bureau,
// the district's officer, the firm itself).

export interface TimelineItem {
  source: 'ladder' | 'title';
  id: number;
  kind: string;
  level: string;
  year: number;
  date: string | null;
  name: string;
  awardingBody: string | null;
  /** The recognition number, or the title's document number. */
  reference: string | null;
  validUntil: string | null;
  validity: string;
}

export async function titleTimeline(db: Executor, actor: Actor, enterpriseId: number, today = chinaToday()) {
  const enterprise = await loadVisibleEnterprise(db, actor, enterpriseId);
  const [recognitions, titles] = await Promise.all([
    db
      .selectFrom('recognition')
      .select(['id', 'kind', 'level', 'year', 'recognisedOn', 'projectName', 'recognitionNumber', 'status'])
      .where('enterpriseId', '=', enterpriseId)
      .execute(),
    anyDb(db)
      .selectFrom(TITLE_REGISTER.table)
      .select(['id', 'kind', 'level', 'year', 'awardedOn', 'name', 'awardingBody', 'documentNumber', 'validUntil', 'status'])
      .where('enterpriseId', '=', enterpriseId)
      .where('archived', '=', 0)
      .execute() as Promise<Record<string, string | number | null>[]>,
  ]);
  const items: TimelineItem[] = [
    ...recognitions.map((r) => ({
      source: 'ladder' as const,
      id: Number(r.id),
      kind: r.kind,
      level: r.level,
      year: Number(r.year),
      date: r.recognisedOn,
      name: r.projectName,
      awardingBody: null,
      reference: r.recognitionNumber,
      validUntil: null,
      validity: r.status === 'revoked' ? 'revoked' : 'valid',
    })),
    ...titles.map((t) => ({
      source: 'title' as const,
      id: Number(t.id),
      kind: String(t.kind),
      level: String(t.level),
      year: Number(t.year),
      date: (t.awardedOn as string | null) ?? null,
      name: String(t.name),
      awardingBody: String(t.awardingBody),
      reference: (t.documentNumber as string | null) ?? null,
      validUntil: (t.validUntil as string | null) ?? null,
      validity: titleValidity({ status: t.status ?? null, validUntil: t.validUntil ?? null }, today),
    })),
  ];
  // by year, then by date within it (an undated title at the year's end), the ladder first on a tie
  const when = (i: TimelineItem) => i.date ?? `${i.year}-12-31`;
  items.sort((a, b) => a.year - b.year || when(a).localeCompare(when(b)) || a.source.localeCompare(b.source) || a.id - b.id);
  return { enterpriseId: enterprise.id, enterpriseName: enterprise.name, items };
}
