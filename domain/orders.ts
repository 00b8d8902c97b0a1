// Orders (beställningar) from the municipality's needs assessor: who, which
// insatser are granted, how much time, from when. An order makes (or updates)
// a recipient and a draft care plan made from what was granted. The wire shape
// is a public contract (POST /api/orders, docs/ARCHITECTURE.md).
import { z } from 'zod/mini';
import { ContactSchema, type CarePlanItem } from './brukare';
import { minutesOfDay } from './dates';
import { DateSchema, IdSchema } from './ids';
import { INSATS_TYPES, InsatsTypeSchema, type InsatsType, type LifeArea } from './insatser';
import { INSATS_LIFE_AREA } from './insats-life-areas';
import type { Visit } from './visit';

export const OrderInsatsSchema = z.object({
  type: InsatsTypeSchema,
  minutesPerOccasion: z.number().check(z.int(), z.gte(5), z.lte(480)),
  occasionsPerWeek: z.number().check(z.int(), z.gte(1), z.lte(42)),
  note: z.optional(z.string().check(z.maxLength(1000))),
});
export type OrderInsats = z.infer<typeof OrderInsatsSchema>;

export const OrderSchema = z
  .object({
    orderId: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'letters, digits and . _ : / - only')),
    teamId: IdSchema,
    recipient: z.object({
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      address: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
      phone: z.optional(z.string().check(z.maxLength(40))),
      language: z.optional(z.string().check(z.minLength(2), z.maxLength(12))),
      contacts: z.optional(z.array(ContactSchema).check(z.maxLength(20))),
    }),
    grantedFrom: DateSchema,
    grantedTo: z.optional(DateSchema),
    insatser: z.array(OrderInsatsSchema).check(z.minLength(1), z.maxLength(30)),
  })
  .check(
    z.refine((o) => o.grantedTo === undefined || o.grantedTo >= o.grantedFrom, { message: 'must not be before grantedFrom', path: ['grantedTo'] }),
  );
export type Order = z.infer<typeof OrderSchema>;

export const OrderResponseSchema = z.object({ recipientId: IdSchema });

/** What the recipient is granted now (the latest order), kept in the recipient's doc. */
export const GrantSchema = z.object({
  orderId: z.string(),
  grantedFrom: DateSchema,
  grantedTo: z.optional(DateSchema),
  insatser: z.array(OrderInsatsSchema),
  receivedAt: z.string(),
});
export type Grant = z.infer<typeof GrantSchema>;

/** Swedish names of the insats types, as the catalogue lists them. */
export const INSATS_NAMES_SV: Readonly<Record<InsatsType, string>> = {
  morning_help: 'Morgonhjälp',
  lunch: 'Lunch',
  evening_help: 'Kvällshjälp',
  night_help: 'Nattillsyn',
  tillsyn: 'Tillsyn',
  shower: 'Dusch',
  shopping: 'Inköp',
  cleaning: 'Städ',
  laundry: 'Tvätt',
  walk: 'Promenad',
  medication_reminder: 'Läkemedelspåminnelse',
  transfer: 'Förflyttning',
  alarm_callout: 'Larmutryckning',
};

export type CatalogueEntry = { id: InsatsType; name: string; lifeArea: LifeArea; pictogram: string };

/** GET /api/catalogue/insatser: every insats type an order may name. */
export function insatsCatalogue(): CatalogueEntry[] {
  return INSATS_TYPES.map((id) => ({ id, name: INSATS_NAMES_SV[id], lifeArea: INSATS_LIFE_AREA[id], pictogram: `/pictograms/${id}.svg` }));
}

/** The usual time window of each insats type: where a draft care plan starts. */
const DEFAULT_WINDOW: Readonly<Record<InsatsType, [string, string]>> = {
  morning_help: ['07:00', '10:00'],
  lunch: ['11:30', '13:30'],
  evening_help: ['19:00', '21:30'],
  night_help: ['23:00', '23:59'],
  tillsyn: ['14:00', '16:00'],
  shower: ['09:00', '12:00'],
  shopping: ['10:00', '15:00'],
  cleaning: ['10:00', '15:00'],
  laundry: ['10:00', '15:00'],
  walk: ['13:00', '16:00'],
  medication_reminder: ['08:00', '09:00'],
  transfer: ['08:00', '20:00'],
  alarm_callout: ['00:00', '23:59'],
};

