// The sign-off screen in Finnish: what the care recipient sees and hears.
import type { SignOffStrings } from './sv';

export const signOffFi: SignOffStrings = {
  title: (name) => `${name} kävi luonasi`,
  wasItDone: 'Tehtiinkö tämä?',
  yes: 'Kyllä',
  no: 'Ei',
  insats: {
    morning_help: 'Apu aamulla',
    lunch: 'Ruoka',
    evening_help: 'Apu illalla',
    night_help: 'Käynti yöllä',
    tillsyn: 'Voinnin tarkistus',
    shower: 'Suihku',
    shopping: 'Kauppa-asiat',
    cleaning: 'Siivous',
    laundry: 'Pyykki',
    walk: 'Kävely',
    medication_reminder: 'Lääkkeet',
    transfer: 'Apu siirtymisessä',
    alarm_callout: 'Turvahälytys',
  },
  howWasIt: 'Millainen käynti oli?',
  moods: { good: 'Hyvä', so_so: 'Niin ja näin', bad: 'Huono' },
  talk: 'Haluan puhua jonkun kanssa',
  talkChosen: 'Joku ottaa sinuun yhteyttä',
  done: 'Valmis',
  decline: 'En halua allekirjoittaa',
  readAloud: 'Lue ääneen',
  thanks: 'Kiitos!',
  declined: 'Ei haittaa. Kiitos!',
  staff: 'Henkilökunta',
};
