// Fictitious teams, staff and recipients for the demo. Every name, address and
// door code here is made up.
import type { Brukare, CarePlanItem, Competence, InsatsType, Rhythm, Staff, Team } from '../../domain';
import { INSATS_LIFE_AREA, addDays } from '../../domain';
import { createRandom, type Random } from './random';

export const DEMO_TEAMS: Team[] = [
  { id: 'norr', name: 'Hemtjänst Norr' },
  { id: 'soder', name: 'Hemtjänst Söder' },
];

/** Days from the seed date to the last day a delegation counts (written for a period by the nurse). */
type ExpirySeed = Partial<Record<Competence, number>>;
type StaffSeed = { username: string; name: string; competences: Competence[]; shift: 'day' | 'evening'; expires?: ExpirySeed };

const NORR_STAFF: StaffSeed[] = [
  { username: 'anna', name: 'Anna Lindqvist', competences: ['insulin_delegation', 'medication_delegation', 'lift_training'], shift: 'day', expires: { insulin_delegation: 180 } },
  { username: 'bo', name: 'Bo Ekström', competences: ['lift_training', 'medication_delegation'], shift: 'day' },
  { username: 'dalia', name: 'Dalia Haddad', competences: ['medication_delegation'], shift: 'day' },
  { username: 'erik', name: 'Erik Nyberg', competences: ['lift_training', 'medication_delegation'], shift: 'day' },
  // Her insulin delegation runs out this week: the board warns about it.
  { username: 'fatima', name: 'Fatima Warsame', competences: ['insulin_delegation', 'medication_delegation'], shift: 'day', expires: { insulin_delegation: 3 } },
  { username: 'goran', name: 'Göran Sandberg', competences: ['medication_delegation'], shift: 'day' },
  { username: 'hanna', name: 'Hanna Öberg', competences: ['medication_delegation', 'lift_training'], shift: 'evening' },
  { username: 'ivan', name: 'Ivan Petrović', competences: ['lift_training'], shift: 'evening' },
  { username: 'johanna', name: 'Johanna Berg', competences: ['insulin_delegation', 'medication_delegation'], shift: 'evening', expires: { medication_delegation: 365 } },
  { username: 'kalle', name: 'Kalle Holm', competences: ['medication_delegation', 'lift_training'], shift: 'evening' },
];

const SODER_STAFF: StaffSeed[] = [
  { username: 'cecilia', name: 'Cecilia Ahmadi', competences: ['insulin_delegation', 'medication_delegation', 'lift_training'], shift: 'day' },
  { username: 'david', name: 'David Strand', competences: ['lift_training', 'medication_delegation'], shift: 'day' },
  { username: 'elin', name: 'Elin Kask', competences: ['medication_delegation'], shift: 'day' },
  { username: 'filip', name: 'Filip Lund', competences: ['medication_delegation', 'lift_training'], shift: 'day' },
  { username: 'greta', name: 'Greta Mäkinen', competences: ['insulin_delegation', 'medication_delegation'], shift: 'day', expires: { insulin_delegation: 5 } },
  { username: 'hassan', name: 'Hassan Yusuf', competences: ['lift_training', 'medication_delegation'], shift: 'day' },
  { username: 'ida', name: 'Ida Wikström', competences: ['medication_delegation', 'lift_training'], shift: 'evening' },
  { username: 'jonas', name: 'Jonas Falk', competences: ['lift_training', 'medication_delegation'], shift: 'evening' },
  { username: 'karin', name: 'Karin Dahl', competences: ['insulin_delegation', 'medication_delegation'], shift: 'evening', expires: { insulin_delegation: 240 } },
  { username: 'leo', name: 'Leo Vesterlund', competences: ['lift_training'], shift: 'evening' },
];

export type DemoStaff = Staff & { shift: 'day' | 'evening' | 'office' };

/** The demo staff; with the seed date, some delegations get their last day relative to it. */
export function demoStaff(today?: string): DemoStaff[] {
  const validUntil = (expires: ExpirySeed | undefined) => {
    if (!today || !expires) return {};
    const dates: Partial<Record<Competence, string>> = {};
    for (const [competence, days] of Object.entries(expires) as [Competence, number][]) dates[competence] = addDays(today, days);
    return { validUntil: dates };
  };
  const caregivers = (team: string, seeds: StaffSeed[]): DemoStaff[] =>
    seeds.map((s) => ({ id: s.username, username: s.username, name: s.name, role: 'caregiver', teamIds: [team], competences: s.competences, ...validUntil(s.expires), shift: s.shift }));
  return [
    ...caregivers('norr', NORR_STAFF),
    ...caregivers('soder', SODER_STAFF),
    { id: 'planerare-norr', username: 'planerare-norr', name: 'Maria Sjöberg', role: 'scheduler', teamIds: ['norr'], competences: [], shift: 'office' },
    { id: 'planerare-soder', username: 'planerare-soder', name: 'Nils Hedlund', role: 'scheduler', teamIds: ['soder'], competences: [], shift: 'office' },
    { id: 'admin', username: 'admin', name: 'Olof Admin', role: 'admin', teamIds: [], competences: [], shift: 'office' },
  ];
}

