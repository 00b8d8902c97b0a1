// The staff register's form: a new person (with username and first password)
// or changes to one. Each competence is a checkbox with an optional last day
// ("giltig till"). Problems are shown next to their field (linked with
// aria-describedby) and listed above the button; the page decides what they are.
import { For, Show, createSignal, type Accessor, type JSX } from 'solid-js';
import { REGISTER_COMPETENCES, type Competence, type Role, type StaffRegisterEntry } from '../../domain';
import type { StaffStrings } from '../i18n/staff.sv';
import { ErrorText } from './ErrorText';

type CompetenceValue = { held: boolean; validUntil: string; badDate: boolean };

export type StaffFormValues = {
  name: string;
  username: string;
  password: string;
  role: Role;
  /** Only the teams shown in the form. */
  teamIds: string[];
  start: string;
  end: string;
  competences: Record<Competence, CompetenceValue>;
};

export function StaffForm(props: {
  s: Accessor<StaffStrings>;
  person: StaffRegisterEntry | null;
  teams: readonly { id: string; name: string }[];
  roles: readonly Role[];
  problems: readonly { key: string; text: string }[];
  busy: boolean;
  error: string | null;
  onSubmit: (values: StaffFormValues) => void;
  onCancel: () => void;
}): JSX.Element {
  const s = () => props.s();
  // The form is made anew for each person (the page keys it), so the first values are read once.
  const person = props.person;
  const [name, setName] = createSignal(person?.name ?? '');
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [role, setRole] = createSignal<Role>(person?.role ?? 'caregiver');
  // Only the teams shown count here (the page keeps the others); a new person joins the only team there is, unless unticked.
  const [picked, setPicked] = createSignal<string[] | null>(person ? person.teamIds : null);
  const teamIds = () => {
    const shown = props.teams.map((t) => t.id);
    return picked()?.filter((t) => shown.includes(t)) ?? (shown.length === 1 ? shown : []);
  };
  const [start, setStart] = createSignal(person?.workHours?.start ?? '');
  const [end, setEnd] = createSignal(person?.workHours?.end ?? '');
  const initial = Object.fromEntries(
    REGISTER_COMPETENCES.map((c) => {
      const grant = person?.competences.find((g) => g.competence === c);
      return [c, { held: grant !== undefined, validUntil: grant?.validUntil ?? '', badDate: false }];
    }),
  ) as Record<Competence, CompetenceValue>;
  const [competences, setCompetences] = createSignal(initial);
  const setCompetence = (c: Competence, change: Partial<CompetenceValue>) => setCompetences({ ...competences(), [c]: { ...competences()[c], ...change } });

  const problem = (key: string) => props.problems.filter((p) => p.key === key).map((p) => p.text).join(' ');
  const errorId = (key: string) => `staff-${key}-error`;
  const describedBy = (key: string, hint?: string) => [hint, problem(key) ? errorId(key) : undefined].filter(Boolean).join(' ') || undefined;
  const FieldError = (p: { key: string }) => (
    <Show when={problem(p.key)}>
      <p class="error" id={errorId(p.key)}>
        {problem(p.key)}
      </p>
    </Show>
  );

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    props.onSubmit({ name: name(), username: username(), password: password(), role: role(), teamIds: teamIds(), start: start(), end: end(), competences: competences() });
  };

  return (
    <form class="panel staff-form" novalidate onSubmit={submit} aria-labelledby="staff-form-title" data-testid="staff-form">
      <h2 id="staff-form-title" tabindex="-1">
        {person ? s().editTitle(person.name) : s().addTitle}
      </h2>
      <label for="staff-name">{s().name}</label>
      <input id="staff-name" autocomplete="off" value={name()} aria-invalid={problem('name') !== ''} aria-describedby={describedBy('name')} onInput={(e) => setName(e.currentTarget.value)} />
      <FieldError key="name" />
      <Show when={!person}>
        <label for="staff-username">{s().username}</label>
        <input
          id="staff-username"
          autocomplete="off"
          autocapitalize="none"
          spellcheck={false}
          value={username()}
          aria-invalid={problem('username') !== ''}
          aria-describedby={describedBy('username', 'staff-username-hint')}
          onInput={(e) => setUsername(e.currentTarget.value)}
        />
        <p class="note" id="staff-username-hint">
          {s().usernameHint}
        </p>
        <FieldError key="username" />
        <label for="staff-password">{s().password}</label>
        <input
          id="staff-password"
          type="password"
          autocomplete="new-password"
          value={password()}
          aria-invalid={problem('password') !== ''}
          aria-describedby={describedBy('password', 'staff-password-hint')}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <p class="note" id="staff-password-hint">
          {s().passwordHint}
        </p>
        <FieldError key="password" />
      </Show>
      <label for="staff-role">{s().role}</label>
      <select id="staff-role" value={role()} aria-invalid={problem('role') !== ''} aria-describedby={describedBy('role')} onChange={(e) => setRole(e.currentTarget.value as Role)}>
        <For each={props.roles}>{(r) => <option value={r}>{s().roles[r]}</option>}</For>
      </select>
      <FieldError key="role" />
      <fieldset aria-describedby={describedBy('teams')}>
        <legend>{s().teams}</legend>
        <For each={props.teams}>
          {(team) => (
            <label class="check">
              <input
                type="checkbox"
                checked={teamIds().includes(team.id)}
                onChange={(e) => setPicked(e.currentTarget.checked ? [...teamIds(), team.id] : teamIds().filter((t) => t !== team.id))}
              />
              <span>{team.name}</span>
            </label>
          )}
        </For>
        <FieldError key="teams" />
      </fieldset>
      <fieldset aria-describedby={describedBy('workHours')}>
        <legend>{s().workHoursLegend}</legend>
        <div class="staff-hours">
          <div>
            <label for="staff-start">{s().start}</label>
            <input id="staff-start" type="time" value={start()} aria-invalid={problem('workHours') !== ''} onInput={(e) => setStart(e.currentTarget.value)} />
          </div>
          <div>
            <label for="staff-end">{s().end}</label>
            <input id="staff-end" type="time" value={end()} aria-invalid={problem('workHours') !== ''} onInput={(e) => setEnd(e.currentTarget.value)} />
          </div>
        </div>
        <FieldError key="workHours" />
      </fieldset>
      <fieldset aria-describedby={describedBy('competences')}>
        <legend>{s().competences}</legend>
        <For each={REGISTER_COMPETENCES}>
          {(c) => (
            <div class="staff-competence" data-competence={c}>
              <label class="check">
                <input type="checkbox" checked={competences()[c].held} onChange={(e) => setCompetence(c, { held: e.currentTarget.checked })} />
                <span>{s().competenceNames[c]}</span>
              </label>
              <div>
                <label for={`staff-until-${c}`}>
                  <span class="sr-only">{`${s().competenceNames[c]}: `}</span>
                  {s().validUntil}
                </label>
                <input
                  id={`staff-until-${c}`}
                  type="date"
                  value={competences()[c].validUntil}
                  aria-invalid={problem(`competence-${c}`) !== ''}
                  aria-describedby={describedBy(`competence-${c}`)}
                  onInput={(e) => setCompetence(c, { validUntil: e.currentTarget.value, badDate: e.currentTarget.validity.badInput })}
                />
              </div>
              <FieldError key={`competence-${c}`} />
            </div>
          )}
        </For>
        <FieldError key="competences" />
      </fieldset>
      <Show when={props.problems.length > 0}>
        <div role="alert" class="error" data-testid="staff-problems">
          <p>{s().invalid}</p>
          <ul>
            <For each={props.problems}>{(p) => <li>{p.text}</li>}</For>
          </ul>
        </div>
      </Show>
      <ErrorText message={props.error} />
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={props.busy}>
          {props.busy ? s().saving : person ? s().save : s().add}
        </button>
        <Show when={person}>
          <button type="button" class="btn" onClick={() => props.onCancel()}>
            {s().cancelEdit}
          </button>
        </Show>
      </div>
    </form>
  );
}
