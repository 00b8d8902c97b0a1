// Swedish UI strings: the app's first language. Plain, respectful Swedish.
export const sv = {
  appName: 'Slinga',
  myDay: 'Min dag',
  teamDay: 'Teamets dag',
  sync: {
    online: 'Uppkopplad',
    offline: 'Ingen uppkoppling',
    pending: (n: number) => (n === 0 ? 'Allt är sparat på servern' : n === 1 ? '1 ändring väntar på servern' : `${n} ändringar väntar på servern`),
    lastSynced: (t: string) => `Senast synkad ${t}`,
    neverSynced: 'Inte synkad än',
    savedOnDevice: 'Sparat på enheten',
    storageError: 'Enheten kunde inte spara allt. Stäng inte appen. Kontakta planeraren och skriv ned det viktigaste på annat sätt.',
    refused: (n: number) => (n === 1 ? '1 dokument kan inte synkas längre (ingen behörighet). Det som inte har skickats från det kan inte levereras. Kontakta planeraren.' : `${n} dokument kan inte synkas längre (ingen behörighet). Det som inte har skickats från dem kan inte levereras. Kontakta planeraren.`),
    authExpired: 'Logga in igen för att synka',
  },
  day: {
    previous: 'Föregående dag',
    next: 'Nästa dag',
    today: 'Idag',
    none: 'Inga besök den här dagen.',
    loading: 'Läser in …',
    notSynced: 'Dagen är inte synkad till enheten än.',
    visits: (n: number) => (n === 1 ? '1 besök' : `${n} besök`),
    staff: 'Personal',
    unassigned: 'Ej tilldelad',
    checkedIn: (t: string) => `Incheckad ${t}`,
    createUnplanned: 'Nytt oplanerat besök',
    unplannedBadge: 'Oplanerat',
    reassignedAway: 'Besöket har flyttats till någon annan. Planeraren ser att du har varit där.',
    cancelledWhileWorking: 'Besöket ställdes in medan du var där. Planeraren ser båda.',
  },
  status: {
    planned: 'Planerat',
    in_progress: 'Pågår',
    done: 'Klart',
    cancelled: 'Inställt',
    missed: 'Uteblivet',
  },
  update: {
    available: 'En ny version av Slinga finns.',
    apply: 'Uppdatera nu',
    waiting: 'Uppdateringen väntar tills alla ändringar är sparade på servern.',
  },
  logout: 'Logga ut',
  logoutBlocked: 'Du kan logga ut när alla ändringar är sparade på servern.',
  language: 'Language: English',
  nav: { myDay: 'Min dag', teamDay: 'Teamets dag', messages: 'Meddelanden', inbox: 'Inkorg', planning: 'Planering', admin: 'Administration', lock: 'Lås' },
  errors: {
    notSaved: 'Det gick inte att spara. Kontrollera längden och försök igen.',
    tooLong: 'Texten är för lång.',
    invalidTransition: 'Det går inte i det här läget.',
    generic: 'Något gick fel. Försök igen.',
  },
  skipToContent: 'Hoppa till innehållet',
} as const;

export type Widen<T> = T extends (...args: infer A) => infer R ? (...args: A) => R : T extends string ? string : { [K in keyof T]: Widen<T[K]> };
export type Strings = Widen<typeof sv>;
