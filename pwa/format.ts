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

export function weekdayDate(date: string, locale: 'sv' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}
