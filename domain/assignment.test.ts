// The staff list after assigning, dragging and resolving a clash.
import { describe, expect, it } from 'vitest';
import { assignFirst, assignWorker, replaceInAssignment } from './assignment';

describe('assignFirst', () => {
  it('puts the chosen person first and keeps a second staff member', () => {
    expect(assignFirst(['anna', 'bo'], 'dalia')).toEqual(['dalia', 'bo']);
    expect(assignFirst(['anna', 'bo'], 'bo')).toEqual(['bo']);
    expect(assignFirst([], 'anna')).toEqual(['anna']);
  });
  it('removes the first with an empty choice', () => {
    expect(assignFirst(['anna', 'bo'], '')).toEqual(['bo']);
  });
});

describe('replaceInAssignment', () => {
  it('replaces only the person whose lane the card came from, in their place', () => {
    expect(replaceInAssignment(['anna', 'hanna'], 'hanna', 'ivan')).toEqual(['anna', 'ivan']);
    expect(replaceInAssignment(['anna', 'hanna'], 'anna', 'ivan')).toEqual(['ivan', 'hanna']);
  });
  it('assigns from the unassigned column and unassigns to it', () => {
    expect(replaceInAssignment([], '', 'bo')).toEqual(['bo']);
    expect(replaceInAssignment(['anna', 'hanna'], 'anna', '')).toEqual(['hanna']);
  });
  it('does not list anyone twice', () => {
    expect(replaceInAssignment(['anna', 'hanna'], 'anna', 'hanna')).toEqual(['hanna']);
  });
});

describe('assignWorker', () => {
  const at = '2026-03-02T07:05:00.000Z';
  it('gives a single-staffed visit to the one who did it', () => {
    expect(assignWorker({ assignedStaffIds: ['bo'], requiredStaff: 1, checkIn: { at, staffId: 'anna' }, tasks: {} }, 'anna')).toEqual(['anna']);
  });
  it('keeps an assigned person who also worked the visit, and the rest as far as needed', () => {
    const visit = { assignedStaffIds: ['bo', 'dalia'], requiredStaff: 2, staffCheckIns: [{ at, staffId: 'anna' }, { at, staffId: 'dalia' }], tasks: {} };
    expect(assignWorker(visit, 'anna')).toEqual(['dalia', 'anna']);
    expect(assignWorker({ ...visit, staffCheckIns: [{ at, staffId: 'anna' }] }, 'anna')).toEqual(['anna', 'bo']);
  });
});
