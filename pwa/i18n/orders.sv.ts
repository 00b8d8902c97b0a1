// Swedish strings of the order page (loaded with it).
import type { Widen } from './sv';

export const ordersSv = {
  title: 'Ny beställning',
  intro: 'Skriv in en beställning från biståndshandläggaren. Brukaren och ett utkast till genomförandeplan skapas, och teamets enheter får dem vid nästa synk.',
  orderId: 'Beställningens id',
  orderIdHint: 'Samma id igen ändrar ingenting. En ny beställning för samma person uppdaterar de beviljade insatserna.',
  team: 'Team',
  name: 'Namn',
  address: 'Adress',
  phone: 'Telefon (valfritt)',
  language: 'Språk (valfritt, t.ex. sv, fi, ar)',
  grantedFrom: 'Beviljat från',
  grantedTo: 'Beviljat till (valfritt)',
  insatser: 'Beviljade insatser',
  insats: (n: number) => `Insats ${n}`,
  type: 'Insats',
  minutes: 'Minuter per tillfälle',
  occasions: 'Tillfällen per vecka',
  note: 'Anteckning (valfritt)',
  addInsats: 'Lägg till insats',
  removeInsats: (n: number) => `Ta bort insats ${n}`,
  submit: 'Skicka beställningen',
  sending: 'Skickar …',
  created: 'Beställningen är mottagen.',
  openRecipient: 'Öppna brukarens uppgifter',
  offline: 'Beställningar kräver uppkoppling.',
  failed: 'Beställningen kunde inte tas emot. Försök igen.',
  invalid: 'Rätta följande:',
} as const;

export type OrdersStrings = Widen<typeof ordersSv>;