/** `count` weekdays (1 = Monday) spread over the week: 1 → Mon, 2 → Mon Thu, 3 → Mon Wed Fri, … */
export function spreadWeekdays(count: number): number[] {
  const n = Math.max(1, Math.min(7, count));
  return Array.from({ length: n }, (_, i) => Math.floor((i * 7) / n) + 1);
}

/**
 * A draft care plan for granted insatser: one item per daily round (an insats
 * granted 14 times a week gets two daily items), in the type's usual window,
 * with the assessor's note as the first instructions. The team then writes it
 * with the recipient. Item ids are stable per order and round.
 */
export function draftCarePlan(recipientId: string, insatser: readonly OrderInsats[]): CarePlanItem[] {
  const items: CarePlanItem[] = [];
  for (const insats of insatser) {
    if (insats.type === 'alarm_callout') continue; // call-outs are not planned; they come as unplanned visits
    const rounds = Math.ceil(insats.occasionsPerWeek / 7);
    const [windowStart, windowEnd] = DEFAULT_WINDOW[insats.type];
    for (let round = 0; round < rounds; round++) {
      const days = Math.min(7, insats.occasionsPerWeek - round * 7);
      items.push({
        id: `${recipientId}-${insats.type.replace(/_/g, '-')}${rounds > 1 ? `-${round + 1}` : ''}`.slice(0, 64),
        type: insats.type,
        title: rounds > 1 ? `${INSATS_NAMES_SV[insats.type]} ${round + 1}` : INSATS_NAMES_SV[insats.type],
        instructions: insats.note ?? '',
        lifeArea: INSATS_LIFE_AREA[insats.type],
        requires: [],
        rhythm: { weekdays: spreadWeekdays(days), everyOtherWeek: false, windowStart, windowEnd, minutes: insats.minutesPerOccasion, staffCount: 1 },
      });
    }
  }
  return items;
}

/** Planned minutes per week of a care plan item (every other week counts half). */
export function weeklyMinutes(item: Pick<CarePlanItem, 'rhythm'>): number {
  return item.rhythm.weekdays.length * item.rhythm.minutes * (item.rhythm.everyOtherWeek ? 0.5 : 1);
}

/** Granted minutes per week of an order's insatser. */
export function grantedWeeklyMinutes(insatser: readonly OrderInsats[]): number {
  return insatser.reduce((sum, i) => sum + i.minutesPerOccasion * i.occasionsPerWeek, 0);
}

/** How a later order finds the recipient an earlier one made: same team, same name and address. */
export function recipientKey(name: string, address: string): string {
  const norm = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  return `${norm(name)}|${norm(address)}`;
}

/**
 * Planned minutes per recipient over some visits, the way a grant counts them:
 * each visit's planned length once (however many staff), cancelled and missed
 * visits not at all.
 */
export function plannedMinutesPerRecipient(visits: readonly Pick<Visit, 'brukareId' | 'status' | 'plannedStart' | 'plannedEnd'>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of visits) {
    if (v.status === 'cancelled' || v.status === 'missed') continue;
    out.set(v.brukareId, (out.get(v.brukareId) ?? 0) + minutesOfDay(v.plannedEnd) - minutesOfDay(v.plannedStart));
  }
  return out;
}

/** Planned time has drifted from the granted time: more than 10 % and more than 15 minutes a week apart. */
export function drifts(plannedMinutes: number, grantedMinutes: number): boolean {
  const gap = Math.abs(plannedMinutes - grantedMinutes);
  return gap > 15 && gap > 0.1 * grantedMinutes;
}

/** A new care plan item of a type, in the type's usual window, to be written with the recipient (the care plan editor's "add"). */
export function newCarePlanItem(recipientId: string, type: InsatsType, suffix: string): CarePlanItem {
  const [windowStart, windowEnd] = DEFAULT_WINDOW[type];
  return {
    id: `${recipientId.slice(0, 40)}-${type.replace(/_/g, '-')}-${suffix}`.toLowerCase().replace(/[^a-z0-9-]/g, '').slice(0, 64),
    type,
    title: INSATS_NAMES_SV[type],
    instructions: '',
    lifeArea: INSATS_LIFE_AREA[type],
    requires: [],
    rhythm: { weekdays: [1, 2, 3, 4, 5, 6, 7], everyOtherWeek: false, windowStart, windowEnd, minutes: 30, staffCount: 1 },
  };
}
