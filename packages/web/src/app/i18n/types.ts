import type { Locale } from '@zhizao/domain';

/** One user-visible string in both languages; zh-CN is the default, en the switch. */
export interface Bilingual {
  zh: string;
  en: string;
}
export type Catalog = Record<string, Bilingual>;

const STORAGE_KEY = 'zhizao.locale';

export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** Fills `{name}` placeholders, the same convention as the server's messages. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
