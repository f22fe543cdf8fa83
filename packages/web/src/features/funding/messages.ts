import type { Catalog } from '../../app/i18n/types.ts';

export const fundingMessages = {
} as const satisfies Catalog;
