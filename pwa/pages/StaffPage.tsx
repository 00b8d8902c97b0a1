// The staff register (/personal) for admins and team leads (a team's
// schedulers): the people they may manage in a table, and one form to add a
// person or change one: name, role, teams, working hours, and competences and
// delegations with the last day they count. Online only: the server decides
// who may change whom and logs every change. The form's checks are the
// server's (its 400 names every wrong field; checking in the browser too would
// put more of zod in the start-up bundle): each problem is named in Swedish
// next to its field and in a list above the button.
import { For, Show, createResource, createSignal, type JSX } from 'solid-js';
import { z } from 'zod/mini';
import { InvalidFieldsResponseSchema, REGISTER_COMPETENCES, StaffRegisterSchema, assignableRoles, localDate, managesStaff, type Competence, type StaffRegister, type StaffRegisterEntry } from '../../domain';
import { useApp } from '../app-context';
import { useLazyStrings } from '../i18n/lazy-strings';
import { staffSv, type StaffStrings } from '../i18n/staff.sv';
import { refreshTeamStaff } from '../storage/staff-repo';
import { ErrorText } from '../ui/ErrorText';
import { PlanningNav } from '../ui/PlanningNav';
import { ScrollTable } from '../ui/ScrollTable';
import { StaffForm, type StaffFormValues } from '../ui/StaffForm';

const SavedSchema = z.object({ id: z.string(), changed: z.optional(z.array(z.string())) });

/** A problem as the form shows it: under which field (`key`) and what to do, in the user's language. */
export type Problem = { key: string; text: string };

/** The form's fields top to bottom: problems are listed in this order. */
const FORM_ORDER = ['name', 'username', 'password', 'role', 'teams', 'workHours', ...REGISTER_COMPETENCES.map((c) => `competence-${c}`), 'competences', 'form'];
const inFormOrder = (problems: Problem[]) => [...problems].sort((a, b) => FORM_ORDER.indexOf(a.key) - FORM_ORDER.indexOf(b.key));

/** Turns a field the server named, and its message, into the form's key and a sentence for the user. */
export function problemOf(s: StaffStrings, field: string, message: string, sent: readonly Competence[]): Problem {
  const e = s.errors;
  const competence = /^competences\.(\d+)\./.exec(field);
  if (competence) {
    const c = sent[Number(competence[1])] ?? 'lift_training';
    return { key: `competence-${c}`, text: e.validUntil(s.competenceNames[c]) };
  }
  const top = field.split('.')[0] ?? field;
  switch (top) {
    case 'name':
      return { key: 'name', text: e.name };
    case 'username':
      return { key: 'username', text: message === 'already taken' ? e.usernameTaken : e.username };
    case 'password':
      return { key: 'password', text: e.password };
    case 'role':
      return { key: 'role', text: message.includes('own role') ? e.ownRole : e.role };
    case 'teamIds':
      return { key: 'teams', text: message === 'no such team' ? e.unknownTeam : e.teamIds };
    case 'workHours':
      return { key: 'workHours', text: field === 'workHours.end' && message.includes('after') ? e.workHoursOrder : e.workHours };
    case 'competences':
      return { key: 'competences', text: e.competences };
    default:
      return { key: 'form', text: `${field}: ${message}` };
  }
}

