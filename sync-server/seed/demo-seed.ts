// Seeds (and tops up) the fictitious demo data set: teams, staff with password
// "demo", recipients with care plans, visits from 14 days back to 7 days ahead
// with realistic check-ins, deviations and journal entries for the past days.
// Idempotent: a doc that already has data is never touched, so running it on
// every start only fills in days that have come into the window.
import * as Y from 'yjs';
import {
  addDays,
  brukareDocName,
  competencesOn,
  execDocName,
  generateVisits,
  importEntry,
  phrasesDocName,
  savePhrase,
  instantOf,
  markCarePlanAgreed,
  saveCarePlanVersion,
  journalDocName,
  minutesOfDay,
  monthOf,
  planDocName,
  timeOfMinutes,
  visitsFromCarePlan,
  writeBrukare,
  writeExecution,
  type Brukare,
  type JournalEntry,
  type Phrase,
  type PlannedVisit,
  type VisitExecution,
} from '../../domain';
import { hashPassword } from '../auth/passwords';
import type { Directory, DocStore } from '../store/types';
import { DEMO_TEAMS, demoRecipients, demoStaff, type DemoStaff } from './people';
import { createRandom, type Random } from './random';

export const DEMO_PASSWORD = 'demo';

/** Ready-made phrases for journal notes: factual, respectful, plain Swedish. */
const DEMO_PHRASES: Array<Omit<Phrase, 'id'>> = [
  { text: 'Besöket genomfördes enligt genomförandeplanen.' },
  { text: 'Personen var på gott humör.', lifeArea: 'social_life' },
  { text: 'Personen åt hela måltiden.', lifeArea: 'meals' },
  { text: 'Personen åt en mindre portion än vanligt.', lifeArea: 'meals' },
  { text: 'Personen tog sina läkemedel enligt dosetten.', lifeArea: 'health' },
  { text: 'Personen avböjde dusch i dag. Erbjöd tvätt vid handfatet.', lifeArea: 'personal_care' },
  { text: 'Personen gick med rollator utan problem.', lifeArea: 'mobility' },
  { text: 'Personen uttryckte oro. Vi pratade en stund.', lifeArea: 'social_life' },
];
export const DEMO_DAYS_BACK = 14;
export const DEMO_DAYS_AHEAD = 7;
const TRAVEL_MINUTES = 10;
const SHIFT_HOURS = { day: [7 * 60, 16 * 60], evening: [15 * 60, 22 * 60], office: [8 * 60, 17 * 60] } as const;

/**
 * Version 1 of a demo recipient's care plan, agreed with them some weeks ago.
 * Every tenth recipient's follow-up date has just passed, so the board's
 * "care plans to review" has something to show.
 */
function seedCarePlanVersion(doc: Y.Doc, r: Brukare, n: number, today: string, planner: DemoStaff): void {
  const at = instantOf(addDays(today, -30 - (n % 20)), '10:00').toISOString();
  saveCarePlanVersion(doc, {
    id: `${r.id}-v1`,
    at,
    by: planner.id,
    byName: planner.name,
    reason: 'Skriven tillsammans med brukaren vid hembesök',
    items: r.carePlan,
    followUpOn: n % 10 === 3 ? addDays(today, -2) : addDays(today, 60 + ((n * 17) % 120)),
  });
  markCarePlanAgreed(doc, { versionId: `${r.id}-v1`, how: n % 4 === 1 ? 'with_relative' : 'in_person', at, by: planner.id, byName: planner.name });
}

export type SeedStats = { usersCreated: number; docsWritten: number };

