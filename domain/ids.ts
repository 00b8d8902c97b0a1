// Identifier, date and time formats shared by every schema and doc name.
import { z } from 'zod/mini';

/** Lower-case slug ids: safe inside doc names (which use ':' as separator) and URLs. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const IdSchema = z.string().check(z.regex(ID_PATTERN, 'lower-case letters, digits and dashes'));
export type Id = z.infer<typeof IdSchema>;

/** A calendar date, YYYY-MM-DD, in the provider's time zone (Europe/Stockholm). */
export const DateSchema = z.iso.date();
export type IsoDate = z.infer<typeof DateSchema>;

/** A calendar month, YYYY-MM. */
export const MonthSchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'));

/** Wall-clock time of day, HH:MM (24 h). */
export const TimeOfDaySchema = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'));
export type TimeOfDay = z.infer<typeof TimeOfDaySchema>;

/** An instant, ISO 8601 with offset (what Date#toISOString gives). */
export const InstantSchema = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof InstantSchema>;