export default function StaffPage(): JSX.Element {
  const app = useApp();
  const s = useLazyStrings(staffSv, () => import('../i18n/staff.en').then((m) => m.staffEn));
  const today = localDate(new Date());
  const me = () => app.session()?.user;
  const allowed = () => {
    const user = me();
    return user !== undefined && managesStaff(user);
  };

  const [register, { refetch }] = createResource(allowed, async (): Promise<StaffRegister | null> => {
    try {
      const res = await app.api('/api/staff');
      const parsed = res.ok ? StaffRegisterSchema.safeParse(await res.json()) : null;
      return parsed?.success ? parsed.data : null;
    } catch {
      return null;
    }
  });
  const [editing, setEditing] = createSignal<StaffRegisterEntry | null>(null);
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal<string | null>(null);
  // A new form (fresh signals) for each person edited, and after each save.
  const [formKey, setFormKey] = createSignal(0);

  const teamName = (id: string) => register()?.teams.find((t) => t.id === id)?.name ?? id;
  const competencesText = (p: StaffRegisterEntry) =>
    p.competences.length === 0
      ? s().none
      : p.competences
          .map((g) => `${s().competenceNames[g.competence]}${g.validUntil ? ` (${g.validUntil < today ? s().expired(g.validUntil) : s().until(g.validUntil)})` : ''}`)
          .join(', ');

  const startEditing = (person: StaffRegisterEntry | null) => {
    setProblems([]);
    setError(null);
    setStatus(null);
    setEditing(person);
    setFormKey(formKey() + 1);
    queueMicrotask(() => document.getElementById('staff-form-title')?.focus());
  };
  const cancelEditing = () => {
    const id = editing()?.id;
    startEditing(null);
    if (id) queueMicrotask(() => document.getElementById(`staff-edit-${id}`)?.focus());
  };

  const submit = async (values: StaffFormValues) => {
    setProblems([]);
    setError(null);
    setStatus(null);
    const person = editing();
    // Teams the user may not change stay as they were (a team lead sees only their own).
    const shown = new Set(register()?.teams.map((t) => t.id) ?? []);
    const teamIds = [...values.teamIds, ...(person?.teamIds.filter((t) => !shown.has(t)) ?? [])];
    const competences = REGISTER_COMPETENCES.filter((c) => values.competences[c].held).map((c) => {
      const { validUntil, badDate } = values.competences[c];
      return badDate ? { competence: c, validUntil: 'invalid' } : validUntil ? { competence: c, validUntil } : { competence: c };
    });
    const sent = competences.map((g) => g.competence);
    const body = {
      name: values.name,
      role: values.role,
      teamIds,
      ...(values.start || values.end ? { workHours: { start: values.start, end: values.end } } : {}),
      competences,
      ...(person ? {} : { username: values.username.trim(), password: values.password }),
    };
    if (!navigator.onLine) return setError(s().offline);
    setBusy(true);
    try {
      const res = await app.api(person ? `/api/staff/${person.id}` : '/api/staff', {
        method: person ? 'PUT' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json: unknown = await res.json().catch(() => null);
      if (res.status === 400 || res.status === 409) {
        const parsed = InvalidFieldsResponseSchema.safeParse(json);
        if (parsed.success) return setProblems(inFormOrder(parsed.data.fields.map((f) => problemOf(s(), f.field, f.message, sent))));
      }
      if (res.status === 403) return setError(s().forbidden);
      const saved = res.ok ? SavedSchema.safeParse(json) : null;
      if (!saved?.success) return setError(s().failed);
      const name = values.name.trim();
      // This device's copies of the teams' staff lists (the board checks against them) follow at once.
      const touched = new Set([...teamIds, ...(person?.teamIds ?? [])].filter((t) => me()?.teamIds.includes(t)));
      await Promise.all([...touched].map((t) => refreshTeamStaff(app.db, app.api, t)));
      startEditing(null);
      // The list shows the change before the status announces it.
      await refetch();
      setStatus(person ? (saved.data.changed?.length === 0 ? s().unchanged : s().saved(name)) : s().created(name));
    } catch {
      setError(s().offline);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article aria-labelledby="staff-title" class="staff-page">
      <Show when={me()?.role === 'scheduler'}>
        <PlanningNav />
      </Show>
      <h1 id="staff-title">{s().title}</h1>
      <Show when={allowed()} fallback={<p>{s().noAccess}</p>}>
        <p>{s().intro}</p>
        <Show when={status()}>
          <p role="status" class="ok" data-testid="staff-status">
            {status()}
          </p>
        </Show>
        <h2 id="staff-list-title">{s().listTitle}</h2>
        <Show when={!register.loading || register()} fallback={<p class="note">{s().loading}</p>}>
          <Show when={register()} fallback={<ErrorText message={navigator.onLine ? s().failed : s().offline} />}>
            {(reg) => (
              <ScrollTable labelledBy="staff-list-title" testId="staff-table" headings={[s().name, s().username, s().role, s().teams, s().workHours, s().competences, { hidden: s().actions }]}>
                <For each={reg().staff}>
                  {(p) => (
                    <tr data-testid="staff-row" data-staff-id={p.id}>
                      <th scope="row">{p.name}</th>
                      <td>{p.username}</td>
                      <td>{s().roles[p.role]}</td>
                      <td>{p.teamIds.map(teamName).join(', ') || s().none}</td>
                      <td>{p.workHours ? `${p.workHours.start}–${p.workHours.end}` : s().none}</td>
                      <td>{competencesText(p)}</td>
                      <td>
                        <button type="button" class="btn" id={`staff-edit-${p.id}`} aria-label={s().editLabel(p.name)} onClick={() => startEditing(p)}>
                          {s().edit}
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </ScrollTable>
            )}
          </Show>
        </Show>
        <Show when={formKey() + 1} keyed>
          {(_key: number) => (
            <StaffForm
              s={s}
              person={editing()}
              teams={register()?.teams ?? []}
              roles={assignableRoles(me() ?? { role: 'caregiver' })}
              problems={problems()}
              busy={busy()}
              error={error()}
              onSubmit={(values) => void submit(values)}
              onCancel={cancelEditing}
            />
          )}
        </Show>
      </Show>
    </article>
  );
}