function encode(fill: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  fill(doc);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Assigns caregivers greedily: earliest possible start, then continuity, then id. */
function planDay(visits: PlannedVisit[], staff: DemoStaff[], recipients: Map<string, Brukare>, continuity: Map<string, Map<string, number>>): PlannedVisit[] {
  const freeAt = new Map<string, number>(staff.map((s) => [s.id, SHIFT_HOURS[s.shift][0]]));
  const planned: PlannedVisit[] = [];
  for (const visit of [...visits].sort((a, b) => a.plannedStart.localeCompare(b.plannedStart) || a.id.localeCompare(b.id))) {
    const duration = minutesOfDay(visit.plannedEnd) - minutesOfDay(visit.plannedStart);
    const windowStart = minutesOfDay(visit.plannedStart);
    const brukare = recipients.get(visit.brukareId);
    const requires = new Set(brukare?.carePlan.filter((i) => visit.insatser.some((p) => p.id === i.id)).flatMap((i) => i.requires) ?? []);
    const seen = continuity.get(visit.brukareId) ?? new Map<string, number>();
    const candidates = staff
      .filter((s) => {
        const [from, to] = SHIFT_HOURS[s.shift];
        return windowStart >= from && windowStart + duration <= to && [...requires].every((c) => competencesOn(s, visit.date).includes(c));
      })
      .map((s) => ({ s, start: Math.max(windowStart, (freeAt.get(s.id) ?? 0) + TRAVEL_MINUTES) }))
      .filter((c) => c.start + duration <= SHIFT_HOURS[c.s.shift][1] && c.start <= windowStart + 90)
      .sort((a, b) => a.start - b.start || (seen.get(b.s.id) ?? 0) - (seen.get(a.s.id) ?? 0) || a.s.id.localeCompare(b.s.id));
    const chosen = candidates.slice(0, visit.requiredStaff);
    if (chosen.length < visit.requiredStaff) {
      planned.push(visit); // left unassigned for the scheduler
      continue;
    }
    const start = Math.max(...chosen.map((c) => c.start));
    for (const c of chosen) {
      freeAt.set(c.s.id, start + duration);
      seen.set(c.s.id, (seen.get(c.s.id) ?? 0) + 1);
    }
    continuity.set(visit.brukareId, seen);
    planned.push({
      ...visit,
      plannedStart: timeOfMinutes(start),
      plannedEnd: timeOfMinutes(start + duration),
      assignedStaffIds: chosen.map((c) => c.s.id),
    });
  }
  return planned;
}

const NOTE_PHRASES: Record<string, string[]> = {
  morning_help: ['Hjälpte med morgonrutiner. Åt gröt och drack kaffe. Var på gott humör.', 'Ville sova lite längre i dag. Kom upp vid halv nio och åt frukost.', 'Var trött på morgonen och ville inte duscha. Tvättade sig vid handfatet.'],
  lunch: ['Åt hela lunchen. Pratade om barnbarnen.', 'Åt halva portionen. Säger att aptiten är sämre än vanligt.'],
  evening_help: ['Kvällsmat och kvällstoalett som vanligt. Trygghetslarmet på armen.', 'Hade ont i höger knä i kväll. Tog sin vanliga värktablett.'],
  shower: ['Duschade med hjälp. Huden på hälarna är torr, smorde in.'],
  shopping: ['Handlade enligt listan. Kvitto och växel i kuvertet.'],
  tillsyn: ['Mådde bra. Drack ett glas saft.', 'Satt i fåtöljen och lyssnade på radio. Inga behov just nu.'],
};

function dayExecution(rnd: Random, visit: PlannedVisit): { exec: VisitExecution; note?: string } | null {
  const staffId = visit.assignedStaffIds[0];
  if (!staffId) return null;
  const roll = rnd.next();
  if (roll < 0.02) return { exec: { visitId: visit.id, status: 'missed', statusReason: 'Brukaren var inte hemma', tasks: {} }, note: 'Ingen öppnade. Ringde anhörig som berättade att personen var hos sin dotter.' };
  if (roll < 0.035) return { exec: { visitId: visit.id, status: 'cancelled', statusReason: 'Brukaren inlagd på sjukhus', tasks: {} } };
  const start = minutesOfDay(visit.plannedStart) + rnd.int(-5, 15);
  const length = minutesOfDay(visit.plannedEnd) - minutesOfDay(visit.plannedStart) + rnd.int(-5, 10);
  const checkIn = instantOf(visit.date, timeOfMinutes(start)).toISOString();
  const checkOut = instantOf(visit.date, timeOfMinutes(start + Math.max(5, length))).toISOString();
  const declined = visit.insatser.length > 1 && rnd.chance(0.05) ? visit.insatser[visit.insatser.length - 1]?.id : undefined;
  const tasks = Object.fromEntries(visit.insatser.map((i) => [i.id, { done: i.id !== declined, staffId, at: checkOut }]));
  const phrases = NOTE_PHRASES[visit.insatser[0]?.type ?? ''];
  const note = declined ? 'Avböjde en av insatserna i dag. Respekterade önskemålet.' : phrases && rnd.chance(0.15) ? rnd.pick(phrases) : undefined;
  // With double staffing each caregiver checks in and out on their own device.
  const pair = visit.assignedStaffIds.length > 1;
  const everyone = (at: string) => visit.assignedStaffIds.map((id) => ({ at, staffId: id }));
  return {
    exec: {
      visitId: visit.id,
      status: 'done',
      checkIn: { at: checkIn, staffId },
      checkOut: { at: checkOut, staffId },
      tasks,
      ...(pair ? { staffCheckIns: everyone(checkIn), staffCheckOuts: everyone(checkOut) } : {}),
    },
    ...(note ? { note } : {}),
  };
}

export async function seedDemo(store: DocStore, directory: Directory, today: string): Promise<SeedStats> {
  let usersCreated = 0;
  let docsWritten = 0;
  // Once stored, the register counts (it may have been edited since): days added later are planned with its competences.
  const staff = demoStaff(today).map((s) => {
    const stored = directory.findUserById(s.id);
    return stored ? { ...s, competences: stored.competences, validUntil: stored.validUntil } : s;
  });
  for (const team of DEMO_TEAMS) directory.upsertTeam(team);
  if (directory.countUsers() === 0) {
    for (const s of staff) {
      const { shift, ...user } = s;
      const [from, to] = SHIFT_HOURS[shift];
      directory.upsertUser({ ...user, workHours: { start: timeOfMinutes(from), end: timeOfMinutes(to) }, passwordHash: await hashPassword(DEMO_PASSWORD) });
      usersCreated++;
    }
  }
  const existing = new Set(await store.listDocNames());
  const put = async (name: string, fill: (doc: Y.Doc) => void) => {
    if (existing.has(name)) return;
    await store.replaceWithSnapshot(name, encode(fill));
    existing.add(name);
    docsWritten++;
  };

  for (const team of DEMO_TEAMS) {
    const recipients = demoRecipients(team.id);
    const byId = new Map(recipients.map((r) => [r.id, r]));
    const caregivers = staff.filter((s) => s.role === 'caregiver' && s.teamIds.includes(team.id));
    const planner = staff.find((s) => s.role === 'scheduler' && s.teamIds.includes(team.id));
    for (const [n, r] of recipients.entries()) {
      directory.upsertRecipient(r.id, team.id);
      await put(brukareDocName(r.id), (doc) => {
        writeBrukare(doc, r);
        if (planner) seedCarePlanVersion(doc, r, n, today, planner);
      });
    }
    const continuity = new Map<string, Map<string, number>>();
    const journal = new Map<string, JournalEntry[]>();
    for (let offset = -DEMO_DAYS_BACK; offset <= DEMO_DAYS_AHEAD; offset++) {
      const date = addDays(today, offset);
      const planName = planDocName(team.id, date);
      const visits = planDay(recipients.flatMap((r) => visitsFromCarePlan(r, date)), caregivers, byId, continuity);
      if (existing.has(planName)) continue;
      const rnd = createRandom(`exec:${team.id}:${date}`);
      const executions: VisitExecution[] = [];
      if (offset < 0) {
        for (const visit of visits) {
          const result = dayExecution(rnd, visit);
          if (!result) continue;
          executions.push(result.exec);
          if (result.note) {
            const author = staff.find((s) => s.id === visit.assignedStaffIds[0]);
            const at = result.exec.checkOut?.at ?? instantOf(date, visit.plannedEnd).toISOString();
            const entry: JournalEntry = {
              id: `j-${visit.id}`,
              brukareId: visit.brukareId,
              authorId: author?.id ?? 'admin',
              authorName: author?.name ?? 'Okänd',
              createdAt: at,
              visitId: visit.id,
              lifeArea: byId.get(visit.brukareId)?.carePlan.find((i) => i.id === visit.insatser[0]?.id)?.lifeArea,
              text: result.note,
              status: 'signed',
              signedAt: at,
            };
            const docName = journalDocName(visit.brukareId, monthOf(date));
            journal.set(docName, [...(journal.get(docName) ?? []), entry]);
          }
        }
      }
      await put(planName, (doc) => void generateVisits(doc, visits));
      await put(execDocName(team.id, date), (doc) => executions.forEach((e) => writeExecution(doc, e)));
    }
    await put(phrasesDocName(team.id), (doc) => DEMO_PHRASES.forEach((phrase, n) => savePhrase(doc, { ...phrase, id: `${team.id}-p${n + 1}` })));
    for (const [docName, entries] of journal) {
      await put(docName, (doc) => entries.forEach((e) => importEntry(doc, e)));
    }
  }
  return { usersCreated, docsWritten };
}
