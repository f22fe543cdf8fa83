// The vocabulary of 智改数转 projects and subsidy funds (issue 5). Kinds follow the seed's §二 and the
// Shandong instruments in shared/domain/recognition-and-funding.md §1, §5.

export const PROJECT_KINDS = [
  'equipment_upgrade',
  'digital_workshop',
  'smart_factory',
  'industrial_internet',
  '5g_application',
  'industrial_software',
  'green_manufacturing',
  'other',
] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const PROJECT_KIND_LABELS: Record<ProjectKind, { zh: string; en: string }> = {
  equipment_upgrade: { zh: '设备更新', en: 'Equipment upgrade' },
  digital_workshop: { zh: '数字化车间', en: 'Digital workshop' },
  smart_factory: { zh: '智能工厂', en: 'Smart factory' },
  industrial_internet: { zh: '工业互联网', en: 'Industrial internet' },
  '5g_application': { zh: '5G应用', en: '5G application' },
  industrial_software: { zh: '工业软件', en: 'Industrial software' },
  green_manufacturing: { zh: '绿色制造', en: 'Green manufacturing' },
  other: { zh: '其他', en: 'Other' },
};

export const INVESTMENT_ITEMS = ['equipment', 'software', 'services', 'other'] as const;
export type InvestmentItem = (typeof INVESTMENT_ITEMS)[number];

export const INVESTMENT_ITEM_LABELS: Record<InvestmentItem, { zh: string; en: string }> = {
  equipment: { zh: '设备', en: 'Equipment' },
  software: { zh: '软件', en: 'Software' },
  services: { zh: '服务', en: 'Services' },
  other: { zh: '其他', en: 'Other' },
};

/** Investment split, all in integer fen. */
export interface Investment {
  equipmentFen: number;
  softwareFen: number;
  servicesFen: number;
  otherFen: number;
}

export const investmentOf = (i: Investment, item: InvestmentItem): number => i[`${item}Fen`];
export const totalInvestment = (i: Investment): number => INVESTMENT_ITEMS.reduce((sum, item) => sum + investmentOf(i, item), 0);

// talent_reward and graduate_allowance: the talent fund's envelopes, drawn on by talent payments (registers/talent)
export const ENVELOPE_KINDS = ['smart_digital', 'other', 'talent_reward', 'graduate_allowance'] as const;
export type EnvelopeKind = (typeof ENVELOPE_KINDS)[number];

/** What a fund is for: one fund a year of each (the advanced-manufacturing special fund; the talent fund). */
export const FUND_PURPOSES = ['manufacturing', 'talent'] as const;
export type FundPurpose = (typeof FUND_PURPOSES)[number];

export type KpiDirection = 'up' | 'down';

/** A target KPI (domain notes §6: baseline, target, unit; the change % is computed). */
export interface KpiTarget {
  code: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: KpiDirection;
}

export interface Milestone {
  name: string;
  dueDate: string;
  doneDate: string | null;
}
