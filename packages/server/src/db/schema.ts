import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { FundingTables } from '../modules/funding/tables.ts';
import type { IdentifiersTables } from '../modules/identifiers/tables.ts';
import type { RecognitionTables } from '../modules/recognition/tables.ts';
import type { JobTables } from '../platform/jobs.tables.ts';

// Table types in camelCase; the CamelCasePlugin maps them to snake_case columns.
// Booleans are stored as 0/1 integers and timestamps as ISO-8601 text, so both dialects (and the
// PG-family 信创 databases, gov-it.md §3) read the same values.

export interface DistrictTable {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  sortOrder: number;
}

export interface IndustryChainTable {
  code: string;
  nameZh: string;
  nameEn: string;
  isDemo: number;
  sortOrder: number;
}

export interface IndustryClusterTable {
  code: string;
  nameZh: string;
  nameEn: string;
  chainCode: string | null;
  isDemo: number;
  sortOrder: number;
}

export interface EnterpriseTable {
  id: Generated<number>;
  creditCode: string;
  name: string;
  districtCode: string;
  clusterCode: string | null;
  sizeClass: string;
  manufacturingType: string;
  industryCode: string | null;
  address: string | null;
  mainProducts: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  archived: number;
  isDemo: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** The search_change version of the write that last changed the row (0033). */
  searchVersion: Generated<number>;
}

/** One counter per searchable table, bumped by every write of it (0033). */
export interface SearchChangeTable {
  name: string;
  version: number;
}

export interface EnterpriseChainTable {
  enterpriseId: number;
  chainCode: string;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  passwordHash: string;
  role: string | null;
  districtCode: string | null;
  enterpriseId: number | null;
  enabled: number;
  failedLoginCount: number;
  lockedUntil: string | null;
  passwordChangedAt: string;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LoginAttemptTable {
  username: string;
  source: string;
  failures: number;
  locks: Generated<number>;
  lockedUntil: string | null;
  lastAttemptAt: string;
}

export interface UserSessionTable {
  /** SM3 of the cookie token: a stolen database does not give live sessions. */
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
  updatedAt: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actorUserId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  ip: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface ImportJobTable {
  id: string;
  userId: number;
  kind: string;
  fileName: string;
  status: string;
  totalRows: number;
  validRows: number;
  problemsJson: string;
  rowsJson: string;
  createdAt: string;
  committedAt: string | null;
}

export interface MaturityModelVersionTable {
  id: string;
  nameZh: string;
  nameEn: string;
  /** The ModelVersion of @zhizao/domain as JSON. */
  definitionJson: string;
  status: string;
  basedOn: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: number | null;
}

export interface MaturityRequirementTable {
  modelVersion: string;
  id: string;
  subDomainCode: string;
  level: number;
  textZh: string;
  textEn: string;
  evidenceZh: string;
  evidenceEn: string;
  adviceZh: string;
  adviceEn: string;
  sortOrder: number;
  active: number;
}

export interface MaturityAssessmentTable {
  id: Generated<number>;
  enterpriseId: number;
  modelVersion: string;
  manufacturingType: string;
  targetLevel: number;
  status: string;
  version: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  resultJson: string | null;
  modelJson: string | null;
  formulaId: string | null;
  /** Copied from the frozen result at submit (0003), so the bureau's distribution is a plain GROUP BY. */
  reachedLevel: number | null;
  totalScore: number | null;
  /** 1 on the enterprise's latest submitted assessment. */
  isLatest: Generated<number>;
}

export interface MaturityAnswerTable {
  assessmentId: number;
  requirementId: string;
  value: number | null;
  naReason: string | null;
  note: string | null;
  updatedAt: string;
}

export interface MaturityExpertReviewTable {
  id: Generated<number>;
  assessmentId: number;
  expertUserId: number;
  status: string;
  version: number;
  assignedBy: number | null;
  assignedAt: string;
  updatedAt: string;
  submittedAt: string | null;
  resultJson: string | null;
  reachedLevel: number | null;
  totalScore: number | null;
}

export interface MaturityExpertAnswerTable {
  reviewId: number;
  requirementId: string;
  value: number | null;
  naReason: string | null;
  note: string | null;
  updatedAt: string;
}

export interface Database extends RecognitionTables, FundingTables, IdentifiersTables, JobTables {
  district: DistrictTable;
  industryChain: IndustryChainTable;
  industryCluster: IndustryClusterTable;
  enterprise: EnterpriseTable;
  enterpriseChain: EnterpriseChainTable;
  searchChange: SearchChangeTable;
  appUser: AppUserTable;
  userSession: UserSessionTable;
  loginAttempt: LoginAttemptTable;
  setting: SettingTable;
  auditLog: AuditLogTable;
  auditHead: AuditHeadTable;
  importJob: ImportJobTable;
  maturityModelVersion: MaturityModelVersionTable;
  maturityRequirement: MaturityRequirementTable;
  maturityAssessment: MaturityAssessmentTable;
  maturityAnswer: MaturityAnswerTable;
  maturityExpertReview: MaturityExpertReviewTable;
  maturityExpertAnswer: MaturityExpertAnswerTable;
}

export type EnterpriseRow = Selectable<EnterpriseTable>;
export type NewEnterpriseRow = Insertable<EnterpriseTable>;
export type EnterpriseUpdate = Updateable<EnterpriseTable>;
export type AppUserRow = Selectable<AppUserTable>;
