// Calendar arithmetic in the provider's time zone. Home care runs on Swedish
// wall-clock time, so "today" means today in Stockholm, on the server and on
// every device, whatever zone the machine itself is set to.
export const TIME_ZONE = 'Europe/Stockholm';

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The date (YYYY-MM-DD) in Stockholm at the given instant. */
export function localDate(at: Date): string {
  return dateFormat.format(at);
}

/** The wall-clock time (HH:MM) in Stockholm at the given instant. */
export function localTime(at: Date): string {
  return timeFormat.format(at);
}

/** Adds whole days to a YYYY-MM-DD date (pure calendar arithmetic, no zones). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** YYYY-MM of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month before a YYYY-MM month. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month after a YYYY-MM month. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Day of week, 1 = Monday … 7 = Sunday (Swedish weeks start on Monday). */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Minutes since midnight of an HH:MM time. */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** HH:MM of minutes since midnight. */
export function timeOfMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * The instant at which Stockholm wall-clock `time` on `date` occurs. Used for
 * demo data and for comparing planned times with check-ins.
 */
const instantCache = new Map<string, number>();
const INSTANT_CACHE_MAX = 4096;

export function instantOf(date: string, time: string): Date {
  // Boards ask for the same few hundred instants on every change: remember them.
  const key = `${date}T${time}`;
  const known = instantCache.get(key);
  if (known !== undefined) return new Date(known);
  const at = computeInstant(date, time);
  if (instantCache.size >= INSTANT_CACHE_MAX) instantCache.clear();
  instantCache.set(key, at.getTime());
  return at;
}

function computeInstant(date: string, time: string): Date {
  const wall = new Date(`${date}T${time}:00Z`).getTime();
  // Stockholm is UTC+1 or UTC+2: take the offset whose instant shows this wall
  // clock (in the autumn's repeated hour, the first of the two). A time that
  // does not exist (the spring's skipped hour) is read as winter time.
  for (const offsetMin of [120, 60]) {
    const candidate = new Date(wall - offsetMin * 60_000);
    if (localDate(candidate) === date && localTime(candidate) === time) return candidate;
  }
  return new Date(wall - 60 * 60_000);
}
