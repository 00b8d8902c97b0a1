// The locale and its strings. Swedish first; English as the second locale.
import { createContext, createSignal, useContext, type Accessor } from 'solid-js';
import { en } from './en';
import { sv, type Strings } from './sv';

export type Locale = 'sv' | 'en';
const STRINGS: Record<Locale, Strings> = { sv, en };

export type I18n = { locale: Accessor<Locale>; t: Accessor<Strings>; setLocale(locale: Locale): void };

export function createI18n(initial: Locale): I18n {
  const [locale, setLocale] = createSignal<Locale>(initial);
  return {
    locale,
    t: () => STRINGS[locale()],
    setLocale: (l) => {
      setLocale(l);
      document.documentElement.lang = l;
    },
  };
}

export const I18nContext = createContext<I18n>();

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside I18nContext.Provider');
  return ctx;
}
