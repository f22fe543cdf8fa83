import type { MessageId } from '../../app/i18n/catalog.ts';

// CBV 2.0 business steps the node's pages name in people's words (shared/domain/identifiers.md §8); any other
// step (a URI or a less common CBV word) is shown as sent.
export const KNOWN_BIZ_STEPS = ['commissioning', 'receiving', 'storing', 'picking', 'packing', 'shipping', 'inspecting', 'assembling', 'loading', 'departing', 'arriving', 'retail_selling', 'accepting'] as const;

const CBV_PREFIX = 'https://ref.gs1.org/cbv/BizStep-';

/** The CBV word of a business step given as a bare word or as its URI. */
export const bizStepWord = (step: string) => (step.startsWith(CBV_PREFIX) ? step.slice(CBV_PREFIX.length) : step.replace(/^urn:epcglobal:cbv:bizstep:/, ''));

export function bizStepLabel(step: string | null, t: (id: MessageId) => string): string {
  if (!step) return '—';
  const word = bizStepWord(step);
  return (KNOWN_BIZ_STEPS as readonly string[]).includes(word) ? t(`identifiers.bizStep.${word}` as MessageId) : word;
}
