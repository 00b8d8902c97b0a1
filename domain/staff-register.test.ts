// The staff register: which competences count on a date (an expired
// delegation does not), the week's warning, and who may change whom.
import { describe, expect, it } from 'vitest';
import { checkPlan } from './planning-checks';
import { COMPETENCES } from './insatser';
import {
  REGISTER_COMPETENCES,
  changedFields,
  competencesOn,
  expiringWithin,
  fromGrants,
  grantsOf,
  mayManage,
  refusedChange,
  teamStaffEntry,
} from './staff-register';
import { StaffSchema, type Staff } from './team';
import type { PlannedVisit } from './visit';

const fatima: Staff = {
  id: 'fatima',
  username: 'fatima',
  name: 'Fatima Warsame',
  role: 'caregiver',
  teamIds: ['norr'],
  competences: ['insulin_delegation', 'medication_delegation'],
  workHours: { start: '07:00', end: '16:00' },
  validUntil: { insulin_delegation: '2026-03-12' },
};

describe('competencesOn', () => {
  it('counts a delegation up to and including its last day, and drops it after', () => {
    expect(competencesOn(fatima, '2026-03-11')).toEqual(['insulin_delegation', 'medication_delegation']);
    expect(competencesOn(fatima, '2026-03-12')).toEqual(['insulin_delegation', 'medication_delegation']);
    expect(competencesOn(fatima, '2026-03-13')).toEqual(['medication_delegation']);
  });

  it('works from a team staff row too, where an expired delegation is only in validUntil', () => {
    const row = teamStaffEntry(fatima, '2026-03-20');
    expect(row.competences).toEqual(['medication_delegation']);
    expect(row.validUntil).toEqual({ insulin_delegation: '2026-03-12' });
    // The board looking back at a day before the delegation ran out still counts it.
    expect(competencesOn(row, '2026-03-10')).toEqual(['insulin_delegation', 'medication_delegation']);
    expect(competencesOn(row, '2026-03-20')).toEqual(['medication_delegation']);
    expect(JSON.stringify(row)).not.toMatch(/username|hash/);
  });

  it('makes the planning check flag a visit that needs the delegation after it ran out', () => {
    const visit: PlannedVisit = {
      id: 'v1',
      teamId: 'norr',
      brukareId: 'norr-b01',
      date: '2026-03-13',
      plannedStart: '08:00',
      plannedEnd: '08:30',
      requiredStaff: 1,
      assignedStaffIds: ['fatima'],
      insatser: [{ id: 'norr-b01-i1', title: 'Insulin morgon' }],
    } as PlannedVisit;
    const recipients = new Map([
      ['norr-b01', { carePlan: [{ id: 'norr-b01-i1', requires: ['insulin_delegation' as const], rhythm: { windowStart: '07:00', windowEnd: '09:00' } }] }],
    ]) as unknown as Parameters<typeof checkPlan>[1]['recipients'];
    const on = (date: string) => checkPlan([{ ...visit, date }], { staff: [{ id: 'fatima', competences: competencesOn(fatima, date) }], recipients }).map((i) => i.kind);
    expect(on('2026-03-12')).toEqual([]);
    expect(on('2026-03-13')).toEqual(['missing_competence']);
  });
});

describe('expiringWithin', () => {
  it('lists the delegations whose last day is within the week, not later ones or expired ones', () => {
    const staff = { competences: fatima.competences, validUntil: { insulin_delegation: '2026-03-12', medication_delegation: '2026-06-01' } };
    expect(expiringWithin(staff, '2026-03-05', 7)).toEqual([{ competence: 'insulin_delegation', validUntil: '2026-03-12' }]);
    expect(expiringWithin(staff, '2026-03-04', 7)).toEqual([]);
    expect(expiringWithin(staff, '2026-03-12', 7)).toEqual([{ competence: 'insulin_delegation', validUntil: '2026-03-12' }]);
    expect(expiringWithin(staff, '2026-03-13', 7)).toEqual([]);
    expect(expiringWithin({ competences: ['lift_training'] }, '2026-03-05')).toEqual([]);
  });

  it('lists the soonest first', () => {
    const staff = { competences: [], validUntil: { lift_training: '2026-03-09', insulin_delegation: '2026-03-07' } };
    expect(expiringWithin(staff, '2026-03-05').map((e) => e.competence)).toEqual(['insulin_delegation', 'lift_training']);
  });
});