const FIRST_NAMES = ['Astrid', 'Birgitta', 'Gunnar', 'Ingrid', 'Karl', 'Margit', 'Sven', 'Elsa', 'Lennart', 'Britt', 'Rolf', 'Gun', 'Stig', 'Maj', 'Bertil', 'Aina', 'Olle', 'Signe', 'Arne', 'Dagny', 'Hussein', 'Mirjana', 'Pirjo', 'Jaakko', 'Nasrin', 'Esma', 'Hodan', 'Margaret', 'Torsten', 'Vera'];
const LAST_NAMES = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Lindström', 'Axelsson'];
const STREETS = ['Björkvägen', 'Lönngatan', 'Sjövägen', 'Kvarngatan', 'Ekbacken', 'Rönnstigen', 'Storgatan', 'Skolgatan', 'Tallvägen', 'Ängsvägen'];
const LANGUAGE_BY_NAME: Record<string, string> = { Hussein: 'ar', Nasrin: 'fa', Pirjo: 'fi', Jaakko: 'fi', Mirjana: 'bs', Esma: 'tr', Hodan: 'so', Margaret: 'en' };
const KEY_INFO = [
  'Nyckel i kodlåda vid dörren, kod 4711. Lägg tillbaka nyckeln efter besöket.',
  'Porttelefon: ring på "Hemtjänst". Lägenhetsnyckel i teamets nyckelskåp, bricka 12.',
  'Dörren öppnas med digitalt lås i appen Nyckelhanteraren. Ringklocka fungerar inte: knacka.',
  'Portkod 1942. Nyckel hos grannen på plan 2 om låset krånglar.',
  'Nyckel i kodlåda vid källardörren, kod 2580. Hunden är snäll men hoppar.',
];
const ALLERGIES = ['Penicillin', 'Nötter', 'Laktos', 'Gluten', 'Pälsdjur'];
const RISKS = ['Fallrisk: använder rollator inomhus', 'Diabetes: insulin morgon och kväll', 'Nedsatt syn', 'Nedsatt hörsel: tala tydligt och vänd dig mot personen', 'Trycksårsrisk: kontrollera hälar', 'Sväljsvårigheter: konsistensanpassad mat'];
const GOOD_TO_KNOW = ['Har en katt som heter Sessan', 'Tycker om att prata om sin tid som lärare', 'Vill ha kaffe utan mjölk', 'Dottern ringer ofta vid lunch', 'Vill att gardinerna dras för på kvällen', 'Lyssnar på radio på morgonen: sänk inte utan att fråga'];

type ItemTemplate = { type: InsatsType; title: string; instructions: string; requires: Competence[]; rhythm: Rhythm };

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

function item(type: InsatsType, title: string, instructions: string, rhythm: Partial<Rhythm> & Pick<Rhythm, 'windowStart' | 'windowEnd' | 'minutes'>, requires: Competence[] = []): ItemTemplate {
  return { type, title, instructions, requires, rhythm: { weekdays: EVERY_DAY, everyOtherWeek: false, staffCount: 1, ...rhythm } };
}

