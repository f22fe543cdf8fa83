import type { Locale } from '../i18n/messages.ts';

export interface Label {
  zh: string;
  en: string;
}

export const labelIn = (label: Label, locale: Locale): string => (locale === 'en' ? label.en : label.zh);
