// Orders: the contract's validation, and the draft care plan made from what
// was granted.
import { describe, expect, it } from 'vitest';
import { BrukareSchema } from './brukare';
import { OrderSchema, draftCarePlan, drifts, plannedMinutesPerRecipient, grantedWeeklyMinutes, insatsCatalogue, recipientKey, spreadWeekdays, weeklyMinutes } from './orders';

describe('spreadWeekdays', () => {
  it('spreads occasions over the week, Monday first', () => {
    expect([1, 2, 3, 4, 5, 7].map(spreadWeekdays)).toEqual([[1], [1, 4], [1, 3, 5], [1, 2, 4, 6], [1, 2, 3, 5, 6], [1, 2, 3, 4, 5, 6, 7]]);
  });
});

describe('draftCarePlan', () => {
  it('makes one item per daily round, in the usual window, with valid ids; call-outs are not planned', () => {
    const plan = draftCarePlan('r-1', [
      { type: 'tillsyn', minutesPerOccasion: 15, occasionsPerWeek: 10, note: 'Ring på två gånger.' },
      { type: 'medication_reminder', minutesPerOccasion: 10, occasionsPerWeek: 7 },
      { type: 'alarm_callout', minutesPerOccasion: 30, occasionsPerWeek: 2 },
    ]);
    expect(plan.map((i) => [i.id, i.title, i.rhythm.weekdays.length, i.rhythm.windowStart, i.instructions])).toEqual([
      ['r-1-tillsyn-1', 'Tillsyn 1', 7, '14:00', 'Ring på två gånger.'],
      ['r-1-tillsyn-2', 'Tillsyn 2', 3, '14:00', 'Ring på två gånger.'],
      ['r-1-medication-reminder', 'Läkemedelspåminnelse', 7, '08:00', ''],
    ]);
    // Every item fits the recipient's schema (ids are slugs).
    expect(() => BrukareSchema.parse({ id: 'r-1', teamId: 'norr', name: 'X', address: 'Y', phone: '', keyInfo: '', language: 'sv', communicationNeeds: [], contacts: [], allergies: [], risks: [], goodToKnow: [], carePlan: plan })).not.toThrow();
    expect(plan.reduce((sum, i) => sum + weeklyMinutes(i), 0)).toBe(10 * 15 + 7 * 10);
    expect(grantedWeeklyMinutes([{ type: 'lunch', minutesPerOccasion: 30, occasionsPerWeek: 7 }])).toBe(210);
  });
});

describe('OrderSchema', () => {
  const valid = { orderId: 'B-1', teamId: 'norr', recipient: { name: ' Greta ', address: 'Väg 1' }, grantedFrom: '2026-12-01', insatser: [{ type: 'lunch', minutesPerOccasion: 30, occasionsPerWeek: 7 }] };

  it('accepts the contract, trimming names', () => {
    const parsed = OrderSchema.parse(valid);
    expect(parsed.recipient.name).toBe('Greta');
  });

  it('refuses an end before the start, an unknown insats type and an empty list', () => {
    expect(OrderSchema.safeParse({ ...valid, grantedTo: '2026-11-30' }).success).toBe(false);
    expect(OrderSchema.safeParse({ ...valid, insatser: [{ type: 'massage', minutesPerOccasion: 30, occasionsPerWeek: 1 }] }).success).toBe(false);
    expect(OrderSchema.safeParse({ ...valid, insatser: [] }).success).toBe(false);
  });
});

describe('recipientKey and the catalogue', () => {
  it('matches the same person however the name and address are spaced or cased', () => {
    expect(recipientKey(' Greta  Fiktiv', 'Väg 1')).toBe(recipientKey('greta fiktiv', 'VÄG 1 '));
  });

  it('lists every type once with a pictogram path', () => {
    const ids = insatsCatalogue().map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(insatsCatalogue().every((e) => e.pictogram === `/pictograms/${e.id}.svg`)).toBe(true);
  });
});

describe('drifts', () => {
  it('flags a gap of more than 10 % and more than 15 minutes a week', () => {
    expect(drifts(240, 240)).toBe(false);
    expect(drifts(255, 240)).toBe(false); // 15 minutes
    expect(drifts(270, 240)).toBe(true);
    expect(drifts(0, 120)).toBe(true);
    expect(drifts(1030, 1000)).toBe(false); // 3 %
  });
});

describe('plannedMinutesPerRecipient', () => {
  it('counts each visit once, leaving out cancelled and missed ones', () => {
    const v = (brukareId: string, status: 'planned' | 'done' | 'cancelled' | 'missed', plannedStart: string, plannedEnd: string) => ({ brukareId, status, plannedStart, plannedEnd });
    const minutes = plannedMinutesPerRecipient([v('a', 'planned', '08:00', '08:30'), v('a', 'done', '12:00', '12:45'), v('a', 'cancelled', '18:00', '19:00'), v('b', 'missed', '09:00', '10:00')]);
    expect([...minutes]).toEqual([['a', 75]]);
  });
});
