// The visit lifecycle: every status × event pair, the allowed ones and the
// refused ones, each refusal with a reason a caregiver can act on.
import { describe, expect, it } from 'vitest';
import { VISIT_STATUSES, transition, type VisitEvent, type VisitStatus } from './index';

const EVENTS: VisitEvent[] = [
  { type: 'check_in' },
  { type: 'check_out' },
  { type: 'cancel', reason: 'Inlagd på sjukhus' },
  { type: 'mark_missed', reason: 'Inte hemma' },
  { type: 'reopen' },
];

/** The complete table of allowed transitions; every pair not listed is refused. */
const ALLOWED: Partial<Record<VisitStatus, Partial<Record<VisitEvent['type'], VisitStatus>>>> = {
  planned: { check_in: 'in_progress', cancel: 'cancelled', mark_missed: 'missed' },
  in_progress: { check_out: 'done' },
  cancelled: { reopen: 'planned' },
  missed: { reopen: 'planned' },
};

const PAIRS = VISIT_STATUSES.flatMap((from) => EVENTS.map((event) => ({ from, event, to: ALLOWED[from]?.[event.type] })));

describe('transition', () => {
  it.each(PAIRS.filter((p) => p.to !== undefined).map((p) => [p.from, p.event.type, p.to, p.event] as const))(
    '%s --%s--> %s',
    (from, _type, to, event) => {
      expect(transition(from, event)).toEqual({ ok: true, status: to });
    },
  );

  it.each(PAIRS.filter((p) => p.to === undefined).map((p) => [p.event.type, p.from, p.event] as const))(
    'refuses %s from %s with a reason naming the current status',
    (type, from, event) => {
      const result = transition(from, event);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatchObject({ code: 'invalid_transition', from, event: type });
      expect(result.error.message).toContain(from);
    },
  );

  it('walks a whole visit: planned → in progress → done, and done is final', () => {
    let status: VisitStatus = 'planned';
    for (const event of [{ type: 'check_in' }, { type: 'check_out' }] as const) {
      const result = transition(status, event);
      if (!result.ok) throw new Error(result.error.message);
      status = result.status;
    }
    expect(status).toBe('done');
    for (const event of EVENTS) expect(transition(status, event).ok).toBe(false);
  });

  it('tells a caregiver who checks out first to check in', () => {
    const result = transition('planned', { type: 'check_out' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    if (!result.ok) expect(result.error.message).toMatch(/check in first/);
  });

  it('refuses to check in twice', () => {
    const result = transition('in_progress', { type: 'check_in' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition', from: 'in_progress', event: 'check_in' } });
  });

  it.each([
    ['cancel', ''],
    ['cancel', '   '],
    ['mark_missed', ''],
    ['mark_missed', '\n\t'],
  ] as const)('%s with the blank reason %j is refused: a reason is required', (type, reason) => {
    const result = transition('planned', { type, reason });
    expect(result).toEqual({
      ok: false,
      error: { code: 'reason_required', from: 'planned', event: type, message: 'a reason is required' },
    });
  });

  it.each(['in_progress', 'done', 'cancelled', 'missed'] as const)('refuses to cancel or mark missed a visit that is %s', (from) => {
    for (const type of ['cancel', 'mark_missed'] as const) {
      const result = transition(from, { type, reason: 'Sjuk' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition', from, event: type } });
      if (!result.ok) expect(result.error.message).toMatch(/only a planned visit/);
    }
  });

  it.each(['planned', 'in_progress', 'done'] as const)('refuses to reopen a visit that is %s', (from) => {
    const result = transition(from, { type: 'reopen' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition', from, event: 'reopen' } });
    if (!result.ok) expect(result.error.message).toMatch(/only a cancelled or missed visit/);
  });

  it('lets a reopened visit be carried out after all', () => {
    const missed = transition('planned', { type: 'mark_missed', reason: 'Inte hemma' });
    expect(missed).toEqual({ ok: true, status: 'missed' });
    const reopened = transition('missed', { type: 'reopen' });
    expect(reopened).toEqual({ ok: true, status: 'planned' });
    expect(transition('planned', { type: 'check_in' })).toEqual({ ok: true, status: 'in_progress' });
  });
});
