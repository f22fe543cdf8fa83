import type { FundPurpose } from '@zhizao/domain';
import type { Generated } from 'kysely';

// Projects and subsidy funds (issue 5): the module's tables, as Kysely sees them (CamelCase). Merged into Database (db/schema.ts).
// Money columns are integer fen (bigint; pg's INT8 parser turns them into numbers, db/database.ts).

export interface FundingProjectTable {
  id: Generated<number>;
  enterpriseId: number;
  chainCode: string | null;
  year: number;
  kind: string;
  name: string;
  description: string | null;
  equipmentFen: number;
  softwareFen: number;
  servicesFen: number;
  otherFen: number;
  totalInvestmentFen: number;
  startDate: string;
  completionDate: string | null;
  milestonesJson: string;
  targetsJson: string;
  status: string;
  version: Generated<number>;
  isDemo: Generated<number>;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface FundingFundTable {
  id: Generated<number>;
  year: number;
  purpose: Generated<FundPurpose>;
  name: string;
  totalFen: number;
  createdAt: string;
  updatedAt: string;
}

export interface FundingEnvelopeTable {
  id: Generated<number>;
  fundId: number;
  kind: string;
  name: string;
  amountFen: number;
  sortOrder: number;
}

export interface FundingPolicyTable {
  id: Generated<number>;
  code: string;
  version: number;
  name: string;
  year: number | null;
  basis: string | null;
  rulesJson: string;
  status: string;
  createdBy: number | null;
  createdAt: string;
}

export interface FundingSampleDrawTable {
  id: Generated<number>;
  year: number;
  seed: string;
  ratio: number;
  populationJson: string;
  selectedJson: string;
  actorUserId: number | null;
  actorUsername: string | null;
  at: string;
}

export interface FundingAwardTable {
  id: Generated<number>;
  projectId: number;
  enterpriseId: number;
  year: number;
  policyId: number;
  status: string;
  amountFen: number;
  calculationJson: string;
  approvedFen: number | null;
  paidFen: Generated<number>;
  clawedBackFen: Generated<number>;
  envelopeId: number | null;
  sampleDrawId: number | null;
  sampled: Generated<number>;
  noticeStart: string | null;
  noticeEnd: string | null;
  evaluationJson: string | null;
  version: Generated<number>;
  isDemo: Generated<number>;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface FundingAwardMoveTable {
  id: Generated<number>;
  awardId: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  amountFen: number | null;
  note: string | null;
  actorUserId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  at: string;
}

export interface FundingLedgerEntryTable {
  id: Generated<number>;
  envelopeId: number;
  /** The award the line belongs to, or null for a line of a register row (a talent payment: its source). */
  awardId: number | null;
  sourceRegister: Generated<string | null>;
  sourceEntryId: Generated<number | null>;
  kind: 'allocation' | 'payment' | 'clawback';
  amountFen: number;
  batch: string | null;
  note: string | null;
  actorUserId: number | null;
  actorUsername: string | null;
  at: string;
}

export interface FundingTables {
  fundingProject: FundingProjectTable;
  fundingFund: FundingFundTable;
  fundingEnvelope: FundingEnvelopeTable;
  fundingPolicy: FundingPolicyTable;
  fundingSampleDraw: FundingSampleDrawTable;
  fundingAward: FundingAwardTable;
  fundingAwardMove: FundingAwardMoveTable;
  fundingLedgerEntry: FundingLedgerEntryTable;
}
