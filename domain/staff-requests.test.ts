// The staff register's request bodies: a complete person passes; every wrong
// field is named at once, with the same checks the server's 400 reports.
import { describe, expect, it } from 'vitest';
import { StaffCreateSchema, StaffUpdateSchema } from './staff-requests';

describe('request bodies', () => {
  const person = {
    username: 'sara.n',
    password: 'ett-långt-lösenord',
    name: 'Sara Nilsson',
    role: 'caregiver',
    teamIds: ['norr'],
    workHours: { start: '07:00', end: '16:00' },
    competences: [{ competence: 'insulin_delegation', validUntil: '2026-09-30' }, { competence: 'lift_training' }],
  };
  const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (result.error?.issues ?? []).map((i) => i.path.map(String).join('.')).sort();

  it('accepts a complete person', () => {
    expect(StaffCreateSchema.safeParse(person).success).toBe(true);
    expect(StaffUpdateSchema.safeParse({ ...person, username: undefined, password: undefined, workHours: undefined }).success).toBe(true);
  });

  it('names every wrong field at once', () => {
    const result = StaffCreateSchema.safeParse({
      username: 'Sara N',
      password: 'kort',
      name: '  ',
      role: 'boss',
      teamIds: ['Norr'],
      workHours: { start: '16:00', end: '07:00' },
      competences: [{ competence: 'karate' }, { competence: 'lift_training', validUntil: '30/9' }],
    });
    expect(fieldsOf(result)).toEqual(['competences.0.competence', 'competences.1.validUntil', 'name', 'password', 'role', 'teamIds.0', 'username', 'workHours.end'].sort());
  });

  it('wants a team for caregivers and schedulers, even when other fields are wrong too, but not for admins', () => {
    expect(fieldsOf(StaffCreateSchema.safeParse({ ...person, name: '', teamIds: [] }))).toEqual(['name', 'teamIds']);
    expect(StaffCreateSchema.safeParse({ ...person, role: 'admin', teamIds: [] }).success).toBe(true);
  });

  it('refuses the same competence or team twice', () => {
    expect(fieldsOf(StaffUpdateSchema.safeParse({ ...person, competences: [{ competence: 'lift_training' }, { competence: 'lift_training', validUntil: '2026-01-01' }] }))).toEqual(['competences']);
    expect(fieldsOf(StaffUpdateSchema.safeParse({ ...person, teamIds: ['norr', 'norr'] }))).toEqual(['teamIds']);
    // A malformed time is named as such, not as an end before the start.
    expect(fieldsOf(StaffUpdateSchema.safeParse({ ...person, workHours: { start: '7', end: '16:00' } }))).toEqual(['workHours.start']);
  });
});
