// The planning board bench's own data set, written straight into a fresh
// DATA_DIR before the server starts: team `bench` with 15 caregivers (day and
// evening shifts, with work hours), one scheduler, 40 recipients with care
// plans, and exactly 120 visits today between 07:00 and 22:00, most of them
// assigned (a few double-staffed, a few left for the scheduler). The 14 days
// before today are planned the same way, so the visit editor's candidate
// ranking (continuity) has the history it has in real use. Visits that have
// already ended by the clock are checked in and out in today's exec doc.
// Fictitious names only.
import * as Y from 'yjs';
import {
  INSATS_LIFE_AREA,
  addDays,
  brukareDocName,
  execDocName,
  generateVisits,
  instantOf,
  localDate,
  minutesOfDay,
  planDocName,
  timeOfMinutes,
  visitsFromCarePlan,
  writeBrukare,
  writeExecution,
  type Brukare,
  type CarePlanItem,
  type Competence,
  type InsatsType,
  type PlannedVisit,
} from '../domain';
import { hashPassword } from '../sync-server/auth/passwords';
import { SqliteStore } from '../sync-server/store/sqlite-store';

export const BENCH_TEAM = 'bench';
export const BENCH_SCHEDULER = 'planerare-bench';
export const BENCH_PASSWORD = 'bench';
export const BENCH_VISITS = 120;
export const BENCH_CAREGIVERS = 15;
const HISTORY_DAYS = 14;
const TRAVEL_MINUTES = 10;
const LEFT_UNASSIGNED = 6;

type Shift = 'day' | 'evening';
const SHIFTS: Record<Shift, { start: string; end: string }> = { day: { start: '07:00', end: '16:00' }, evening: { start: '14:00', end: '22:00' } };

export type BenchCaregiver = { id: string; name: string; shift: Shift; competences: Competence[] };
export type BoardData = {
  date: string;
  caregivers: BenchCaregiver[];
  /** Today's visits as planned (assignments included). */
  visits: PlannedVisit[];
  /** Recipient id → name, as the board shows it. */
  recipientNames: Record<string, string>;
};

const CAREGIVERS: Array<[first: string, last: string, shift: Shift]> = [
  ['Amira', 'Hosseini', 'day'],
  ['Björn', 'Lundgren', 'day'],
  ['Carina', 'Forsberg', 'day'],
  ['Dragan', 'Ilić', 'day'],
  ['Emma', 'Sjödin', 'day'],
  ['Fredrik', 'Åkesson', 'day'],
  ['Gülsen', 'Demir', 'day'],
  ['Helena', 'Rask', 'day'],
  ['Ismail', 'Omar', 'day'],
  ['Jenny', 'Wallin', 'evening'],
  ['Krister', 'Nord', 'evening'],
  ['Linnea', 'Engström', 'evening'],
  ['Mohammed', 'Ali', 'evening'],
  ['Nora', 'Blom', 'evening'],
  ['Oskar', 'Friberg', 'evening'],
];

const FIRST = ['Alice', 'Bengt', 'Dagmar', 'Einar', 'Frida', 'Gösta', 'Hjördis', 'Ingvar', 'Kerstin', 'Lars', 'Märta', 'Nils', 'Ruth', 'Sixten', 'Tyra', 'Ulla', 'Valter', 'Yvonne', 'Åke', 'Östen'];
const LAST = ['Berglund', 'Claesson', 'Dahlberg', 'Ek', 'Fransson', 'Göransson', 'Hedberg', 'Isaksson', 'Jonasson', 'Kjellberg', 'Lundqvist', 'Mattsson', 'Norén', 'Palm', 'Sandström', 'Törnqvist', 'Viklund', 'Wester'];
const STREETS = ['Hagvägen', 'Bruksgatan', 'Kyrkbacken', 'Granstigen', 'Linvägen', 'Parkgatan'];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

export function benchCaregivers(): BenchCaregiver[] {
  return CAREGIVERS.map(([first, last, shift], n) => ({
    id: `vardare-${String(n + 1).padStart(2, '0')}`,
    name: `${first} ${last}`,
    shift,
    // Everyone may give medication; every other has lift training, every third insulin delegation.
    competences: ['medication_delegation', ...(n % 2 === 0 ? (['lift_training'] as const) : []), ...(n % 3 === 0 ? (['insulin_delegation'] as const) : [])],
  }));
}

