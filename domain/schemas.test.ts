// The domain schemas at the trust boundary: good data passes unchanged, bad
// data is refused with one message that names every wrong field.
import { describe, expect, it } from 'vitest';
import {
  BrukareSchema,
  DateSchema,
  IdSchema,
  InstantSchema,
  JournalEntrySchema,
  LoginRequestSchema,
  MonthSchema,
  PlannedVisitSchema,
  TeamDaySchema,
  TimeOfDaySchema,
  VisitExecutionSchema,
  describeIssues,
  parseWith,
  type Brukare,
  type JournalEntry,
  type PlannedVisit,
  type VisitExecution,
} from './index';

const visit: PlannedVisit = {
  id: 'norr-b01-2026-03-02-0800',
  teamId: 'norr',
  brukareId: 'norr-b01',
  date: '2026-03-02',
  plannedStart: '08:00',
  plannedEnd: '08:45',
  requiredStaff: 1,
  assignedStaffIds: ['anna'],
  insatser: [{ id: 'morning', type: 'morning_help', title: 'Morgonhjälp' }],
};

const brukare: Brukare = {
  id: 'norr-b01',
  teamId: 'norr',
  name: 'Astrid Andersson',
  birthYear: 1938,
  address: 'Björkvägen 3',
  phone: '070-123 45 67',
  keyInfo: 'Nyckel i kodlåda, kod 4711',
  language: 'sv',
  communicationNeeds: [],
  contacts: [{ name: 'Eva', relation: 'dotter', phone: '070-765 43 21' }],
  allergies: ['Penicillin'],
  risks: [],
  goodToKnow: [],
  carePlan: [
    {
      id: 'morning',
      type: 'morning_help',
      title: 'Morgonhjälp',
      instructions: 'Hjälp med dusch och frukost',
      lifeArea: 'personal_care',
      requires: [],
      rhythm: { weekdays: [1, 2, 3, 4, 5], everyOtherWeek: false, windowStart: '08:00', windowEnd: '09:00', minutes: 45, staffCount: 1 },
    },
  ],
};

const entry: JournalEntry = {
  id: 'j1',
  brukareId: 'norr-b01',
  authorId: 'anna',
  authorName: 'Anna Lindqvist',
  createdAt: '2026-03-02T08:40:00.000Z',
  visitId: visit.id,
  lifeArea: 'meals',
  text: 'Åt hela frukosten.',
  status: 'signed',
  signedAt: '2026-03-02T08:41:00.000Z',
};

const execution: VisitExecution = {
  visitId: visit.id,
  status: 'done',
  checkIn: { at: '2026-03-02T07:02:00.000Z', staffId: 'anna' },
  checkOut: { at: '2026-03-02T07:44:00+01:00', staffId: 'anna' },
  tasks: { morning: { done: true, staffId: 'anna', at: '2026-03-02T07:40:00.000Z' } },
};

/** The error message of a refused parse (fails the test if the parse succeeded). */
function refusal(result: { ok: true } | { ok: false; error: string }): string {
  if (result.ok) throw new Error('expected the data to be refused, but it was accepted');
  return result.error;
}

describe('good data passes', () => {
  it.each([
    ['a planned visit', visit, (v: unknown) => parseWith(PlannedVisitSchema, v)],
    ['a brukare with a care plan', brukare, (v: unknown) => parseWith(BrukareSchema, v)],
    ['a signed journal entry', entry, (v: unknown) => parseWith(JournalEntrySchema, v)],
    ['a visit execution', execution, (v: unknown) => parseWith(VisitExecutionSchema, v)],
    ['a login request', { username: 'anna', password: 'demo' }, (v: unknown) => parseWith(LoginRequestSchema, v)],
  ] as const)('%s parses to the same value', (_label, value, parse) => {
    expect(parse(value)).toEqual({ ok: true, value });
  });

  it('accepts a team day whose visits are plan and execution merged', () => {
    const day = {
      teamId: 'norr',
      date: '2026-03-02',
      visits: [{ ...visit, brukareName: brukare.name, address: brukare.address, status: 'in_progress', tasks: {} }],
    };
    expect(parseWith(TeamDaySchema, day).ok).toBe(true);
  });

  it.each(['2026-03-02', '2024-02-29', '2025-12-31'])('accepts the date %s', (date) => {
    expect(parseWith(DateSchema, date)).toEqual({ ok: true, value: date });
  });

  it.each(['00:00', '08:05', '23:59'])('accepts the time %s', (time) => {
    expect(parseWith(TimeOfDaySchema, time).ok).toBe(true);
  });
});

describe('a planned visit', () => {
  it('that ends before it starts is refused, naming plannedEnd', () => {
    const error = refusal(parseWith(PlannedVisitSchema, { ...visit, plannedStart: '09:00', plannedEnd: '08:30' }));
    expect(error).toMatch(/^plannedEnd: /);
    expect(error).toContain('plannedEnd must be after plannedStart');
  });

  it('that ends when it starts is refused too', () => {
    expect(refusal(parseWith(PlannedVisitSchema, { ...visit, plannedEnd: visit.plannedStart }))).toContain('plannedEnd');
  });

  it('without insatser is refused, naming insatser', () => {
    expect(refusal(parseWith(PlannedVisitSchema, { ...visit, insatser: [] }))).toBe('insatser: too small (minimum 1)');
  });

  it('needing more than three staff is refused, naming requiredStaff', () => {
    expect(refusal(parseWith(PlannedVisitSchema, { ...visit, requiredStaff: 4 }))).toBe('requiredStaff: too big (maximum 3)');
  });

  it('with an unknown insats type names the nested field by its path', () => {
    const error = refusal(parseWith(PlannedVisitSchema, { ...visit, insatser: [{ id: 'x', type: 'juggling', title: 'Jonglering' }] }));
    expect(error).toMatch(/^insatser\.0\.type: must be one of "morning_help", /);
  });

  it('with several wrong fields names each of them', () => {
    const error = refusal(parseWith(PlannedVisitSchema, { ...visit, id: 'Bad:Id', date: '2026-3-2', assignedStaffIds: 'anna' }));
    expect(error).toContain('id: ');
    expect(error).toContain('date: invalid date');
    expect(error).toContain('assignedStaffIds: expected array');
    expect(error.split('; ')).toHaveLength(3);
  });

  it('that is not an object at all is refused at the root', () => {
    expect(refusal(parseWith(PlannedVisitSchema, null))).toBe('(root): expected object');
  });
});

