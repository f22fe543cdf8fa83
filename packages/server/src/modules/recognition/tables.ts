import type { Generated } from 'kysely';

// Recognition ladder (issue 4): the module's tables, as Kysely sees them (CamelCase). Merged into Database (db/schema.ts).

export interface RecognitionProgrammeTable {
  id: Generated<number>;
  year: number;
  kind: string;
  level: string;
  title: string;
  opensOn: string;
  closesOn: string;
  minMaturityLevel: number;
  aboveDesignatedSize: number;
  noSeriousIncident: number;
  /** Indicator[] of @zhizao/domain. */
  indicatorsJson: string;
  /** KpiCode[]. */
  requiredKpisJson: string;
  noticeWorkingDays: number;
  quota: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RecognitionApplicationTable {
  id: Generated<number>;
  programmeId: number;
  enterpriseId: number;
  state: string;
  version: number;
  projectName: string;
  projectDescription: string;
  serviceProviderName: string;
  incidentFreeDeclared: number;
  /** KpiSet. */
  kpisJson: string;
  gatesJson: string | null;
  noticeId: number | null;
  finalScore: number | null;
  /** Aggregate (n, counted, dropped, min, max, stddev). */
  scoreJson: string | null;
  rank: number | null;
  submittedAt: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface RecognitionMoveTable {
  id: Generated<number>;
  applicationId: number;
  move: string;
  fromState: string;
  toState: string;
  reason: string | null;
  actorUserId: number | null;
  actorName: string | null;
  actorRole: string | null;
  at: string;
}

export interface RecognitionAttachmentTable {
  id: string;
  applicationId: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: number | null;
  uploadedAt: string;
}

export interface RecognitionExpertTieTable {
  id: Generated<number>;
  expertUserId: number;
  enterpriseId: number | null;
  providerName: string | null;
  note: string | null;
  createdAt: string;
}

export interface RecognitionPanelMemberTable {
  applicationId: number;
  expertUserId: number;
  status: string;
  version: number;
  scoresJson: string;
  total: number | null;
  comment: string | null;
  assignedBy: number | null;
  assignedAt: string;
  submittedAt: string | null;
  /** Set when a conflict tie took the expert off the panel (status 'withdrawn'; migration 0012). */
  withdrawnAt: string | null;
  /** The tie, in words, that barred the expert. */
  withdrawnReason: string | null;
}

export interface RecognitionNoticeTable {
  id: Generated<number>;
  programmeId: number;
  title: string;
  startsOn: string;
  endsOn: string;
  workingDays: number;
  publishedAt: string;
  publishedBy: number | null;
}

export interface RecognitionObjectionTable {
  id: Generated<number>;
  noticeId: number;
  applicationId: number | null;
  reference: string;
  objectorName: string;
  objectorIdNumber: string;
  contact: string;
  text: string;
  channel: string;
  receivedOn: string;
  filedAt: string;
  status: string;
  outcome: string | null;
  handledBy: number | null;
  handledAt: string | null;
}

export interface RecognitionCalendarDayTable {
  date: string;
  kind: string;
  name: string;
}

export interface RecognitionTable {
  id: Generated<number>;
  recognitionNumber: string;
  enterpriseId: number;
  kind: string;
  level: string;
  year: number;
  projectName: string;
  recognisedOn: string;
  status: string;
  source: string;
  applicationId: number | null;
  recommendationId: number | null;
  kpisJson: string;
  reevaluationDue: string;
  revokedOn: string | null;
  revokeCause: string | null;
  revokeNote: string | null;
  banUntil: string | null;
  createdAt: string;
}

export interface RecognitionReevaluationTable {
  id: Generated<number>;
  recognitionId: number;
  evaluatedOn: string;
  outcome: string;
  note: string | null;
  recordedBy: number | null;
  recordedAt: string;
}

export interface RecognitionRecommendationTable {
  id: Generated<number>;
  targetLevel: string;
  kind: string;
  year: number;
  createdAt: string;
  createdBy: number | null;
  snapshotSm3: string;
  manifestJson: string;
}

export interface RecognitionRecommendationItemTable {
  recommendationId: number;
  recognitionId: number;
  rank: number;
  outcome: string;
  decidedOn: string | null;
  note: string | null;
  newRecognitionId: number | null;
}

export interface RecognitionTables {
  recognitionProgramme: RecognitionProgrammeTable;
  recognitionApplication: RecognitionApplicationTable;
  recognitionMove: RecognitionMoveTable;
  recognitionAttachment: RecognitionAttachmentTable;
  recognitionExpertTie: RecognitionExpertTieTable;
  recognitionPanelMember: RecognitionPanelMemberTable;
  recognitionNotice: RecognitionNoticeTable;
  recognitionObjection: RecognitionObjectionTable;
  recognitionCalendarDay: RecognitionCalendarDayTable;
  recognition: RecognitionTable;
  recognitionReevaluation: RecognitionReevaluationTable;
  recognitionRecommendation: RecognitionRecommendationTable;
  recognitionRecommendationItem: RecognitionRecommendationItemTable;
}
