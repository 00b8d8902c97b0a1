// The live day as the scheduler follows it: late and missed by Stockholm
// wall-clock time, counts per status, and when the board must look again.
import { describe, expect, it } from 'vitest';
import { LATE_AFTER_MINUTES, LIVE_STATUSES, liveCounts, liveStatus, nextLiveChange } from './live-day';
import type { VisitStatus } from './visit';

type LiveVisit = { date: string; plannedStart: string; plannedEnd: string; status: VisitStatus };

const visit = (extra: Partial<LiveVisit> = {}): LiveVisit => ({ date: '2026-03-02', plannedStart: '08:00', plannedEnd: '08:45', status: 'planned', ...extra });
const utc = (iso: string) => new Date(iso);
const MINUTE = 60_000;

describe('liveStatus', () => {
  it('follows the clock on a winter day (08:00 in Stockholm is 07:00 UTC)', () => {
    const v = visit();
    expect(liveStatus(v, utc('2026-03-02T06:59:00Z'))).toBe('not_started');
    expect(liveStatus(v, utc('2026-03-02T07:14:59Z'))).toBe('not_started');
    expect(liveStatus(v, utc('2026-03-02T07:15:00Z'))).toBe('late');
    expect(liveStatus(v, utc('2026-03-02T07:44:59Z'))).toBe('late');
    expect(liveStatus(v, utc('2026-03-02T07:45:00Z'))).toBe('missed');
    expect(liveStatus(v, utc('2026-03-03T07:00:00Z'))).toBe('missed');
  });

  it('follows the clock on a summer day (08:00 in Stockholm is 06:00 UTC)', () => {
    const v = visit({ date: '2026-06-15' });
    expect(liveStatus(v, utc('2026-06-15T06:14:00Z'))).toBe('not_started');
    expect(liveStatus(v, utc('2026-06-15T06:15:00Z'))).toBe('late');
    expect(liveStatus(v, utc('2026-06-15T06:45:00Z'))).toBe('missed');
  });

  it('uses the right offset on the days the clocks change', () => {
    // 2026-03-29: summer time from 02:00; the day before is still winter time.
    expect(liveStatus(visit({ date: '2026-03-28' }), utc('2026-03-28T06:15:00Z'))).toBe('not_started');
    expect(liveStatus(visit({ date: '2026-03-29' }), utc('2026-03-29T06:14:00Z'))).toBe('not_started');
    expect(liveStatus(visit({ date: '2026-03-29' }), utc('2026-03-29T06:15:00Z'))).toBe('late');
    expect(liveStatus(visit({ date: '2026-03-29' }), utc('2026-03-29T06:45:00Z'))).toBe('missed');
    // 2026-10-25: back to winter time at 03:00, so 08:00 is 07:00 UTC again.
    expect(liveStatus(visit({ date: '2026-10-25' }), utc('2026-10-25T06:15:00Z'))).toBe('not_started');
    expect(liveStatus(visit({ date: '2026-10-25' }), utc('2026-10-25T07:15:00Z'))).toBe('late');
    expect(liveStatus(visit({ date: '2026-10-25' }), utc('2026-10-25T07:45:00Z'))).toBe('missed');
  });

  // Known gap in dates.ts instantOf (outside this change): its single
  // correction step takes the offset at the wrong side of the switch, so
  // wall-clock 01:00–01:59 on both switch days comes out an hour off
  // (2026-03-29 01:30 → 00:30 local; 2026-10-25 01:30 → 02:30 local).
  // A night visit at 01:15 then reads as missed at 01:00. Flip to `it` once fixed.
  it('does not call a night visit missed before it starts on the night the clocks change', () => {
    // 01:15–01:45 is still winter time (UTC+1): 00:15–00:45 UTC.
    expect(liveStatus(visit({ date: '2026-03-29', plannedStart: '01:15', plannedEnd: '01:45' }), utc('2026-03-29T00:00:00Z'))).toBe('not_started');
  });

  it('keeps a stored status whatever the clock says', () => {
    const before = utc('2026-03-02T05:00:00Z');
    const after = utc('2026-03-02T12:00:00Z');
    for (const status of ['cancelled', 'done', 'in_progress', 'missed'] as const) {
      expect(liveStatus(visit({ status }), before)).toBe(status);
      expect(liveStatus(visit({ status }), after)).toBe(status);
    }
  });

  it('takes the lateness threshold from the caller', () => {
    const at0705 = utc('2026-03-02T07:05:00Z');
    expect(liveStatus(visit(), at0705)).toBe('not_started');
    expect(liveStatus(visit(), at0705, 5)).toBe('late');
    expect(liveStatus(visit(), utc('2026-03-02T07:00:00Z'), 0)).toBe('late');
  });

  it('goes straight from not started to missed when the visit ends before it would be late', () => {
    const short = visit({ plannedStart: '08:00', plannedEnd: '08:10' });
    expect(liveStatus(short, utc('2026-03-02T07:09:00Z'))).toBe('not_started');
    expect(liveStatus(short, utc('2026-03-02T07:10:00Z'))).toBe('missed');
  });
});

