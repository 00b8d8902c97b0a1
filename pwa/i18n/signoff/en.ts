// The sign-off screen in English: what the care recipient sees and hears.
import type { SignOffStrings } from './sv';

export const signOffEn: SignOffStrings = {
  title: (name) => `${name} has visited you`,
  wasItDone: 'Was it done?',
  yes: 'Yes',
  no: 'No',
  insats: {
    morning_help: 'Morning help',
    lunch: 'Meal',
    evening_help: 'Evening help',
    night_help: 'Night visit',
    tillsyn: 'Checking on you',
    shower: 'Shower',
    shopping: 'Shopping',
    cleaning: 'Cleaning',
    laundry: 'Laundry',
    walk: 'Walk',
    medication_reminder: 'Medicine',
    transfer: 'Help moving',
    alarm_callout: 'Safety alarm',
  },
  howWasIt: 'How was the visit?',
  moods: { good: 'Good', so_so: 'So-so', bad: 'Bad' },
  talk: 'I want to talk to someone',
  talkChosen: 'Someone will contact you',
  done: 'Done',
  decline: 'I do not want to sign',
  readAloud: 'Read aloud',
  thanks: 'Thank you!',
  declined: 'That is fine. Thank you!',
  staff: 'Staff',
};
