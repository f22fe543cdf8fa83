import type { Locale } from '@zhizao/domain';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLocale } from '../api/client.ts';
import { CATALOG, type MessageId } from './catalog.ts';
import { fill, storedLocale, storeLocale, type Bilingual } from './types.ts';
import { theme } from '../theme.ts';

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** A string of the catalog, with `{name}` placeholders filled. */
  t(id: MessageId, params?: Record<string, string | number>): string;
  /** The current language's half of a bilingual label (domain labels, taxonomy names). */
  pick(label: Bilingual): string;
}

const I18nContext = createContext<I18n | null>(null);

function applyLocale(locale: Locale) {
  setApiLocale(locale);
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = locale;
  const name = (id: 'app.name' | 'app.fullName') => CATALOG[id][locale === 'en' ? 'en' : 'zh'];
  document.title = `${name('app.name')} · ${name('app.fullName')}`;
}

/** Language state (zh-CN by default, English on request, kept in localStorage) and AntD's matching locale. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = storedLocale();
    applyLocale(initial);
    return initial;
  });
  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    applyLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const pick = (label: Bilingual) => (locale === 'en' ? label.en : label.zh);
    return { locale, setLocale, pick, t: (id, params) => fill(pick(CATALOG[id]), params) };
  }, [locale, setLocale]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** Shorthand for the common case of only needing `t`. */
export const useT = () => useI18n().t;
