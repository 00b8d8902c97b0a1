// The scheduler's planning board for one day: a lane per staff member on a
// time axis and a column of unassigned visits. Every change can be made with a
// menu and the keyboard (assign, reassign, second staff member, move, change
// length, cancel with a reason); dragging a card onto a lane is the same
// assignment, never the only way. Planning checks are shown as the plan changes.
import { useSearchParams } from '@solidjs/router';
import { For, Show, createMemo, createResource, createSignal, type JSX } from 'solid-js';
import {
  DateSchema,
  applyVisitEvent,
  brukareDocName,
  checkPlan,
  execDocName,
  localDate,
  minutesOfDay,
  planDocName,
  readBrukare,
  readTeamDay,
  timeOfMinutes,
  writePlannedVisit,
  type Brukare,
  type PlanningIssue,
  type Visit,
} from '../../domain';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { useLazyStrings } from '../i18n/lazy-strings';
import { planningSv } from '../i18n/planning.sv';
import { loadTeamStaff } from '../storage/staff-repo';
import { createDocView } from '../sync/create-doc-view';
import { LOCAL } from '../sync/origins';

const DAY_START_MIN = 6 * 60;
const PX_PER_MIN = 1.1;

export default function BoardPage(): JSX.Element {
  const app = useApp();
  const { t } = useI18n();
  const p = useLazyStrings(planningSv, () => import('../i18n/planning.en').then((m) => m.planningEn));
  const [params] = useSearchParams<{ dag?: string }>();
  const date = () => (params.dag && DateSchema.safeParse(params.dag).success ? params.dag : localDate(new Date()));
  const teamId = () => app.session()?.user.teamIds[0] ?? '';
  const [staff] = createResource(teamId, (team) => {
    const s = app.session();
    return s ? loadTeamStaff(app.db, app.origin, s.token, team) : Promise.resolve([]);
  });
  const caregivers = createMemo(() => (staff() ?? []).filter((s) => s.role === 'caregiver'));
  const names = createMemo(() => [planDocName(teamId(), date()), execDocName(teamId(), date())]);
  const day = createDocView(app.hub, names, (docs) => {
    const [planDoc, execDoc] = docs;
    return planDoc && execDoc ? { planDoc, execDoc, visits: readTeamDay(teamId(), date(), planDoc, execDoc, () => undefined).visits } : null;
  });
  const brukareNames = createMemo(() => [...new Set((day()?.visits ?? []).map((v) => brukareDocName(v.brukareId)))].sort(), undefined, {
    equals: (a, b) => a.join() === b.join(),
  });
  const recipients = createDocView(app.hub, brukareNames, (docs) => {
    const map = new Map<string, Brukare>();
    for (const d of docs) {
      const b = readBrukare(d);
      if (b.ok) map.set(b.value.id, b.value);
    }
    return map;
  });
  const active = createMemo(() => (day()?.visits ?? []).filter((v) => v.status !== 'cancelled'));
  const issues = createMemo<PlanningIssue[]>(() =>
    checkPlan(active(), { staff: (staff() ?? []).map((s) => ({ id: s.id, competences: s.competences })), recipients: recipients() ?? new Map() }),
  );
  const issuesOf = (visitId: string) => issues().filter((i) => ('visitId' in i ? i.visitId === visitId : i.visitIds.includes(visitId)));
  const nameOf = (staffId: string) => staff()?.find((s) => s.id === staffId)?.name ?? staffId;
  const [editing, setEditing] = createSignal<string | null>(null);

  const save = (visit: Visit, change: Partial<Pick<Visit, 'assignedStaffIds' | 'plannedStart' | 'plannedEnd'>>) => {
    const d = day();
    if (!d || visit.unplanned) return;
    const { id, teamId: team, brukareId, date: day0, requiredStaff, insatser } = visit;
    writePlannedVisit(
      d.planDoc,
      { id, teamId: team, brukareId, date: day0, requiredStaff, insatser, assignedStaffIds: visit.assignedStaffIds, plannedStart: visit.plannedStart, plannedEnd: visit.plannedEnd, ...change },
      LOCAL,
    );
  };
  const assign = (visitId: string, staffId: string) => {
    const v = day()?.visits.find((x) => x.id === visitId);
    if (v) save(v, { assignedStaffIds: staffId ? [staffId, ...v.assignedStaffIds.slice(1).filter((s) => s !== staffId)] : v.assignedStaffIds.slice(1) });
  };

  const lane = (staffId: string) => active().filter((v) => v.assignedStaffIds.includes(staffId));
  const unassigned = () => active().filter((v) => v.assignedStaffIds.length === 0);

  const Card = (props: { visit: Visit; positioned: boolean }) => {
    const top = () => (minutesOfDay(props.visit.plannedStart) - DAY_START_MIN) * PX_PER_MIN;
    const height = () => Math.max(44, (minutesOfDay(props.visit.plannedEnd) - minutesOfDay(props.visit.plannedStart)) * PX_PER_MIN);
    return (
      <li
        class={`board-card status-${props.visit.status}`}
        classList={{ 'has-issue': issuesOf(props.visit.id).length > 0 }}
        style={props.positioned ? { position: 'absolute', top: `${top()}px`, 'min-height': `${height()}px`, left: '0', right: '0' } : {}}
        draggable={!props.visit.unplanned}
        onDragStart={(e) => e.dataTransfer?.setData('text/plain', props.visit.id)}
        data-testid="board-card"
        data-visit-id={props.visit.id}
      >
        <button type="button" class="board-card-button" aria-expanded={editing() === props.visit.id} onClick={() => setEditing(editing() === props.visit.id ? null : props.visit.id)}>
          <span class="visit-time">
            {props.visit.plannedStart}–{props.visit.plannedEnd}
          </span>{' '}
          <span>{recipients()?.get(props.visit.brukareId)?.name ?? '…'}</span>
          <span class="note"> · {props.visit.insatser.map((i) => i.title).join(', ')}</span>
          <Show when={props.visit.requiredStaff > 1}>
            <span class="note"> · {p().staffCount(props.visit.assignedStaffIds.length, props.visit.requiredStaff)}</span>
          </Show>
          <Show when={issuesOf(props.visit.id).length > 0}>
            <span class="warn"> · ⚠ {issuesOf(props.visit.id).length}</span>
          </Show>
        </button>
      </li>
    );
  };

  const Editor = (props: { visit: Visit }) => {
    const [start, setStart] = createSignal(props.visit.plannedStart);
    const [length, setLength] = createSignal(minutesOfDay(props.visit.plannedEnd) - minutesOfDay(props.visit.plannedStart));
    const [reason, setReason] = createSignal('');
    return (
      <section class="panel" aria-label={p().edit}>
        <h3>
          {recipients()?.get(props.visit.brukareId)?.name} {props.visit.plannedStart}–{props.visit.plannedEnd}
        </h3>
        <For each={issuesOf(props.visit.id)}>{(issue) => <p class="warn">{p().issues[issue.kind]}</p>}</For>
        <label for={`assign-${props.visit.id}`}>{p().assign}</label>
        <select id={`assign-${props.visit.id}`} data-testid="assign-select" value={props.visit.assignedStaffIds[0] ?? ''} onChange={(e) => assign(props.visit.id, e.currentTarget.value)}>
          <option value="">{t().day.unassigned}</option>
          <For each={caregivers()}>{(s) => <option value={s.id}>{s.name}</option>}</For>
        </select>
        <label for={`second-${props.visit.id}`}>{p().second}</label>
        <select
          id={`second-${props.visit.id}`}
          value={props.visit.assignedStaffIds[1] ?? ''}
          onChange={(e) => {
            const first = props.visit.assignedStaffIds[0];
            if (first) save(props.visit, { assignedStaffIds: e.currentTarget.value ? [first, e.currentTarget.value] : [first] });
          }}
        >
          <option value="">{p().none}</option>
          <For each={caregivers().filter((s) => s.id !== props.visit.assignedStaffIds[0])}>{(s) => <option value={s.id}>{s.name}</option>}</For>
        </select>
        <label for={`start-${props.visit.id}`}>{p().start}</label>
        <input id={`start-${props.visit.id}`} type="time" value={start()} onInput={(e) => setStart(e.currentTarget.value)} />
        <label for={`length-${props.visit.id}`}>{p().length}</label>
        <input id={`length-${props.visit.id}`} type="number" min="5" max="480" step="5" value={length()} onInput={(e) => setLength(Number(e.currentTarget.value))} />
        <div class="actions">
          <button
            type="button"
            class="btn btn-primary"
            onClick={() => {
              const from = minutesOfDay(start());
              if (Number.isFinite(from) && length() >= 5) save(props.visit, { plannedStart: timeOfMinutes(from), plannedEnd: timeOfMinutes(Math.min(from + length(), 23 * 60 + 59)) });
            }}
          >
            {p().saveTime}
          </button>
        </div>
        <label for={`reason-${props.visit.id}`}>{p().cancelReason}</label>
        <input id={`reason-${props.visit.id}`} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        <button
          type="button"
          class="btn"
          disabled={reason().trim() === ''}
          onClick={() => {
            const d = day();
            const me = app.session()?.user.id;
            if (d && me) applyVisitEvent(d.execDoc, props.visit.id, { type: 'cancel', reason: reason().trim() }, { at: new Date().toISOString(), staffId: me }, LOCAL);
          }}
        >
          {p().cancel}
        </button>
      </section>
    );
  };

  const dropOn = (staffId: string) => (e: DragEvent) => {
    e.preventDefault();
    const id = e.dataTransfer?.getData('text/plain');
    if (id) assign(id, staffId);
  };

  return (
    <article aria-labelledby="board-title">
      <h1 id="board-title">{p().title}</h1>
      <p class="note">
        {date()} · {p().summary(active().length, unassigned().length, issues().length)}
      </p>
      <Show when={editing()}>{(id) => <Show when={day()?.visits.find((v) => v.id === id())}>{(v) => <Editor visit={v()} />}</Show>}</Show>
      <div class="board" style={{ '--lanes': String(caregivers().length + 1) }}>
        <section class="board-lane unassigned" aria-label={t().day.unassigned} onDragOver={(e) => e.preventDefault()} onDrop={dropOn('')}>
          <h2>{t().day.unassigned}</h2>
          <ul>
            <For each={unassigned()}>{(v) => <Card visit={v} positioned={false} />}</For>
          </ul>
        </section>
        <For each={caregivers()}>
          {(s) => (
            <section class="board-lane" aria-label={s.name} data-testid="board-lane" data-staff-id={s.id} onDragOver={(e) => e.preventDefault()} onDrop={dropOn(s.id)}>
              <h2>{s.name}</h2>
              <ul class="timeline" style={{ height: `${(23 * 60 - DAY_START_MIN) * PX_PER_MIN}px` }}>
                <For each={lane(s.id)}>{(v) => <Card visit={v} positioned />}</For>
              </ul>
            </section>
          )}
        </For>
      </div>
    </article>
  );
}
