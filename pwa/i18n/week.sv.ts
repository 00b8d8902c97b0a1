// Swedish strings of the scheduler's week view (load per caregiver and day,
// visits from care plans); loaded with that page only.
import type { Widen } from './sv';

export const weekSv = {
  title: 'Veckan',
  loading: 'Läser in …',
  weekTitle: (week: number, from: string, to: string) => `Vecka ${week}: ${from} – ${to}`,
  previousWeek: 'Föregående vecka',
  nextWeek: 'Nästa vecka',
  thisWeek: 'Denna vecka',
  caption: (week: number) => `Belastning vecka ${week}: besök och planerad tid per personal och dag, mot arbetstiden`,
  staff: 'Personal',
  weekTotal: 'Hela veckan',
  dayTotal: 'Summa',
  unassigned: 'Ej tilldelade',
  workHours: (start: string, end: string) => `Arbetstid ${start}–${end}`,
  today: 'idag',
  openDay: 'öppna dagens planering',
  notOnDevice: 'Finns inte på enheten',
  noVisits: 'Inga besök',
  visits: (n: number) => `${n} besök`,
  duration: (minutes: number) => {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
  },
  overHours: 'Över arbetstiden',
  doubleBooked: 'Dubbelbokad',
  needsMore: (n: number) => `${n} behöver fler personal`,
  countingNote:
    'Tiden är planerad tid. Inställda besök räknas inte. Vid dubbelbemanning räknas besöket hos båda, och i summan för dagen räknas personaltiden: ett besök med två personal räknas två gånger.',
  windowNote: 'Enheten har planeringen från två veckor bakåt till två veckor framåt.',
  grant: {
    title: 'Beviljat och planerat',
    intro: 'Minuter per vecka för brukare som kommit in med en beställning: det som är beviljat, det som genomförandeplanen säger och det som är planerat den här veckan.',
    recipient: 'Brukare',
    granted: 'Beviljat',
    carePlan: 'Genomförandeplan',
    planned: 'Planerat denna vecka',
    drift: 'Avviker',
    matches: 'Stämmer',
    none: 'Ingen brukare i teamet har kommit in med en beställning ännu.',
    minutes: (n: number) => `${n} min`,
  },
  generate: {
    title: 'Besök från omsorgsplaner',
    button: 'Skapa besök från omsorgsplaner',
    hint: 'Skapar de besök som brukarnas omsorgsplaner ger för veckans dagar från och med idag. Nya besök är inte tilldelade någon. Besök som redan finns, och besök som en planerare har ändrat eller tagit bort, lämnas som de är.',
    working: 'Skapar besök …',
    needsSync: 'Det går att skapa besök när enheten är uppkopplad och har synkroniserats, så att inget som en annan planerare har gjort skrivs över.',
    past: 'Veckan har redan varit. Besök skapas bara för idag och dagar framåt.',
    added: (n: number, days: number) => `${n} nya besök har lagts till för ${days === 1 ? '1 dag' : `${days} dagar`}.`,
    none: 'Inga nya besök: allt som omsorgsplanerna ger finns redan i planen, eller har ändrats eller tagits bort av en planerare.',
    recipients: (n: number) => `Omsorgsplaner för ${n} brukare lästes.`,
    unread: (n: number) => `${n} brukare kunde inte läsas, eftersom de inte har synkroniserats än.`,
    noRecipients: 'Enheten har inga brukare för teamet än. Försök igen när enheten har synkroniserats.',
    failed: 'Det gick inte att skapa besöken. Försök igen.',
  },
} as const;

export type WeekStrings = Widen<typeof weekSv>;
