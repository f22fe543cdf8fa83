import { api, queryString } from '../../app/api/client.ts';
import { downloadFile } from '../../app/api/files.ts';

// The bureau's city-wide view (packages/server/src/modules/maturity/bureau.routes.ts).

export type GroupBy = 'chain' | 'district' | 'manufacturingType';
export interface Bins<T> {
  upToL1: T;
  l2: T;
  l3: T;
  l4Plus: T;
}
export interface DistributionGroup {
  code: string;
  name: string;
  total: number;
  levels: number[];
  bins: Bins<number>;
  shares: Bins<number | null>;
  atLeastL2: number | null;
}
export interface Distribution {
  groupBy: GroupBy;
  city: Omit<DistributionGroup, 'code' | 'name'>;
  groups: DistributionGroup[];
  national: {
    id: string;
    label: string;
    asOf: string;
    enterprises: string | null;
    shares: Bins<number | null>;
    atLeastL2: number | null;
    sources: string[];
    note: string | null;
  };
  countsEnterprisesInEachChain: boolean;
}
export interface BureauFilter {
  modelVersion?: string;
  year?: number;
}
export interface EligibleItem {
  assessmentId: number;
  enterpriseId: number;
  enterpriseName: string;
  creditCode: string;
  districtCode: string;
  manufacturingType: string;
  modelVersion: string;
  level: number;
  score: number;
  submittedAt: string | null;
  verifiedLevel: number | null;
  verifiedScore: number | null;
}

const base = '/api/maturity';
const qs = (q: object) => queryString(q as Parameters<typeof queryString>[0]);

export const fetchDistribution = (groupBy: GroupBy, filter: BureauFilter) =>
  api<Distribution>(`${base}/distribution${qs({ groupBy, ...filter })}`);
export const fetchEligible = (q: BureauFilter & { minLevel: number; page: number; pageSize: number }) =>
  api<{ items: EligibleItem[]; total: number; page: number; pageSize: number }>(`${base}/eligible${qs(q)}`);
export const downloadDistribution = (groupBy: GroupBy, filter: BureauFilter) =>
  downloadFile(`${base}/distribution.xlsx${qs({ groupBy, ...filter })}`, 'maturity-distribution.xlsx');
export const downloadEligible = (minLevel: number, filter: BureauFilter) =>
  downloadFile(`${base}/eligible.xlsx${qs({ minLevel, ...filter })}`, 'maturity-eligible.xlsx');

export interface PeerGroup {
  kind: GroupBy;
  code: string;
  name: { zh: string; en: string };
  size: number;
  hidden: boolean;
  average: number | null;
  percentile: number | null;
}
export const fetchReportPeers = (id: number) => api<{ peers: PeerGroup[] }>(`${base}/assessments/${id}/report`).then((r) => r.peers);
