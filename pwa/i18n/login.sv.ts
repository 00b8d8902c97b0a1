// Swedish strings of the sign-in screen (loaded with it: a signed-in device's
// cold start does not need them).
import type { Widen } from './sv';

export const loginSv = {
  title: 'Logga in',
  intro: 'Logga in en gång med uppkoppling. Sedan fungerar appen även utan täckning.',
  username: 'Användarnamn',
  password: 'Lösenord',
  submit: 'Logga in',
  busy: 'Loggar in …',
  wrong: 'Fel användarnamn eller lösenord.',
  offline: 'Du är inte uppkopplad. Första inloggningen kräver uppkoppling.',
  failed: 'Inloggningen misslyckades. Försök igen.',
  otherUserPending: 'Det finns ändringar på enheten som inte har sparats på servern. Logga in som samma person igen så att de kan synkas.',
  again: 'Din inloggning har gått ut. Logga in igen för att synka. Inget av det du gjort går förlorat.',
  locked: (minutes: number) => `För många misslyckade inloggningar. Kontot är låst i ${minutes} min. Försök igen senare eller kontakta din administratör.`,
  blocked: 'Kontot är spärrat. Kontakta din administratör.',
  wiped: {
    pin_attempts: 'Enheten rensades efter för många felaktiga PIN-koder. Logga in igen.',
    revoked: 'Enheten har spärrats av en administratör och har rensats.',
    offline_too_long: 'Enheten har inte nått servern på länge och har rensats av säkerhetsskäl. Logga in igen.',
  },
} as const;

export type LoginStrings = Widen<typeof loginSv>;