describe('liveCounts', () => {
  it('counts every visit once under its live status, with zero for the rest', () => {
    const now = utc('2026-03-02T09:20:00Z'); // 10:20 in Stockholm
    const counts = liveCounts(
      [
        visit({ plannedStart: '07:00', plannedEnd: '07:30' }), // missed
        visit({ plannedStart: '10:00', plannedEnd: '10:30' }), // late
        visit({ plannedStart: '10:10', plannedEnd: '10:40' }), // not started (late at 10:25)
        visit({ plannedStart: '12:00', plannedEnd: '12:30' }), // not started
        visit({ status: 'in_progress' }),
        visit({ status: 'done' }),
        visit({ status: 'done' }),
        visit({ status: 'cancelled' }),
      ],
      now,
    );
    expect(counts).toEqual({ late: 1, missed: 1, not_started: 2, in_progress: 1, done: 2, cancelled: 1 });
    expect(Object.keys(counts).sort()).toEqual([...LIVE_STATUSES].sort());
  });

  it('uses the same lateness threshold as liveStatus when given one', () => {
    const visits = [visit()];
    const now = utc('2026-03-02T07:05:00Z');
    expect(liveCounts(visits, now).not_started).toBe(1);
    expect(liveCounts(visits, now, 5).late).toBe(1);
  });

  it('is all zeros for an empty day', () => {
    expect(Object.values(liveCounts([], utc('2026-03-02T07:00:00Z')))).toEqual(LIVE_STATUSES.map(() => 0));
  });
});

describe('nextLiveChange', () => {
  it('is null when no visit can change by the clock alone', () => {
    expect(nextLiveChange([], utc('2026-03-02T07:00:00Z'))).toBeNull();
    expect(nextLiveChange([visit({ status: 'in_progress' }), visit({ status: 'cancelled' })], utc('2026-03-02T06:00:00Z'))).toBeNull();
    // Already missed: nothing more will happen to it.
    expect(nextLiveChange([visit()], utc('2026-03-02T07:45:00Z'))).toBeNull();
  });

  it('waits until the visit becomes late, then until it becomes missed', () => {
    expect(nextLiveChange([visit()], utc('2026-03-02T07:00:00Z'))).toBe(LATE_AFTER_MINUTES * MINUTE);
    expect(nextLiveChange([visit()], utc('2026-03-02T07:15:00Z'))).toBe(30 * MINUTE);
    expect(nextLiveChange([visit()], utc('2026-03-02T07:44:00Z'))).toBe(MINUTE);
  });

  it('picks the soonest change over all planned visits', () => {
    const visits = [visit({ plannedStart: '09:00', plannedEnd: '09:30' }), visit({ plannedStart: '08:00', plannedEnd: '08:20' }), visit({ status: 'done', plannedStart: '07:00', plannedEnd: '07:10' })];
    // 07:12 local: the 08:00 visit turns late at 08:15.
    expect(nextLiveChange(visits, utc('2026-03-02T06:12:00Z'))).toBe(63 * MINUTE);
    // 08:16 local: the 08:00 visit ends at 08:20, before the 09:00 one is late.
    expect(nextLiveChange(visits, utc('2026-03-02T07:16:00Z'))).toBe(4 * MINUTE);
  });

  it('takes the lateness threshold from the caller', () => {
    expect(nextLiveChange([visit()], utc('2026-03-02T07:00:00Z'), 5)).toBe(5 * MINUTE);
  });

  it('counts the hour the clocks skip: 08:15 the next morning is 11 h 15 min after 20:00 the night before', () => {
    // 2026-03-28 20:00 CET is 19:00 UTC; 2026-03-29 08:15 CEST is 06:15 UTC.
    expect(nextLiveChange([visit({ date: '2026-03-29' })], utc('2026-03-28T19:00:00Z'))).toBe((11 * 60 + 15) * MINUTE);
    // …and the hour the clocks repeat: 13 h 15 min.
    expect(nextLiveChange([visit({ date: '2026-10-25' })], utc('2026-10-24T18:00:00Z'))).toBe((13 * 60 + 15) * MINUTE);
  });

  it('points exactly at the moment the counts change', () => {
    const visits = [visit({ plannedStart: '08:00', plannedEnd: '08:30' }), visit({ plannedStart: '08:10', plannedEnd: '09:00' }), visit({ date: '2026-03-29' })];
    let now = utc('2026-03-02T06:00:00Z');
    for (let step = 0; step < 10; step++) {
      const wait = nextLiveChange(visits, now);
      if (wait === null) break;
      const before = liveCounts(visits, new Date(now.getTime() + wait - 1));
      const after = liveCounts(visits, new Date(now.getTime() + wait));
      expect(before).toEqual(liveCounts(visits, now));
      expect(after).not.toEqual(before);
      now = new Date(now.getTime() + wait);
    }
    expect(nextLiveChange(visits, now)).toBeNull();
    expect(liveCounts(visits, now).missed).toBe(3);
  });
});
