import type { Catalog } from '../../app/i18n/types.ts';

export const identifiersMessages = {
} as const satisfies Catalog;