function item(id: string, type: InsatsType, title: string, windowStart: string, windowEnd: string, minutes: number, requires: Competence[] = [], staffCount = 1): CarePlanItem {
  return {
    id,
    type,
    title,
    instructions: `${title} enligt genomförandeplanen.`,
    lifeArea: INSATS_LIFE_AREA[type],
    requires,
    rhythm: { weekdays: EVERY_DAY, everyOtherWeek: false, windowStart, windowEnd, minutes, staffCount },
  };
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
const plus = (time: string, minutes: number) => timeOfMinutes(minutesOfDay(time) + minutes);

/**
 * 20 recipients with four visits a day (morning, lunch, afternoon, evening)
 * and 20 with two (morning, evening): 120 visits, every day of the week.
 */
export function benchRecipients(): Brukare[] {
  const out: Brukare[] = [];
  for (let n = 0; n < 40; n++) {
    const id = `bench-b${String(n + 1).padStart(2, '0')}`;
    const large = n < 20;
    const lift = n === 3 || n === 11; // double-staffed mornings and evenings
    const diabetic = n % 7 === 2;
    const morning = large ? pick(['07:00', '07:15', '07:30', '07:45', '08:00', '08:30'], n) : pick(['08:00', '08:30', '09:00', '09:30', '10:00'], n);
    const evening = large ? pick(['18:00', '18:30', '19:00', '19:30', '20:00', '20:30'], n) : pick(['19:00', '19:30', '20:00', '20:30', '21:00', '21:30'], n);
    const plan: CarePlanItem[] = [
      item(`${id}-i1`, 'morning_help', 'Morgonhjälp', morning, plus(morning, 120), pick([30, 35, 40, 45], n), lift ? ['lift_training'] : [], lift ? 2 : 1),
      item(`${id}-i2`, 'medication_reminder', 'Läkemedelspåminnelse', morning, plus(morning, 120), 5, ['medication_delegation']),
      ...(diabetic ? [item(`${id}-i3`, 'tillsyn', 'Insulin morgon', morning, plus(morning, 120), 10, ['insulin_delegation'])] : []),
      item(`${id}-i4`, 'evening_help', 'Kvällshjälp', evening, plus(evening, 90), pick([20, 25, 30], n), lift ? ['lift_training'] : [], lift ? 2 : 1),
    ];
    if (large) {
      const lunch = pick(['11:00', '11:30', '12:00', '12:30'], n);
      const afternoon = pick(['14:00', '14:30', '15:00', '15:30'], n);
      plan.push(item(`${id}-i5`, 'lunch', 'Lunch', lunch, plus(lunch, 90), pick([20, 25, 30], n)));
      plan.push(item(`${id}-i6`, 'tillsyn', 'Tillsyn eftermiddag', afternoon, plus(afternoon, 60), 15));
    }
    out.push({
      id,
      teamId: BENCH_TEAM,
      name: `${pick(FIRST, n)} ${pick(LAST, n * 5 + 3)}`,
      birthYear: 1930 + (n % 22),
      address: `${pick(STREETS, n)} ${n + 2}, 123 89 Benchby`,
      phone: `070-000 ${String(10 + n)} 00`,
      keyInfo: `Nyckel i kodlåda, kod ${1000 + n * 37}.`,
      language: 'sv',
      communicationNeeds: [],
      contacts: [{ name: `${pick(['Lena', 'Peter', 'Sara', 'Mats'], n)} ${pick(LAST, n * 5 + 3)}`, relation: 'dotter', phone: '070-111 00 00' }],
      allergies: n % 5 === 0 ? ['Penicillin'] : [],
      risks: diabetic ? ['Diabetes: insulin på morgonen'] : [],
      goodToKnow: ['Vill ha kaffe utan mjölk'],
      carePlan: plan,
    });
  }
  return out;
}

/** Greedy day plan: earliest possible start within 90 minutes of the window, then who met the recipient most, then id. */
function planDay(visits: PlannedVisit[], staff: BenchCaregiver[], recipients: Map<string, Brukare>, continuity: Map<string, Map<string, number>>): PlannedVisit[] {
  const window = (s: BenchCaregiver) => [minutesOfDay(SHIFTS[s.shift].start), minutesOfDay(SHIFTS[s.shift].end)] as const;
  const freeAt = new Map(staff.map((s) => [s.id, window(s)[0] - TRAVEL_MINUTES]));
  const planned: PlannedVisit[] = [];
  for (const visit of [...visits].sort((a, b) => a.plannedStart.localeCompare(b.plannedStart) || a.id.localeCompare(b.id))) {
    const duration = minutesOfDay(visit.plannedEnd) - minutesOfDay(visit.plannedStart);
    const windowStart = minutesOfDay(visit.plannedStart);
    const plan = recipients.get(visit.brukareId)?.carePlan ?? [];
    const requires = new Set(plan.filter((i) => visit.insatser.some((p) => p.id === i.id)).flatMap((i) => i.requires));
    const seen = continuity.get(visit.brukareId) ?? new Map<string, number>();
    const chosen = staff
      .filter((s) => [...requires].every((c) => s.competences.includes(c)))
      .map((s) => ({ s, start: Math.max(windowStart, (freeAt.get(s.id) ?? 0) + TRAVEL_MINUTES) }))
      .filter((c) => c.start >= window(c.s)[0] && c.start + duration <= window(c.s)[1] && c.start <= windowStart + 90)
      .sort((a, b) => a.start - b.start || (seen.get(b.s.id) ?? 0) - (seen.get(a.s.id) ?? 0) || a.s.id.localeCompare(b.s.id))
      .slice(0, visit.requiredStaff);
    if (chosen.length < visit.requiredStaff) {
      planned.push(visit);
      continue;
    }
    const start = Math.max(...chosen.map((c) => c.start));
    for (const c of chosen) {
      freeAt.set(c.s.id, start + duration);
      seen.set(c.s.id, (seen.get(c.s.id) ?? 0) + 1);
    }
    continuity.set(visit.brukareId, seen);
    planned.push({ ...visit, plannedStart: timeOfMinutes(start), plannedEnd: timeOfMinutes(start + duration), assignedStaffIds: chosen.map((c) => c.s.id) });
  }
  // A few visits are always left for the scheduler, as on a real morning.
  let unassigned = planned.filter((v) => v.assignedStaffIds.length === 0).length;
  for (let i = 7; i < planned.length && unassigned < LEFT_UNASSIGNED; i += 19) {
    const v = planned[i];
    if (v && v.assignedStaffIds.length > 0) {
      planned[i] = { ...v, assignedStaffIds: [] };
      unassigned++;
    }
  }
  return planned;
}

function encode(fill: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  fill(doc);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Writes the data set into `dataDir` (which must not be in use by a server) and returns what the bench checks against. */
export async function createBoardData(dataDir: string, now = new Date()): Promise<BoardData> {
  const today = localDate(now);
  const caregivers = benchCaregivers();
  if (caregivers.length !== BENCH_CAREGIVERS) throw new Error(`bench data: ${caregivers.length} caregivers, expected ${BENCH_CAREGIVERS}`);
  const recipients = benchRecipients();
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const store = new SqliteStore(dataDir);
  try {
    // One hash for all: scrypt is slow on purpose, and every account has the same password.
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    store.upsertTeam({ id: BENCH_TEAM, name: 'Hemtjänst Bench' });
    for (const c of caregivers) {
      store.upsertUser({ id: c.id, username: c.id, name: c.name, role: 'caregiver', teamIds: [BENCH_TEAM], competences: c.competences, workHours: SHIFTS[c.shift], passwordHash });
    }
    store.upsertUser({ id: BENCH_SCHEDULER, username: BENCH_SCHEDULER, name: 'Petra Planerare', role: 'scheduler', teamIds: [BENCH_TEAM], competences: [], passwordHash });

    const docs = new Map<string, Uint8Array>();
    for (const r of recipients) docs.set(brukareDocName(r.id), encode((doc) => writeBrukare(doc, r)));
    const continuity = new Map<string, Map<string, number>>();
    let visits: PlannedVisit[] = [];
    for (let offset = -HISTORY_DAYS; offset <= 0; offset++) {
      const date = addDays(today, offset);
      visits = planDay(recipients.flatMap((r) => visitsFromCarePlan(r, date)), caregivers, byId, continuity);
      docs.set(planDocName(BENCH_TEAM, date), encode((doc) => void generateVisits(doc, visits)));
    }
    if (visits.length !== BENCH_VISITS) throw new Error(`bench data: ${visits.length} visits today, expected ${BENCH_VISITS}`);
    // The field's side of today so far: what has ended is done, what is under way is checked in.
    docs.set(
      execDocName(BENCH_TEAM, today),
      encode((doc) => {
        for (const v of visits) {
          const staffId = v.assignedStaffIds[0];
          const start = instantOf(v.date, v.plannedStart);
          const end = instantOf(v.date, v.plannedEnd);
          if (!staffId || start > now) continue;
          const checkIn = { at: start.toISOString(), staffId };
          if (end > now) {
            writeExecution(doc, { visitId: v.id, status: 'in_progress', checkIn, tasks: {} });
          } else {
            const at = end.toISOString();
            writeExecution(doc, { visitId: v.id, status: 'done', checkIn, checkOut: { at, staffId }, tasks: Object.fromEntries(v.insatser.map((i) => [i.id, { done: true, staffId, at }])) });
          }
        }
      }),
    );
    store.batch(() => {
      for (const r of recipients) store.upsertRecipient(r.id, BENCH_TEAM);
    });
    for (const [name, update] of docs) await store.replaceWithSnapshot(name, update);
    return { date: today, caregivers, visits, recipientNames: Object.fromEntries(recipients.map((r) => [r.id, r.name])) };
  } finally {
    store.close();
  }
}
