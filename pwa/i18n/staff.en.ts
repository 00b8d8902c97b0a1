// English strings of the staff register and of the board's warning about delegations that run out.
import type { ExpiringStrings, StaffNavStrings, StaffStrings } from './staff.sv';

const COMPETENCE_NAMES = {
  insulin_delegation: 'Delegation: insulin',
  medication_delegation: 'Delegation: medication',
  lift_training: 'Training: lifting',
};

export const staffEn: StaffStrings = {
  title: 'Staff',
  intro: 'Roles, teams, working hours, competences and delegations. A delegation counts up to and including its last day; after that the planning does not count it.',
  noAccess: 'The staff register is for admins and schedulers.',
  listTitle: 'The staff',
  loading: 'Fetching the staff …',
  name: 'Name',
  username: 'Username',
  usernameHint: 'What the person signs in with: lower-case letters, digits, dots, dashes or underscores.',
  password: 'First password',
  passwordHint: 'At least 10 characters. Give it to the person in a safe way.',
  role: 'Role',
  roles: { caregiver: 'Caregiver', scheduler: 'Scheduler (team lead)', admin: 'Admin' },
  teams: 'Teams',
  workHours: 'Working hours',
  workHoursLegend: 'Working hours on a usual working day (optional)',
  start: 'Starts',
  end: 'Ends',
  competences: 'Competences and delegations',
  competenceNames: COMPETENCE_NAMES,
  validUntil: 'Valid until (optional)',
  until: (date: string) => `until ${date}`,
  expired: (date: string) => `ended ${date}`,
  none: '–',
  actions: 'Action',
  edit: 'Edit',
  editLabel: (name: string) => `Edit ${name}`,
  addTitle: 'Add a person',
  editTitle: (name: string) => `Edit ${name}`,
  add: 'Add',
  save: 'Save the changes',
  saving: 'Saving …',
  cancelEdit: 'Cancel the change',
  created: (name: string) => `${name} has been added.`,
  saved: (name: string) => `The changes for ${name} are saved.`,
  unchanged: 'Nothing changed.',
  offline: 'The staff register needs a connection.',
  failed: 'Could not save. Try again.',
  forbidden: 'You may not make that change.',
  invalid: 'Please correct:',
  errors: {
    name: "Enter the person's name.",
    username: 'The username must have 2–64 characters: lower-case letters, digits, dots, dashes or underscores.',
    usernameTaken: 'That username is taken. Choose another.',
    password: 'The password must have at least 10 characters.',
    role: 'Choose a role.',
    ownRole: 'You cannot change your own role.',
    teamIds: 'Choose at least one team.',
    unknownTeam: 'The team no longer exists. Reload the page.',
    workHours: 'Fill in both start and end, as HH:MM.',
    workHoursOrder: 'The end must be after the start.',
    validUntil: (competence: string) => `${competence}: enter the date as YYYY-MM-DD.`,
    competences: 'Choose each competence once.',
  },
};

export const expiringEn: ExpiringStrings = {
  title: 'Delegations ending within a week',
  competenceNames: COMPETENCE_NAMES,
  item: (name: string, competence: string, date: string) => `${name}: ${competence}, valid until ${date}`,
};

export const staffNavEn: StaffNavStrings = { link: 'Staff' };
