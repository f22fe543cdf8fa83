import type { MessageId } from '../../app/i18n/catalog.ts';

// CBV 2.0 business steps and dispositions the node's pages name in people's words (shared/domain/identifiers.md §8);
// any other (a URI or a less common CBV word) is shown as its word.
export const KNOWN_BIZ_STEPS = [
  'commissioning',
  'receiving',
  'storing',
  'picking',
  'packing',
  'shipping',
  'inspecting',
  'assembling',
  'loading',
  'departing',
  'arriving',
  'retail_selling',
  'accepting',
] as const;

export const KNOWN_DISPOSITIONS = [
  'active',
  'in_progress',
  'in_transit',
  'sellable_accessible',
  'sellable_not_accessible',
  'damaged',
  'expired',
  'recalled',
  'destroyed',
] as const;

/** The CBV word of a value given as a bare word, a GS1 web URI (…/BizStep-shipping) or an EPCglobal URN. */
const cbvWord = (value: string) => value.replace(/^https:\/\/ref\.gs1\.org\/cbv\/[A-Za-z]+-/, '').replace(/^urn:epcglobal:cbv:[a-z]+:/, '');

function label(value: string | null, known: readonly string[], group: 'bizStep' | 'disposition', t: (id: MessageId) => string): string {
  if (!value) return '—';
  const word = cbvWord(value);
  return known.includes(word) ? t(`identifiers.${group}.${word}` as MessageId) : word;
}

export const bizStepLabel = (step: string | null, t: (id: MessageId) => string) => label(step, KNOWN_BIZ_STEPS, 'bizStep', t);
export const dispositionLabel = (disposition: string | null, t: (id: MessageId) => string) =>
  label(disposition, KNOWN_DISPOSITIONS, 'disposition', t);