function carePlanFor(rnd: Random, need: 'large' | 'medium' | 'small', diabetic: boolean, lift: boolean): ItemTemplate[] {
  const items: ItemTemplate[] = [];
  if (need !== 'small') {
    const morning = rnd.pick(['07:00', '07:30', '08:00'] as const);
    const morningEnd = { '07:00': '09:00', '07:30': '09:30', '08:00': '10:00' }[morning];
    const evening = rnd.pick(['17:00', '18:00', '19:00', '20:00'] as const);
    const eveningEnd = { '17:00': '19:00', '18:00': '20:00', '19:00': '21:00', '20:00': '22:00' }[evening];
    items.push(item('morning_help', 'Morgonhjälp', 'Hjälp upp ur sängen, tvätt vid handfatet och påklädning. Personen väljer själv kläder. Frukost: gröt eller smörgås enligt önskemål.', { windowStart: morning, windowEnd: morningEnd, minutes: rnd.pick([30, 40, 45]), staffCount: lift ? 2 : 1 }, lift ? ['lift_training'] : []));
    items.push(item('medication_reminder', 'Läkemedelspåminnelse', 'Påminn om morgonens läkemedel i dosetten. Kontrollera att tabletterna är tagna.', { windowStart: morning, windowEnd: morningEnd, minutes: 5 }, ['medication_delegation']));
    if (diabetic) items.push(item('tillsyn', 'Insulin morgon', 'Ge insulin enligt sjuksköterskans ordination. Dokumentera i signeringslistan.', { windowStart: morning, windowEnd: morningEnd, minutes: 10 }, ['insulin_delegation']));
    items.push(item('evening_help', 'Kvällshjälp', 'Kvällsmat, hjälp med kvällstoalett och avklädning. Kontrollera att trygghetslarmet sitter på armen.', { windowStart: evening, windowEnd: eveningEnd, minutes: 30, staffCount: lift ? 2 : 1 }, lift ? ['lift_training'] : []));
  }
  if (need === 'large') {
    items.push(item('lunch', 'Lunch', 'Värm och servera lunchlådan. Duka fram dryck. Sitt gärna ned en stund.', { windowStart: '11:30', windowEnd: '13:00', minutes: rnd.pick([20, 25, 30]) }));
    items.push(item('tillsyn', 'Tillsyn eftermiddag', 'Kort besök: fråga hur personen mår, erbjud dryck, kontrollera att det är tryggt.', { windowStart: '15:00', windowEnd: '16:00', minutes: 15 }));
    items.push(item('shower', 'Dusch', 'Dusch med duschpall. Smörj in huden efteråt. Byt handdukar.', { windowStart: '09:30', windowEnd: '11:00', minutes: 45, weekdays: [rnd.int(1, 5)] }));
  }
  if (need === 'medium') {
    items.push(item('tillsyn', 'Tillsyn', 'Kort besök: fråga hur personen mår, erbjud dryck.', { windowStart: '13:00', windowEnd: '14:00', minutes: 15, weekdays: [1, 3, 5] }));
  }
  items.push(item('shopping', 'Inköp', 'Handla enligt inköpslistan tillsammans med personen. Kvitto och växel läggs i kuvertet.', { windowStart: '10:00', windowEnd: '12:00', minutes: rnd.pick([45, 60]), weekdays: [rnd.int(1, 5)] }));
  if (need !== 'large' || rnd.chance(0.5)) {
    items.push(item('cleaning', 'Städ', 'Dammsug, våttorka golv, rengör badrum och kök. Byt sängkläder.', { windowStart: '13:00', windowEnd: '15:00', minutes: rnd.pick([60, 75, 90]), weekdays: [rnd.int(1, 5)], everyOtherWeek: true }));
  }
  return items;
}

export function demoRecipients(teamId: string, count = 30): Brukare[] {
  const rnd = createRandom(`recipients:${teamId}`);
  const out: Brukare[] = [];
  for (let i = 1; i <= count; i++) {
    const first = FIRST_NAMES[(i * 7 + (teamId === 'norr' ? 0 : 3)) % FIRST_NAMES.length] ?? 'Astrid';
    const last = rnd.pick(LAST_NAMES);
    const need = i % 3 === 0 ? 'small' : i % 3 === 1 ? 'large' : 'medium';
    const diabetic = need !== 'small' && rnd.chance(0.2);
    const lift = need === 'large' && rnd.chance(0.25);
    const id = `${teamId}-b${String(i).padStart(2, '0')}`;
    const plan: CarePlanItem[] = carePlanFor(rnd, need, diabetic, lift).map((t, n) => ({
      id: `${id}-i${n + 1}`,
      type: t.type,
      title: t.title,
      instructions: t.instructions,
      lifeArea: INSATS_LIFE_AREA[t.type],
      requires: t.requires,
      rhythm: t.rhythm,
    }));
    const language = LANGUAGE_BY_NAME[first] ?? 'sv';
    out.push({
      id,
      teamId,
      name: `${first} ${last}`,
      birthYear: rnd.int(1928, 1952),
      address: `${rnd.pick(STREETS)} ${rnd.int(1, 60)}, ${teamId === 'norr' ? '123 45 Norrby' : '123 67 Söderby'}`,
      phone: `070-000 ${String(rnd.int(10, 99))} ${String(rnd.int(10, 99))}`,
      keyInfo: rnd.pick(KEY_INFO),
      language,
      communicationNeeds: language === 'sv' ? (rnd.chance(0.2) ? ['Pictogram'] : []) : ['Tolk vid större samtal', 'Pictogram'],
      contacts: [{ name: `${rnd.pick(['Lena', 'Peter', 'Sara', 'Mats', 'Anders', 'Eva'])} ${last}`, relation: rnd.pick(['dotter', 'son', 'make', 'maka', 'barnbarn']), phone: `070-111 ${String(rnd.int(10, 99))} ${String(rnd.int(10, 99))}` }],
      allergies: rnd.chance(0.25) ? [rnd.pick(ALLERGIES)] : [],
      risks: [...(diabetic ? ['Diabetes: insulin på morgonen'] : []), ...(rnd.chance(0.5) ? [rnd.pick(RISKS)] : [])],
      goodToKnow: [rnd.pick(GOOD_TO_KNOW)],
      carePlan: plan,
      // A few recipients do not sign digitally; some want large text.
      signOff: { digital: i % 10 !== 7, pictograms: true, readAloud: true, largeText: i % 5 === 2 },
    });
  }
  return out;
}
