import type { Catalog } from '../../app/i18n/types.ts';

export const recognitionMessages = {
} as const satisfies Catalog;
