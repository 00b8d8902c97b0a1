// English strings of the scheduler's week view.
import type { WeekStrings } from './week.sv';

export const weekEn: WeekStrings = {
  title: 'The week',
  loading: 'Loading …',
  weekTitle: (week, from, to) => `Week ${week}: ${from} – ${to}`,
  previousWeek: 'Previous week',
  nextWeek: 'Next week',
  thisWeek: 'This week',
  caption: (week) => `Load in week ${week}: visits and planned time per staff member and day, against working hours`,
  staff: 'Staff',
  weekTotal: 'Whole week',
  dayTotal: 'Total',
  unassigned: 'Unassigned',
  workHours: (start, end) => `Working hours ${start}–${end}`,
  today: 'today',
  openDay: "open the day's planning",
  notOnDevice: 'Not on this device',
  noVisits: 'No visits',
  visits: (n) => (n === 1 ? '1 visit' : `${n} visits`),
  duration: (minutes) => {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
  },
  overHours: 'Over working hours',
  doubleBooked: 'Double-booked',
  needsMore: (n) => `${n} need more staff`,
  countingNote:
    'Times are planned times. Cancelled visits are not counted. With two staff on a visit, it counts for both, and the day total counts staff time: a visit with two staff counts twice.',
  windowNote: 'The device holds the planning from two weeks back to two weeks ahead.',
  grant: {
    title: 'Granted and planned',
    intro: 'Minutes per week for recipients who came in with an order: what is granted, what the care plan says, and what is planned this week.',
    recipient: 'Recipient',
    granted: 'Granted',
    carePlan: 'Care plan',
    planned: 'Planned this week',
    drift: 'Differs',
    matches: 'Matches',
    none: 'No recipient of the team has come in with an order yet.',
    minutes: (n: number) => `${n} min`,
  },
  generate: {
    title: 'Visits from care plans',
    button: 'Create visits from care plans',
    hint: "Creates the visits that the recipients' care plans give for the week's days from today on. New visits are not assigned to anyone. Visits that already exist, and visits a scheduler changed or removed, are left as they are.",
    working: 'Creating visits …',
    needsSync: 'Visits can be created when the device is online and has synced, so that nothing another scheduler did is overwritten.',
    past: 'This week is over. Visits are only created for today and the days ahead.',
    added: (n, days) => `${n === 1 ? '1 new visit was' : `${n} new visits were`} added for ${days === 1 ? '1 day' : `${days} days`}.`,
    none: 'No new visits: everything the care plans give is already in the plan, or was changed or removed by a scheduler.',
    recipients: (n) => `Care plans of ${n} ${n === 1 ? 'recipient' : 'recipients'} were read.`,
    unread: (n) => `${n} ${n === 1 ? 'recipient' : 'recipients'} could not be read because they have not synced yet.`,
    noRecipients: 'The device holds no recipients of the team yet. Try again when the device has synced.',
    failed: 'The visits could not be created. Please try again.',
  },
};
