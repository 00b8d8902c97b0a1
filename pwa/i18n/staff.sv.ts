// Swedish strings of the staff register (loaded with its page) and of the
// board's warning about delegations that run out (loaded with the board).
import type { Widen } from './sv';

const COMPETENCE_NAMES = {
  insulin_delegation: 'Delegering: insulin',
  medication_delegation: 'Delegering: läkemedel',
  lift_training: 'Utbildning: lyft',
} as const;

export const staffSv = {
  title: 'Personal',
  intro: 'Roller, team, arbetstider, kompetenser och delegeringar. En delegering gäller till och med sitt sista datum; efter det räknas den inte i planeringen.',
  noAccess: 'Personalregistret är till för administratörer och planerare.',
  listTitle: 'Personalen',
  loading: 'Hämtar personalen …',
  name: 'Namn',
  username: 'Användarnamn',
  usernameHint: 'Det personen loggar in med: små bokstäver, siffror, punkt, bindestreck eller understreck.',
  password: 'Första lösenord',
  passwordHint: 'Minst 10 tecken. Lämna det till personen på ett säkert sätt.',
  role: 'Roll',
  roles: { caregiver: 'Undersköterska eller vårdbiträde', scheduler: 'Planerare (teamledare)', admin: 'Administratör' },
  teams: 'Team',
  workHours: 'Arbetstid',
  workHoursLegend: 'Arbetstid en vanlig arbetsdag (valfritt)',
  start: 'Börjar',
  end: 'Slutar',
  competences: 'Kompetenser och delegeringar',
  competenceNames: COMPETENCE_NAMES,
  validUntil: 'Giltig till (valfritt)',
  until: (date: string) => `t.o.m. ${date}`,
  expired: (date: string) => `gick ut ${date}`,
  none: '–',
  actions: 'Åtgärd',
  edit: 'Ändra',
  editLabel: (name: string) => `Ändra ${name}`,
  addTitle: 'Lägg till en person',
  editTitle: (name: string) => `Ändra ${name}`,
  add: 'Lägg till',
  save: 'Spara ändringarna',
  saving: 'Sparar …',
  cancelEdit: 'Avbryt ändringen',
  created: (name: string) => `${name} är tillagd.`,
  saved: (name: string) => `Ändringarna för ${name} är sparade.`,
  unchanged: 'Inget ändrades.',
  offline: 'Personalregistret kräver uppkoppling.',
  failed: 'Det gick inte att spara. Försök igen.',
  forbidden: 'Du får inte göra den ändringen.',
  invalid: 'Rätta följande:',
  errors: {
    name: 'Skriv personens namn.',
    username: 'Användarnamnet ska ha 2–64 tecken: små bokstäver, siffror, punkt, bindestreck eller understreck.',
    usernameTaken: 'Användarnamnet är upptaget. Välj ett annat.',
    password: 'Lösenordet ska ha minst 10 tecken.',
    role: 'Välj en roll.',
    ownRole: 'Du kan inte ändra din egen roll.',
    teamIds: 'Välj minst ett team.',
    unknownTeam: 'Teamet finns inte längre. Ladda om sidan.',
    workHours: 'Fyll i både början och slut, som TT:MM.',
    workHoursOrder: 'Slutet ska vara efter början.',
    validUntil: (competence: string) => `${competence}: ange datumet som ÅÅÅÅ-MM-DD.`,
    competences: 'Välj varje kompetens en gång.',
  },
} as const;

export type StaffStrings = Widen<typeof staffSv>;

/** The board's list of delegations whose last day is within a week. */
export const expiringSv = {
  title: 'Delegeringar som går ut inom en vecka',
  competenceNames: COMPETENCE_NAMES,
  item: (name: string, competence: string, date: string) => `${name}: ${competence}, gäller t.o.m. ${date}`,
} as const;

export type ExpiringStrings = Widen<typeof expiringSv>;

/** The planning views' link to the register. */
