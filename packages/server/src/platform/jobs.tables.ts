// The durable job runner's tables (migration 0011), merged into db/schema.ts.

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobTable {
  id: string;
  kind: string;
  state: JobState;
  payloadJson: string;
  progressDone: number;
  progressTotal: number;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: string | null;
  errorKey: string | null;
  errorParamsJson: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobItemTable {
  jobId: string;
  seq: number;
  payloadJson: string;
}

export interface JobTables {
  job: JobTable;
  jobItem: JobItemTable;
}