describe('REGISTER_COMPETENCES', () => {
  it('lists every competence of the catalogue, in its order', () => {
    expect(REGISTER_COMPETENCES).toEqual([...COMPETENCES]);
  });
});

describe('grants', () => {
  it('turns the stored form into the register view and back', () => {
    expect(grantsOf(fatima)).toEqual([{ competence: 'insulin_delegation', validUntil: '2026-03-12' }, { competence: 'medication_delegation' }]);
    expect(fromGrants(grantsOf(fatima))).toEqual({ competences: fatima.competences, validUntil: fatima.validUntil });
    expect(fromGrants([{ competence: 'lift_training' }])).toEqual({ competences: ['lift_training'] });
    // What the store keeps parses as a staff member.
    expect(StaffSchema.safeParse({ ...fatima, ...fromGrants([{ competence: 'lift_training', validUntil: '2027-01-01' }]) }).success).toBe(true);
    expect(StaffSchema.safeParse({ ...fatima, validUntil: { karate: '2027-01-01' } }).success).toBe(false);
  });
});

describe('who may change whom', () => {
  const admin = { role: 'admin' as const, teamIds: [] };
  const leadNorr = { role: 'scheduler' as const, teamIds: ['norr'] };
  const caregiver = { role: 'caregiver' as const, teamIds: ['norr'] };

  it('admins manage everyone; team leads their own teams but not admins; caregivers no one', () => {
    expect(mayManage(admin, { role: 'admin', teamIds: [] })).toBe(true);
    expect(mayManage(leadNorr, { role: 'caregiver', teamIds: ['norr'] })).toBe(true);
    expect(mayManage(leadNorr, { role: 'caregiver', teamIds: ['soder'] })).toBe(false);
    expect(mayManage(leadNorr, { role: 'admin', teamIds: ['norr'] })).toBe(false);
    expect(mayManage(caregiver, { role: 'caregiver', teamIds: ['norr'] })).toBe(false);
  });

  it('a team lead may not make an admin, nor move people in or out of other teams', () => {
    const anna = { role: 'caregiver' as const, teamIds: ['norr'] };
    expect(refusedChange(leadNorr, anna, { ...anna, role: 'scheduler' })).toBeNull();
    expect(refusedChange(leadNorr, anna, { ...anna, role: 'admin' })).toMatch(/admin/);
    expect(refusedChange(leadNorr, anna, { ...anna, teamIds: ['norr', 'soder'] })).toMatch(/own teams/);
    expect(refusedChange(leadNorr, { role: 'caregiver', teamIds: ['soder'] }, { role: 'caregiver', teamIds: ['soder'] })).toMatch(/not in your teams/);
    // Someone in two teams: the lead of one may change that membership and leaves the other as it was.
    const both = { role: 'caregiver' as const, teamIds: ['norr', 'soder'] };
    expect(refusedChange(leadNorr, both, { ...both, teamIds: ['soder'] })).toBeNull();
    expect(refusedChange(leadNorr, both, { ...both, teamIds: ['norr'] })).toMatch(/own teams/);
    expect(refusedChange(leadNorr, null, { role: 'caregiver', teamIds: ['norr'] })).toBeNull();
    expect(refusedChange(leadNorr, null, { role: 'caregiver', teamIds: ['soder'] })).toMatch(/own teams/);
    expect(refusedChange(caregiver, null, anna)).not.toBeNull();
    expect(refusedChange(admin, anna, { role: 'admin', teamIds: [] })).toBeNull();
  });

  it('names the fields a change touched (for the audit log), without their contents', () => {
    expect(changedFields(fatima, { ...fatima })).toEqual([]);
    expect(changedFields(fatima, { ...fatima, name: 'Fatima W', role: 'scheduler' })).toEqual(['name', 'role']);
    expect(changedFields(fatima, { ...fatima, validUntil: { insulin_delegation: '2026-04-01' } })).toEqual(['competences']);
    expect(changedFields(fatima, { ...fatima, teamIds: ['soder'], workHours: undefined })).toEqual(['teamIds', 'workHours']);
  });
});
