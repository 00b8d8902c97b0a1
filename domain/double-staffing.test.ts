// Two caregivers on one visit (dubbelbemanning), both offline: each keeps her
// own check-in, check-out and outcome after the devices merge.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readExecution } from './doc-layout/exec-doc';
import { applyVisitEvent } from './doc-layout/exec-write';
import type { PlannedVisit } from './visit';

const plan: Pick<PlannedVisit, 'plannedStart' | 'plannedEnd' | 'insatser'> = {
  plannedStart: '08:00',
  plannedEnd: '08:45',
  insatser: [
    { id: 'i1', type: 'morning_help', title: 'Morgonhjälp' },
    { id: 'i2', type: 'shower', title: 'Dusch' },
  ],
};

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

describe('double-staffed visits', () => {
  it("keep both caregivers' check-ins and the outcome that went least to plan", () => {
    const anna = new Y.Doc();
    const bo = new Y.Doc();
    const at = (t: string, staffId: string) => ({ at: `2026-03-02T${t}:00.000Z`, staffId });
    expect(applyVisitEvent(anna, 'v1', { type: 'check_in' }, at('07:02', 'anna'), undefined, plan)).toEqual({ ok: true });
    expect(applyVisitEvent(bo, 'v1', { type: 'check_in' }, at('07:05', 'bo'), undefined, plan)).toEqual({ ok: true });
    expect(applyVisitEvent(anna, 'v1', { type: 'check_out', outcome: { kind: 'partial', reason: 'declined', notDone: ['i2'] } }, at('07:40', 'anna'), undefined, plan)).toEqual({ ok: true });
    expect(applyVisitEvent(bo, 'v1', { type: 'check_out' }, at('07:44', 'bo'), undefined, plan)).toEqual({ ok: true });
    sync(anna, bo);
    for (const doc of [anna, bo]) {
      const e = readExecution(doc, 'v1');
      expect(e?.status).toBe('done');
      expect(e?.checkIn).toEqual(at('07:02', 'anna'));
      expect(e?.checkOut).toEqual(at('07:44', 'bo'));
      expect(e?.staffCheckIns?.map((s) => s.staffId)).toEqual(['anna', 'bo']);
      expect(e?.outcome).toMatchObject({ kind: 'partial', reason: 'declined', notDone: ['i2'] });
    }
  });

  it('lets the second caregiver check in while the visit is in progress, but nobody twice', () => {
    const doc = new Y.Doc();
    const at = (staffId: string) => ({ at: '2026-03-02T07:02:00.000Z', staffId });
    expect(applyVisitEvent(doc, 'v1', { type: 'check_in' }, at('anna'))).toEqual({ ok: true });
    expect(applyVisitEvent(doc, 'v1', { type: 'check_in' }, at('bo'))).toEqual({ ok: true });
    expect(applyVisitEvent(doc, 'v1', { type: 'check_in' }, at('anna'))).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(applyVisitEvent(doc, 'v1', { type: 'check_out' }, at('cecilia'))).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });
});
