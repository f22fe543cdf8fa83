import { api } from '../../../app/api/client.ts';

// The titles' and recommendations' own routes (server registers/titles/routes.ts, recommendations/routes.ts).

export interface TitleFigures {
  smartManufacturing: {
    total: number;
    national: number;
    provincial: number;
    municipal: number;
    other: number;
    fromLadder: { national: number; provincial: number; municipal: number };
    fromTitles: { national: number; other: number };
  };
  industrialInternet: { total: number; national: number; provincial: number };
  morningStar: { total: number };
  byKind: { kind: string; level: string; held: number; validity: Record<'valid' | 'expiring' | 'expired' | 'revoked', number> }[];
}

export interface TimelineItem {
  source: 'ladder' | 'title';
  id: number;
  kind: string;
  level: string;
  year: number;
  date: string | null;
  name: string;
  awardingBody: string | null;
  reference: string | null;
  validUntil: string | null;
  validity: string;
}

export interface RecommendationTally {
  recommended: number;
  won: number;
  notSelected: number;
  pending: number;
  amountWon: number;
  winRate: number | null;
}

export interface RecommendationSummary {
  total: RecommendationTally;
  byLevel: (RecommendationTally & { level: string })[];
  byYear: (RecommendationTally & { year: number })[];
}

export const fetchTitleFigures = () => api<TitleFigures>('/api/registers/titles/summary');
export const fetchTitleTimeline = (enterpriseId: number) =>
  api<{ items: TimelineItem[] }>(`/api/registers/titles/enterprises/${enterpriseId}/timeline`);
export const fetchRecommendationSummary = () => api<RecommendationSummary>('/api/registers/upward-recommendations/summary');
