// The locale and its strings. Swedish first and always loaded; English, the
// second locale, is loaded when chosen (it is not needed for a cold start).
import { createContext, createSignal, useContext, type Accessor } from 'solid-js';
import { sv, type Strings } from './sv';

export type Locale = 'sv' | 'en';

export type I18n = { locale: Accessor<Locale>; t: Accessor<Strings>; setLocale(locale: Locale): Promise<void> };

async function load(locale: Locale): Promise<Strings> {
  return locale === 'sv' ? sv : (await import('./en')).en;
}

/** Creates the i18n state with `initial` already loaded. */
export async function createI18n(initial: Locale): Promise<I18n> {
  const [locale, setLocaleSignal] = createSignal<Locale>(initial);
  const [strings, setStrings] = createSignal<Strings>(await load(initial));
  return {
    locale,
    t: strings,
    async setLocale(l) {
      setStrings(await load(l));
      setLocaleSignal(l);
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
