import type { RegisterDefinition } from '@zhizao/domain';
import type { ComponentType } from 'react';
import { TalentSummary } from './talent/TalentSummary.tsx';
import { RecommendationSummary } from './recommendations/RecommendationSummary.tsx';
import { TitleFigures } from './titles/TitleFigures.tsx';
import { NetworkSummary } from './network/NetworkSummary.tsx';
import { CoverageCard } from './showcases/CoverageCard.tsx';
import { OutcomesCard } from './training/OutcomesCard.tsx';

// What a register shows beyond the shared list, form and import: a figures card above its list (a
// coverage map, totals computed from the rows, an ageing chart). Each register's folder exports its
// component and lists it here by register key.

export interface RegisterViewProps {
  definition: RegisterDefinition;
}

export interface RegisterView {
  /** Shown above the list, under the page title. */
  summary?: ComponentType<RegisterViewProps>;
}

export const REGISTER_VIEWS: Record<string, RegisterView> = {
  'talent-payments': { summary: TalentSummary },
  titles: { summary: TitleFigures },
  'upward-recommendations': { summary: RecommendationSummary },
  'base-stations': { summary: NetworkSummary },
  showcases: { summary: CoverageCard },
  'training-events': { summary: OutcomesCard },
};
