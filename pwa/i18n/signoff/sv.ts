// The sign-off screen in Swedish: what the care recipient sees and hears.
// Short, plain words: many recipients have dementia or little Swedish. One
// module per language (pwa/i18n/signoff/<lang>.ts), loaded with the screen.
import type { InsatsType } from '../../../domain';

export type SignOffStrings = {
  /** The screen's title, read aloud first: the visit and who came. */
  title: (caregiverFirstName: string) => string;
  /** The question above the insatser. */
  wasItDone: string;
  yes: string;
  no: string;
  /** What each insats type is called on this screen (short, everyday words). */
  insats: Record<InsatsType, string>;
  howWasIt: string;
  moods: { good: string; so_so: string; bad: string };
  talk: string;
  talkChosen: string;
  done: string;
  decline: string;
  readAloud: string;
  thanks: string;
  declined: string;
  /** The (small) button for the caregiver to take the tablet back. */
  staff: string;
};

export const signOffSv: SignOffStrings = {
  title: (name) => `${name} har varit hos dig`,
  wasItDone: 'Blev det gjort?',
  yes: 'Ja',
  no: 'Nej',
  insats: {
    morning_help: 'Hjälp på morgonen',
    lunch: 'Mat',
    evening_help: 'Hjälp på kvällen',
    night_help: 'Besök på natten',
    tillsyn: 'Titta till dig',
    shower: 'Dusch',
    shopping: 'Handla',
    cleaning: 'Städa',
    laundry: 'Tvätt',
    walk: 'Promenad',
    medication_reminder: 'Medicin',
    transfer: 'Hjälp att flytta dig',
    alarm_callout: 'Larm',
  },
  howWasIt: 'Hur var besöket?',
  moods: { good: 'Bra', so_so: 'Sådär', bad: 'Dåligt' },
  talk: 'Jag vill prata med någon',
  talkChosen: 'Någon kontaktar dig',
  done: 'Klar',
  decline: 'Jag vill inte signera',
  readAloud: 'Läs upp',
  thanks: 'Tack!',
  declined: 'Det är bra. Tack!',
  staff: 'Personal',
};
