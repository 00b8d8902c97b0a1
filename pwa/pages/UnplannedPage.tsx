// Create an unplanned visit for a recipient of the team (for example after a
// safety-alarm call-out). It is stored in today's exec doc, which caregivers
// may write, and the scheduler sees it like any other visit.
import { useNavigate } from '@solidjs/router';
import { For, Show, createMemo, createSignal, type JSX } from 'solid-js';
import {
  createUnplannedVisit,
  execDocName,
  localDate,
  localTime,
  minutesOfDay,
  readBrukare,
  serviceActiveOn,
  timeOfMinutes,
  type Brukare,
  type PlannedInsats,
} from '../../domain';
import { useApp } from '../app-context';
import { useFieldStrings } from '../i18n/field';
import { loadBrukareDocNames } from '../storage/brukare-doc-list';
import { createDocView } from '../sync/create-doc-view';
import { LOCAL } from '../sync/origins';
import { ErrorText } from '../ui/ErrorText';

const DEFAULT_MINUTES = 30;

export default function UnplannedPage(): JSX.Element {
  const app = useApp();
  const f = useFieldStrings();
  const navigate = useNavigate();
  const [names, setNames] = createSignal<string[]>([]);
  loadBrukareDocNames(app.db)
    .then(setNames)
    .catch(app.reportError);
  const recipients = createDocView(app.hub, names, (docs) =>
    docs
      .map((d) => readBrukare(d))
      .flatMap((r) => (r.ok ? [r.value] : []))
      // A recipient whose service has ended gets no new visits.
      .filter((b) => serviceActiveOn(b, localDate(new Date())))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
  );
  const [brukareId, setBrukareId] = createSignal('');
  const chosen = createMemo<Brukare | undefined>(() => recipients()?.find((r) => r.id === brukareId()));
  const [insatser, setInsatser] = createSignal<string[]>([]);
  const [error, setError] = createSignal<string | null>(null);

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const u = app.session()?.user;
    const b = chosen();
    if (!u || !b) return setError(f().unplanned.choose);
    const picked: PlannedInsats[] = b.carePlan.filter((i) => insatser().includes(i.id)).map((i) => ({ id: i.id, type: i.type, title: i.title }));
    if (picked.length === 0) return setError(f().unplanned.needInsats);
    const now = new Date();
    const date = localDate(now);
    const start = minutesOfDay(localTime(now));
    const id = `u-${crypto.randomUUID()}`;
    const doc = await app.hub.open(execDocName(b.teamId, date));
    createUnplannedVisit(
      doc,
      {
        id,
        teamId: b.teamId,
        brukareId: b.id,
        date,
        plannedStart: timeOfMinutes(Math.min(start, 23 * 60 + 58)),
        plannedEnd: timeOfMinutes(Math.min(start + DEFAULT_MINUTES, 23 * 60 + 59)),
        requiredStaff: 1,
        assignedStaffIds: [u.id],
        insatser: picked,
      },
      LOCAL,
    );
    navigate(`/besok/${date}/${id}`);
  };

  return (
    <article aria-labelledby="unplanned-title">
      <h1 id="unplanned-title">{f().unplanned.title}</h1>
      <p>{f().unplanned.intro}</p>
      <form onSubmit={create} class="panel">
        <label for="recipient">{f().unplanned.recipient}</label>
        <select id="recipient" value={brukareId()} onChange={(e) => { setBrukareId(e.currentTarget.value); setInsatser([]); }}>
          <option value="">{f().unplanned.choose}</option>
          <For each={recipients() ?? []}>{(r) => <option value={r.id}>{r.name}</option>}</For>
        </select>
        <Show when={chosen()}>
          {(b) => (
            <fieldset>
              <legend>{f().unplanned.insatser}</legend>
              <For each={b().carePlan}>
                {(item) => (
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={insatser().includes(item.id)}
                      onChange={(e) => setInsatser(e.currentTarget.checked ? [...insatser(), item.id] : insatser().filter((x) => x !== item.id))}
                    />
                    <span>{item.title}</span>
                  </label>
                )}
              </For>
            </fieldset>
          )}
        </Show>
        <ErrorText message={error()} />
        <button type="submit" class="btn btn-primary">
          {f().unplanned.start}
        </button>
      </form>
    </article>
  );
}
