// Display formatting of dates and times in the provider's time zone.
import { localDate, localTime } from '../domain';

export function timeOf(instant: string): string {
  return localTime(new Date(instant));
}

export function dateTimeOf(instant: string, today: string): string {
  const at = new Date(instant);
  const date = localDate(at);
  return date === today ? localTime(at) : `${date} ${localTime(at)}`;
}

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

export function weekdayDate(date: string, locale: 'sv' | 'en'): string {
  // Building a formatter costs more than using one: keep one per locale.
  let format = weekdayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    weekdayFormats.set(locale, format);
  }
  return format.format(new Date(`${date}T12:00:00Z`));
}
