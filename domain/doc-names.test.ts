// Doc names, who may open which doc, and which docs a device holds: the three
// decisions the server makes before any CRDT byte moves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_DOC_NAME_CHARS,
  brukareDocName,
  docAccess,
  docsForUser,
  execDocName,
  formatDocName,
  journalDocName,
  parseDocName,
  planDocName,
  syncWindow,
  type DocRef,
  type Role,
} from './index';

describe('doc names', () => {
  it.each([
    ['plan:norr:2026-03-02', { kind: 'plan', teamId: 'norr', date: '2026-03-02' }],
    ['exec:soder:2024-02-29', { kind: 'exec', teamId: 'soder', date: '2024-02-29' }],
    ['brukare:norr-b01', { kind: 'brukare', brukareId: 'norr-b01' }],
    ['journal:norr-b01:2025-12', { kind: 'journal', brukareId: 'norr-b01', month: '2025-12' }],
  ] as const)('%s parses and formats back to itself', (name, ref) => {
    expect(parseDocName(name)).toEqual(ref);
    expect(formatDocName(ref)).toBe(name);
  });

  it('the per-kind builders give the same names as formatDocName', () => {
    expect(planDocName('norr', '2026-03-02')).toBe(formatDocName({ kind: 'plan', teamId: 'norr', date: '2026-03-02' }));
    expect(execDocName('norr', '2026-03-02')).toBe(formatDocName({ kind: 'exec', teamId: 'norr', date: '2026-03-02' }));
    expect(brukareDocName('b1')).toBe(formatDocName({ kind: 'brukare', brukareId: 'b1' }));
    expect(journalDocName('b1', '2026-03')).toBe(formatDocName({ kind: 'journal', brukareId: 'b1', month: '2026-03' }));
  });

  it('round-trips any valid ref (property)', () => {
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,63}$/);
    const day = fc
      .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const ref: fc.Arbitrary<DocRef> = fc.oneof(
      fc.record({ kind: fc.constant('plan' as const), teamId: id, date: day }),
      fc.record({ kind: fc.constant('exec' as const), teamId: id, date: day }),
      fc.record({ kind: fc.constant('brukare' as const), brukareId: id }),
      fc.record({ kind: fc.constant('journal' as const), brukareId: id, month: day.map((d) => d.slice(0, 7)) }),
    );
    fc.assert(
      fc.property(ref, (r) => {
        const name = formatDocName(r);
        expect(name.length).toBeLessThanOrEqual(MAX_DOC_NAME_CHARS);
        expect(parseDocName(name)).toEqual(r);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['empty', ''],
    ['unknown kind', 'visit:norr:2026-03-02'],
    ['kind in upper case', 'PLAN:norr:2026-03-02'],
    ['plan without a date', 'plan:norr'],
    ['plan with an extra part', 'plan:norr:2026-03-02:x'],
    ['exec with an empty team', 'exec::2026-03-02'],
    ['brukare with an extra part', 'brukare:norr-b01:2026-03'],
    ['brukare without an id', 'brukare:'],
    ['journal without a month', 'journal:norr-b01'],
    ['journal with a date instead of a month', 'journal:norr-b01:2026-03-02'],
    ['month 13', 'journal:norr-b01:2026-13'],
    ['month 00', 'journal:norr-b01:2026-00'],
    ['month 13 in a date', 'plan:norr:2026-13-01'],
    ['February 30', 'exec:norr:2026-02-30'],
    ['a date without dashes', 'plan:norr:20260302'],
    ['upper-case id', 'brukare:Norr-b01'],
    ['id with a space', 'plan:no rr:2026-03-02'],
    ['id with a slash', 'brukare:norr/b01'],
    ['id starting with a dash', 'brukare:-b01'],
    ['id of 65 characters', `brukare:${'a'.repeat(65)}`],
    ['name longer than the maximum', `brukare:${'a'.repeat(MAX_DOC_NAME_CHARS)}`],
  ])('%s (%j) is not a doc name', (_label, name) => {
    expect(parseDocName(name)).toBeNull();
  });

  it("refuses an id containing ':' whatever the kind", () => {
    expect(parseDocName('brukare:a:b')).toBeNull();
    expect(parseDocName('plan:a:b:2026-03-02')).toBeNull();
    expect(parseDocName('journal:a:b:2026-03')).toBeNull();
  });
});

describe('docAccess', () => {
  const teams: Record<string, string> = { 'norr-b01': 'norr', 'soder-b01': 'soder' };
  const teamOf = (brukareId: string): string | undefined => teams[brukareId];
  const user = (role: Role, teamIds = ['norr']) => ({ role, teamIds });
  const own: Record<DocRef['kind'], DocRef> = {
    plan: { kind: 'plan', teamId: 'norr', date: '2026-03-02' },
    exec: { kind: 'exec', teamId: 'norr', date: '2026-03-02' },
    brukare: { kind: 'brukare', brukareId: 'norr-b01' },
    journal: { kind: 'journal', brukareId: 'norr-b01', month: '2026-03' },
    deviations: { kind: 'deviations', teamId: 'norr', month: '2026-03' },
    messages: { kind: 'messages', teamId: 'norr', month: '2026-03' },
    phrases: { kind: 'phrases', teamId: 'norr' },
  };
  const other: DocRef[] = [
    { kind: 'plan', teamId: 'soder', date: '2026-03-02' },
    { kind: 'exec', teamId: 'soder', date: '2026-03-02' },
    { kind: 'brukare', brukareId: 'soder-b01' },
    { kind: 'journal', brukareId: 'soder-b01', month: '2026-03' },
    { kind: 'deviations', teamId: 'soder', month: '2026-03' },
    { kind: 'messages', teamId: 'soder', month: '2026-03' },
    { kind: 'phrases', teamId: 'soder' },
  ];

  it('lets a caregiver write exec and journal docs of her team, and only read its plan and brukare docs', () => {
    const anna = user('caregiver');
    expect(docAccess(anna, own.exec, teamOf)).toBe('write');
    expect(docAccess(anna, own.journal, teamOf)).toBe('write');
    expect(docAccess(anna, own.plan, teamOf)).toBe('read');
    expect(docAccess(anna, own.brukare, teamOf)).toBe('read');
  });

  it("lets a scheduler write all four kinds of her team's docs", () => {
    for (const ref of Object.values(own)) expect(docAccess(user('scheduler'), ref, teamOf)).toBe('write');
  });

  it('lets an admin of the team read but never write', () => {
    for (const ref of Object.values(own)) expect(docAccess(user('admin'), ref, teamOf)).toBe('read');
  });

  it.each(['caregiver', 'scheduler', 'admin'] as const)("gives a %s no access to another team's docs", (role) => {
    for (const ref of other) expect(docAccess(user(role), ref, teamOf)).toBe('none');
  });

  it('gives no access to an unknown brukare, even to a scheduler', () => {
    expect(docAccess(user('scheduler'), { kind: 'brukare', brukareId: 'ghost' }, teamOf)).toBe('none');
    expect(docAccess(user('scheduler'), { kind: 'journal', brukareId: 'ghost', month: '2026-03' }, teamOf)).toBe('none');
  });

  it('gives a user without teams no access at all', () => {
    for (const ref of [...Object.values(own), ...other]) expect(docAccess(user('scheduler', []), ref, teamOf)).toBe('none');
  });

  it('gives a member of two teams access to both', () => {
    const both = user('caregiver', ['norr', 'soder']);
    expect(docAccess(both, other[1]!, teamOf)).toBe('write');
    expect(docAccess(both, other[0]!, teamOf)).toBe('read');
  });
});

describe('syncWindow', () => {
  it('runs from yesterday to a week ahead: nine days', () => {
    const w = syncWindow('2026-03-10');
    expect(w.from).toBe('2026-03-09');
    expect(w.to).toBe('2026-03-17');
    expect(w.dates).toEqual([
      '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13',
      '2026-03-14', '2026-03-15', '2026-03-16', '2026-03-17',
    ]);
  });

  it('crosses month and year boundaries', () => {
    expect(syncWindow('2026-01-01')).toMatchObject({ from: '2025-12-31', to: '2026-01-08' });
    expect(syncWindow('2024-02-25')).toMatchObject({ from: '2024-02-24', to: '2024-03-03' });
    expect(syncWindow('2024-02-25').dates).toContain('2024-02-29');
  });

  it('does not skip or repeat a day over the switch to summer time', () => {
    // Sweden moves its clocks on 2026-03-29.
    const { dates } = syncWindow('2026-03-28');
    expect(dates).toEqual([
      '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31',
      '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04',
    ]);
  });
});

describe('docsForUser', () => {
  const recipients: Record<string, string[]> = { norr: ['norr-b01', 'norr-b02'], soder: ['soder-b01'] };
  const recipientsOfTeam = (teamId: string) => recipients[teamId] ?? [];

  it("lists the team's plan and exec docs for the window, and brukare and this and last month's journal docs", () => {
    const docs = docsForUser({ role: 'caregiver', teamIds: ['norr'] }, '2026-03-10', recipientsOfTeam);
    const dates = syncWindow('2026-03-10').dates;
    expect(docs.filter((d) => d.startsWith('plan:'))).toEqual(dates.map((d) => planDocName('norr', d)));
    expect(docs.filter((d) => d.startsWith('exec:'))).toEqual(dates.map((d) => execDocName('norr', d)));
    expect(docs.filter((d) => d.startsWith('brukare:'))).toEqual(['brukare:norr-b01', 'brukare:norr-b02']);
    expect(docs.filter((d) => d.startsWith('journal:')).sort()).toEqual([
      'journal:norr-b01:2026-02',
      'journal:norr-b01:2026-03',
      'journal:norr-b02:2026-02',
      'journal:norr-b02:2026-03',
    ]);
    expect(docs.filter((d) => /^(deviations|messages|phrases):/.test(d)).sort()).toEqual([
      'deviations:norr:2026-02',
      'deviations:norr:2026-03',
      'messages:norr:2026-02',
      'messages:norr:2026-03',
      'phrases:norr',
    ]);
    expect(docs).toHaveLength(9 * 2 + 2 + 4 + 5);
    expect(docs.some((d) => d.includes('soder'))).toBe(false);
    expect(docs.every((d) => parseDocName(d) !== null)).toBe(true);
  });

  it('on New Year\'s Day holds December\'s journal and yesterday\'s plan from last year', () => {
    const docs = docsForUser({ role: 'caregiver', teamIds: ['soder'] }, '2026-01-01', recipientsOfTeam);
    expect(docs).toContain('journal:soder-b01:2025-12');
    expect(docs).toContain('journal:soder-b01:2026-01');
    expect(docs).toContain('plan:soder:2025-12-31');
    expect(docs).toContain('exec:soder:2026-01-08');
    expect(docs).not.toContain('journal:soder-b01:2026-00');
    expect(docs).not.toContain('journal:soder-b01:2026-02');
  });

  it('lists the docs of every team the user belongs to', () => {
    const docs = docsForUser({ role: 'caregiver', teamIds: ['norr', 'soder'] }, '2026-03-10', recipientsOfTeam);
    expect(docs).toContain('plan:soder:2026-03-10');
    expect(docs).toContain('brukare:soder-b01');
    expect(docs).toContain('plan:norr:2026-03-10');
    expect(new Set(docs).size).toBe(docs.length);
  });

  it('lists nothing for a user without teams', () => {
    expect(docsForUser({ role: 'caregiver', teamIds: [] }, '2026-03-10', recipientsOfTeam)).toEqual([]);
  });
});
