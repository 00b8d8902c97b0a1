// Strings that only some pages need (the scheduler's planning pages) live in
// their own modules next to sv.ts and en.ts, so that they load with those
// pages and not on a caregiver's cold start. Swedish is bundled with the page;
// English is fetched when chosen.
import { createResource, type Accessor } from 'solid-js';
import { useI18n } from './i18n';

/** The page's strings in the current locale (Swedish while English loads). */
export function useLazyStrings<T>(sv: T, loadEn: () => Promise<T>): Accessor<T> {
  const { locale } = useI18n();
  const [en] = createResource(() => (locale() === 'en' ? true : undefined), loadEn);
  return () => (locale() === 'en' ? (en() ?? sv) : sv);
}