describe('dates, months, times and instants', () => {
  it.each(['2026-13-01', '2026-02-30', '2026-00-10', '2026-3-2', '02/03/2026', '2026-03-02T08:00', ''])(
    'refuses the date %j, naming the field',
    (date) => {
      expect(refusal(parseWith(PlannedVisitSchema, { ...visit, date }))).toContain('date: invalid date');
    },
  );

  it.each(['2026-13', '2026-00', '2026-3', '2026-03-01'])('refuses the month %j', (month) => {
    expect(parseWith(MonthSchema, month).ok).toBe(false);
  });

  it.each(['24:00', '8:00', '08:60', '0800'])('refuses the start time %j, naming plannedStart', (plannedStart) => {
    expect(refusal(parseWith(PlannedVisitSchema, { ...visit, plannedStart, plannedEnd: '23:59' }))).toMatch(/^plannedStart: /);
  });

  it('tells which time format is expected, not just that a pattern failed', () => {
    // ids.ts gives the regex the message 'HH:MM'; the person reading the 400 needs it.
    expect(refusal(parseWith(PlannedVisitSchema, { ...visit, plannedStart: '8:00', plannedEnd: '23:59' }))).toContain('HH:MM');
  });

  it('refuses an instant without an offset, naming the stamp field', () => {
    const bad = { ...execution, checkIn: { at: '2026-03-02T08:00:00', staffId: 'anna' } };
    expect(refusal(parseWith(VisitExecutionSchema, bad))).toBe('checkIn.at: invalid datetime');
  });

  it('accepts instants in UTC and with an offset', () => {
    expect(parseWith(InstantSchema, '2026-03-02T08:00:00Z').ok).toBe(true);
    expect(parseWith(InstantSchema, '2026-03-02T08:00:00+01:00').ok).toBe(true);
  });
});

describe('ids', () => {
  it.each(['Anna', 'a:b', 'a b', '-anna', 'a'.repeat(65), ''])('refuses the id %j', (id) => {
    expect(parseWith(IdSchema, id).ok).toBe(false);
  });

  it.each(['anna', 'norr-b01', '0', 'a'.repeat(64)])('accepts the id %j', (id) => {
    expect(parseWith(IdSchema, id).ok).toBe(true);
  });
});

describe('a brukare', () => {
  it('missing a name is refused, naming name', () => {
    const { name: _name, ...withoutName } = brukare;
    expect(refusal(parseWith(BrukareSchema, withoutName))).toBe('name: expected string');
  });

  it('with an empty name is refused, naming name', () => {
    expect(refusal(parseWith(BrukareSchema, { ...brukare, name: '' }))).toBe('name: too small (minimum 1)');
  });

  it('with a care plan rhythm on weekday 8 names the nested field', () => {
    const carePlan = [{ ...brukare.carePlan[0]!, rhythm: { ...brukare.carePlan[0]!.rhythm, weekdays: [1, 8] } }];
    expect(refusal(parseWith(BrukareSchema, { ...brukare, carePlan }))).toBe('carePlan.0.rhythm.weekdays.1: too big (maximum 7)');
  });

  it('with a contact without a name names the contact', () => {
    expect(refusal(parseWith(BrukareSchema, { ...brukare, contacts: [{ name: '', relation: 'son', phone: '' }] }))).toBe(
      'contacts.0.name: too small (minimum 1)',
    );
  });
});

describe('a journal entry', () => {
  it('with an unknown status lists the allowed ones', () => {
    expect(refusal(parseWith(JournalEntrySchema, { ...entry, status: 'final' }))).toBe('status: must be one of "draft", "signed"');
  });

  it('longer than 10 000 characters is refused, naming text', () => {
    expect(refusal(parseWith(JournalEntrySchema, { ...entry, text: 'x'.repeat(10_001) }))).toBe('text: too big (maximum 10000)');
  });
});

describe('a login request', () => {
  it('with a number for a username names both wrong fields', () => {
    const error = refusal(parseWith(LoginRequestSchema, { username: 1 }));
    expect(error).toContain('username: expected string');
    expect(error).toContain('password: expected string');
  });

  it('with an empty username is refused, naming username', () => {
    expect(refusal(parseWith(LoginRequestSchema, { username: '', password: 'demo' }))).toMatch(/^username: /);
  });
});

describe('describeIssues', () => {
  it('joins one sentence per issue, each starting with its field path', () => {
    const result = PlannedVisitSchema.safeParse({ ...visit, teamId: 5, insatser: [{ id: 'x', type: 'lunch' }] });
    expect(result.success).toBe(false);
    const text = describeIssues(result.error?.issues ?? []);
    expect(text).toBe('teamId: expected string; insatser.0.title: expected string');
  });

  it('describes no issues as an empty string', () => {
    expect(describeIssues([])).toBe('');
  });
});
