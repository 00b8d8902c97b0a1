// Swedish strings of the scheduler's follow-up page (planned vs delivered,
// continuity); loaded with that page only.
import type { Widen } from './sv';

export const reportsSv = {
  title: 'Uppföljning',
  loading: 'Läser in …',
  period: 'Period',
  day: 'Dag',
  week: 'Vecka',
  weekTitle: (week: number, from: string, to: string) => `Vecka ${week}: ${from} – ${to}`,
  previousDay: 'Föregående dag',
  nextDay: 'Nästa dag',
  previousWeek: 'Föregående vecka',
  nextWeek: 'Nästa vecka',
  today: 'Idag',
  thisWeek: 'Denna vecka',

  deliveredTitle: 'Planerad och utförd tid',
  countingNote:
    'Tiden räknas per personal: vid dubbelbemanning räknas bådas tid. Inställda besök räknas inte. Oplanerade besök och besök som gjordes av någon som inte var tilldelad har ingen planerad tid. Besök som inte är avslutade har ingen utförd tid än.',
  perStaff: (period: string) => `Per personal, ${period}`,
  perRecipient: (period: string) => `Per brukare, ${period}`,
  perDay: (period: string) => `Per dag, ${period}`,
  staff: 'Personal',
  recipient: 'Brukare',
  date: 'Datum',
  planned: 'Planerad tid (min)',
  actual: 'Utförd tid (min)',
  difference: 'Skillnad (min)',
  visits: 'Besök',
  total: 'Totalt',
  unassigned: 'Ej tilldelad',
  unknownRecipient: 'Okänd brukare',
  noVisits: 'Inga besök under perioden.',

  differencesTitle: 'Besök som avviker',
  differencesCaption: (period: string) => `Besök som avviker från planen, ${period}`,
  thresholdNote: (minutes: number) =>
    `Tiden räknas som avvikande när den skiljer mer än ${minutes} minuter från planen. Mindre skillnader hör till vardagen och visas inte.`,
  visit: 'Besök',
  whatDiffers: 'Vad skiljer',
  noDifferences: 'Inga besök avviker under perioden.',
  reasons: {
    not_as_planned: 'Inte som planerat vid utcheckningen',
    cancelled: 'Inställt',
    missed: 'Uteblivet',
    not_registered: 'Ingen incheckning, fast besökets tid har gått',
    unplanned: 'Oplanerat besök',
    time: (name: string, planned: number, actual: number) => `${name}: ${actual} min i stället för ${planned} min`,
    unassigned_worker: (name: string) => `Gjordes av ${name}, som inte var tilldelad`,
    not_checked_out: (name: string) => `${name} har inte checkat ut`,
  },

  csvTitle: 'Export för tidrapport och lön',
  download: 'Ladda ner CSV',
  csvNote: 'Filen skapas på enheten av det som är synkat hit och fungerar utan uppkoppling. Den har samma kolumner som filen från servern.',
  serverUrl: 'Samma fil från servern, för lönesystem (kräver en planerares inloggning)',
  copy: 'Kopiera adressen',
  copied: 'Adressen är kopierad.',
  copyFailed: 'Det gick inte att kopiera. Markera adressen och kopiera den själv.',

  continuityTitle: 'Personalkontinuitet',
  continuityIntro: (from: string, to: string) =>
    `Hur många olika personal varje brukare har träffat under 14 dagar (${from} – ${to}). Färre är bättre. Gjorda besök räknar den som checkade in, kommande besök den som är planerad. Inställda och uteblivna besök räknas inte.`,
  continuityCaption: (from: string, to: string) => `Olika personal per brukare, ${from} – ${to}, flest först`,
  staffMet: 'Olika personal',
  indicator: 'Nationell indikator',
  notCounted: {
    age: 'Ingår inte (under 65 år)',
    visits: 'Ingår inte (färre än två besök om dagen mellan 07 och 22)',
    unknown: 'Ingår inte (uppgifter saknas)',
  },
  teamMean: 'Teamets medelvärde',
  teamMeanValue: (mean: string, recipients: number) => `${mean} olika personal (${recipients} brukare)`,
  indicatorMean: 'Nationell indikator för teamet',
  indicatorMeanValue: (mean: string, recipients: number) => `${mean} olika personal (${recipients} brukare ingår)`,
  indicatorNone: 'Ingen brukare uppfyller villkoren för indikatorn under perioden.',
  indicatorNote:
    'Den nationella indikatorn räknar brukare som är 65 år eller äldre och har minst två besök om dagen, bara besök mellan 07 och 22 och inga larmutryckningar. Riksgenomsnittet var 14,9 år 2021. De bästa kommunerna har 7.',
} as const;

export type ReportsStrings = Widen<typeof reportsSv>;
