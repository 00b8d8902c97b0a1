// The scheduler's planning board for one day: a lane per staff member on a
// time axis and a column of unassigned visits, the live state of the day, and
// the clashes between plan changes and work done in the field.
//
// Every change can be made with the menus and the keyboard (assign, reassign,
// second staff member, move, change length, cancel with a reason, mark missed,
// restore); dragging a card onto a lane and a time, or its handle to change
// its length, does the same thing and is never the only way. Planning checks
// are recomputed as the plan changes, locally or from another device.
import { A, useSearchParams } from '@solidjs/router';
import { For, Show, createEffect, createMemo, createResource, createSelector, createSignal, on, onCleanup, untrack, type Accessor, type JSX } from 'solid-js';
import type * as Y from 'yjs';
import {
  addDays,
  assignFirst,
  assignWorker,
  brukareDocName,
  cancelPlannedVisit,
  checkPlan,
  clashKey,
  competencesOn,
  DateSchema,
  deviationsDocName,
  execDocName,
  findClashes,
  LIVE_STATUSES,
  liveStatus,
  localDate,
  markPlannedVisitMissed,
  mergeTeamDay,
  messagesDocName,
  minutesOfDay,
  monthOf,
  planDocName,
  previousMonth,
  rankCandidates,
  readDayExecution,
  readDeviations,
  readHelpRequests,
  readPlannedVisits,
  readRecipientPlan,
  readResolutions,
  replaceInAssignment,
  resolveClash,
  restorePlannedVisit,
  syncWindow,
  timeOfMinutes,
  writePlannedVisit,
  type Clash,
  type ClashResolution,
  type DayExecution,
  type PlannedVisit,
  type PlanningIssue,
  type RecipientPlan,
  type Visit,
} from '../../domain';
import { useApp } from '../app-context';
import { timeOf, weekdayDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { useLazyStrings } from '../i18n/lazy-strings';
import { planningSv, type PlanningStrings } from '../i18n/planning.sv';
import { loadTeamStaff, type TeamStaff } from '../storage/staff-repo';
import { createDocView } from '../sync/create-doc-view';
import { LOCAL } from '../sync/origins';
import { ExpiringDelegations } from '../ui/ExpiringDelegations';
import { PlanningNav } from '../ui/PlanningNav';
import { CarePlanFlags } from '../ui/CarePlanFlags';

const DAY_START_MIN = 6 * 60;
const DAY_END_MIN = 23 * 60;
const PX_PER_MIN = 1.6;
const SNAP_MIN = 5;
/** How long the cards wait for their recipients' names before they are shown without them ("…"). */
const NAMES_WAIT_MS = 300;
const CANCEL_REASONS = ['recipient_cancelled', 'hospital', 'relatives', 'other'] as const;
type PlanFields = Partial<Pick<PlannedVisit, 'assignedStaffIds' | 'plannedStart' | 'plannedEnd'>>;

const snap = (minutes: number) => Math.round(minutes / SNAP_MIN) * SNAP_MIN;
const clampStart = (start: number, length: number) => Math.max(0, Math.min(start, 23 * 60 + 59 - length));

/**
 * Keeps the previous object for items that did not change (same key, same
 * content), so that a list re-renders only the items that changed.
 */
function stableList<T>(source: Accessor<readonly T[] | undefined>, keyOf: (item: T) => string): Accessor<T[]> {
  let previous = new Map<string, { json: string; item: T }>();
  return createMemo(() => {
    const next = new Map<string, { json: string; item: T }>();
    const out = (source() ?? []).map((item) => {
      const json = JSON.stringify(item);
      const key = keyOf(item);
      const old = previous.get(key);
      const entry = old && old.json === json ? old : { json, item };
      next.set(key, entry);
      return entry.item;
    });
    previous = next;
    return out;
  });
}

/** A clock for the live day: ticks every 30 s while the board is open. */
function createNow(): Accessor<Date> {
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), 30_000);
  onCleanup(() => clearInterval(timer));
  return now;
}

export default function BoardPage(): JSX.Element {
  const app = useApp();
  const { locale } = useI18n();
  const p = useLazyStrings(planningSv, () => import('../i18n/planning.en').then((m) => m.planningEn));
  const [params, setParams] = useSearchParams<{ dag?: string }>();
  const today = localDate(new Date());
  const range = syncWindow(today, 'scheduler');
  const date = () => (params.dag && DateSchema.safeParse(params.dag).success ? params.dag : today);
  const go = (d: string) => setParams({ dag: d === today ? undefined : d });
  const teamId = () => app.session()?.user.teamIds[0] ?? '';
  const me = () => app.session()?.user.id ?? '';
  const now = createNow();

  // The caregivers' queue (urgent help, new deviations): worked through in the inbox.
  const queueNames = createMemo(() => {
    const months = [monthOf(today), previousMonth(monthOf(today))];
    return months.flatMap((m) => [messagesDocName(teamId(), m), deviationsDocName(teamId(), m)]);
  });
  const queue = createDocView(app.hub, queueNames, (docs) => ({
    help: docs.filter((_, i) => i % 2 === 0).flatMap((d) => readHelpRequests(d)).filter((h) => !h.acknowledged).length,
    deviations: docs.filter((_, i) => i % 2 === 1).flatMap((d) => readDeviations(d)).filter((d) => (d.state?.state ?? 'new') === 'new').length,
  }));
  const [staff] = createResource(teamId, (team) => {
    const s = app.session();
    return s ? loadTeamStaff(app.db, app.api, team) : Promise.resolve([] as TeamStaff);
  });
  const caregivers = createMemo(() => (staff() ?? []).filter((s) => s.role === 'caregiver'));
  const nameOf = (staffId: string) => staff()?.find((s) => s.id === staffId)?.name ?? staffId;

  const names = createMemo(() => [planDocName(teamId(), date()), execDocName(teamId(), date())]);
  // Plan and exec are read apart: a change to one doc (a reassignment, a
  // check-in) does not read the other one again.
  let planRead: { doc: Y.Doc; planned: PlannedVisit[]; resolutions: Map<string, ClashResolution> } | undefined;
  let execRead: { doc: Y.Doc; execution: DayExecution } | undefined;
  const day = createDocView(app.hub, names, (docs, changed) => {
    const [planDoc, execDoc] = docs;
    if (!planDoc || !execDoc) return null;
    if (planRead?.doc !== planDoc || changed.has(planDoc)) planRead = { doc: planDoc, planned: readPlannedVisits(planDoc).items, resolutions: readResolutions(planDoc) };
    if (execRead?.doc !== execDoc || changed.has(execDoc)) execRead = { doc: execDoc, execution: readDayExecution(execDoc) };
    const visits = mergeTeamDay(teamId(), date(), planRead.planned, execRead.execution, () => undefined).visits;
    return { planDoc, execDoc, visits, resolutions: planRead.resolutions };
  });
  const visits = stableList(() => day()?.visits, (v) => v.id);
  const visitById = createMemo(() => new Map(visits().map((v) => [v.id, v])));
  const brukareNames = createMemo(() => [...new Set(visits().map((v) => brukareDocName(v.brukareId)))].sort(), undefined, {
    equals: (a, b) => a.join() === b.join(),
  });
  // Names and care plans only (not whole profiles), each doc read again only when it changed.
  const recipientOf = new WeakMap<Y.Doc, RecipientPlan | null>();
  const recipients = createDocView(app.hub, brukareNames, (docs, changed) => {
    const map = new Map<string, RecipientPlan>();
    for (const d of docs) {
      let r = recipientOf.get(d);
      if (r === undefined || changed.has(d)) {
        const read = readRecipientPlan(d);
        recipientOf.set(d, (r = read.ok ? read.value : null));
      }
      if (r) map.set(r.id, r);
    }
    return map;
  });
  const recipientName = (id: string) => recipients()?.get(id)?.name ?? '…';
  // The cards and their checks wait for the recipients' names and care plans
  // (at once when the docs are open already), so that each card is built
  // once, with its name, rather than with "…" and then again. Docs still
  // loading from storage may take a while: then the cards come without names
  // after NAMES_WAIT_MS, and the names follow.
  const [namesLate, setNamesLate] = createSignal(false);
  const ready = createMemo(() => recipients() !== undefined || namesLate());
  const waitingForNames = createMemo(() => day() !== undefined && !ready());
  createEffect(() => {
    if (!waitingForNames()) return;
    const timer = setTimeout(() => setNamesLate(true), NAMES_WAIT_MS);
    onCleanup(() => clearTimeout(timer));
  });

  const closed = (v: Visit) => v.status === 'cancelled' || v.status === 'missed';
  const active = createMemo(() => visits().filter((v) => !closed(v)));
  const issues = createMemo<PlanningIssue[]>(() =>
    ready()
      ? checkPlan(active(), {
          staff: (staff() ?? []).map((s) => ({ id: s.id, competences: competencesOn(s, date()), shift: s.workHours })),
          recipients: recipients() ?? new Map(),
        })
      : [],
  );
  const issuesByVisit = createMemo(() => {
    const map = new Map<string, PlanningIssue[]>();
    for (const issue of issues()) {
      for (const id of 'visitId' in issue ? [issue.visitId] : issue.visitIds) {
        const list = map.get(id);
        if (list) list.push(issue);
        else map.set(id, [issue]);
      }
    }
    return map;
  });
  const issuesOf = (visitId: string) => issuesByVisit().get(visitId) ?? [];
  const clashes = stableList<Clash>(() => {
    const schedulers = new Set((staff() ?? []).filter((s) => s.role !== 'caregiver').map((s) => s.id));
    return findClashes(visits(), new Set(day()?.resolutions.keys() ?? []), (id) => schedulers.has(id));
  }, clashKey);
  const clashedVisits = createMemo(() => new Set(clashes().map((c) => c.visitId)));
  // One pass per change or clock tick; cards look their status up.
  const liveById = createMemo(() => {
    const at = now();
    return new Map(visits().map((v) => [v.id, liveStatus(v, at)]));
  });
  const live = (v: Visit) => liveById().get(v.id) ?? liveStatus(v, now());
  const counts = createMemo(() => {
    const c = Object.fromEntries(LIVE_STATUSES.map((s) => [s, 0])) as Record<(typeof LIVE_STATUSES)[number], number>;
    for (const status of liveById().values()) c[status] += 1;
    return c;
  });
  // Lanes list visit ids (stable strings), so a card stays the same element
  // while its visit changes: focus stays put and only what changed re-renders.
  const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const laneIds = createMemo(() => {
    const byStaff = new Map<string, string[]>();
    for (const v of active()) {
      for (const s of new Set(v.assignedStaffIds)) {
        const lane = byStaff.get(s);
        if (lane) lane.push(v.id);
        else byStaff.set(s, [v.id]);
      }
    }
    return byStaff;
  });
  const laneOf = (staffId: string) => createMemo(() => (ready() ? (laneIds().get(staffId) ?? []) : []), [], { equals: sameIds });
  const unassigned = createMemo(() => active().filter((v) => v.assignedStaffIds.length === 0));
  const unassignedIds = createMemo(() => (ready() ? unassigned().map((v) => v.id) : []), [], { equals: sameIds });
  const [editingId, setEditingId] = createSignal<string | null>(null);
  const editing = editingId;
  // The editor is a modal dialog: focus moves into it, and back to the
  // visit's card when it closes (found by id: the card may have moved lanes).
  let openedFrom: HTMLElement | null = null;
  const setEditing = (id: string | null) => {
    const wasEditing = editingId();
    if (id !== null && wasEditing === null) openedFrom = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setEditingId(id);
    if (id === null && wasEditing !== null) {
      const from = openedFrom;
      openedFrom = null;
      queueMicrotask(() => {
        if (from?.isConnected) return from.focus();
        document.querySelector<HTMLElement>(`[data-visit-id="${CSS.escape(wasEditing)}"] .board-card-button`)?.focus();
      });
    }
  };

  // --- Writes: every one goes to the plan doc of this day, origin LOCAL (saved on the device first).
  const save = (visit: Visit, change: PlanFields) => {
    const d = day();
    if (!d || visit.unplanned) return;
    const { id, teamId: team, brukareId, date: day0, requiredStaff, insatser, assignedStaffIds, plannedStart, plannedEnd, cancelled, missed } = visit;
    writePlannedVisit(
      d.planDoc,
      { id, teamId: team, brukareId, date: day0, requiredStaff, insatser, assignedStaffIds, plannedStart, plannedEnd, ...(cancelled ? { cancelled } : {}), ...(missed ? { missed } : {}), ...change },
      LOCAL,
    );
  };
  const assign = (visitId: string, staffId: string) => {
    const v = visitById().get(visitId);
    if (v) save(v, { assignedStaffIds: assignFirst(v.assignedStaffIds, staffId) });
  };
  /** Moves a visit from one lane (`from`, '' = unassigned) to another (`to`, '' = unassigned) at a start time. */
  const moveTo = (visitId: string, from: string, to: string, startMin: number) => {
    const v = visitById().get(visitId);
    if (!v) return;
    const length = minutesOfDay(v.plannedEnd) - minutesOfDay(v.plannedStart);
    const start = clampStart(snap(startMin), length);
    save(v, { assignedStaffIds: replaceInAssignment(v.assignedStaffIds, from, to), plannedStart: timeOfMinutes(start), plannedEnd: timeOfMinutes(start + length) });
  };
  const resize = (v: Visit, length: number) => {
    const start = minutesOfDay(v.plannedStart);
    const len = Math.max(SNAP_MIN, Math.min(snap(length), 23 * 60 + 59 - start));
    save(v, { plannedEnd: timeOfMinutes(start + len) });
  };
  const stamp = () => ({ at: new Date().toISOString(), by: me() });
  const resolve = (clash: Clash, action: ClashResolution['action']) => {
    const d = day();
    if (d) resolveClash(d.planDoc, clashKey(clash), { action, ...stamp() }, LOCAL);
  };

  // --- Drag and drop (a shortcut for the menus): drop on a lane at a time.
  let grabOffsetPx = 0;
  let dragFromLane = '';
  const dropOn = (staffId: string) => (e: DragEvent) => {
    e.preventDefault();
    const id = e.dataTransfer?.getData('text/plain');
    if (!id) return;
    const timeline = (e.currentTarget as HTMLElement).querySelector('.timeline');
    if (timeline && staffId !== '') {
      const y = e.clientY - timeline.getBoundingClientRect().top - grabOffsetPx;
      moveTo(id, dragFromLane, staffId, DAY_START_MIN + y / PX_PER_MIN);
    } else {
      const v = visitById().get(id);
      if (v) moveTo(id, dragFromLane, staffId, minutesOfDay(v.plannedStart));
    }
  };

  const lastSignOff = (v: Visit) => v.signOffs?.[v.signOffs.length - 1];
  const isEditing = createSelector(editingId);
  /**
   * A visit's card, by visit id. It follows only its own entries of the day's
   * lookups (its visit, live status, warnings, clash), so a change re-renders
   * the cards it touches and no others. Its texts are whole strings, one text
   * node each, set in the card's one render effect: a board of 120 cards is
   * built on every visit to the page.
   */
  const Card = (props: { id: string; lane: string; positioned: boolean }): JSX.Element => {
    // A lane lists ids of the day's visits only, so the visit is there when
    // its card is made; when it goes, its lane removes the card in the same update.
    const first = untrack(() => visitById().get(props.id));
    if (!first) return null;
    let last = first;
    const visit = createMemo(() => (last = visitById().get(props.id) ?? last));
    const status = createMemo(() => live(visit()));
    const issueCount = createMemo(() => issuesByVisit().get(props.id)?.length ?? 0);
    const clashed = createMemo(() => clashedVisits().has(props.id));
    const start = () => minutesOfDay(visit().plannedStart);
    const length = () => minutesOfDay(visit().plannedEnd) - start();
    const [preview, setPreview] = createSignal<number | null>(null);
    const shownLength = () => preview() ?? length();
    const name = () => recipientName(visit().brukareId);
    // The card's occasional marks (second staff member, warnings, sign-off,
    // clash), made anew whenever one of them changes: most cards have none,
    // and this costs a card one computation rather than one per mark.
    const marks = createMemo(() => {
      const v = visit();
      const strings = p();
      const issues = issueCount();
      const signOff = lastSignOff(v);
      const staffText = ` · ${strings.staffCount(v.assignedStaffIds.length, v.requiredStaff)}`;
      const issuesText = `⚠ ${issues}`;
      const warnings = strings.warnings(issues);
      const signOffText = signOff ? ` · ${strings.signOff(signOff.outcome, signOff.mood, signOff.wantsToTalk)}` : '';
      const clashMark = strings.clashMark;
      return [
        v.requiredStaff > 1 && <span class="note">{staffText}</span>,
        issues > 0 && (
          <span class="warn">
            {' · '}
            <span aria-hidden="true">{issuesText}</span>
            <span class="sr-only">{warnings}</span>
          </span>
        ),
        signOff && (
          <span class="note" data-testid="board-sign-off" data-outcome={signOff.outcome} data-mood={signOff.mood ?? ''}>
            {signOffText}
          </span>
        ),
        clashed() && (
          <span class="danger">
            {' · '}
            <span aria-hidden="true">⚡</span>
            <span class="sr-only">{clashMark}</span>
          </span>
        ),
      ];
    });
    let dragFrom: { y: number; length: number } | null = null;
    return (
      <li
        class={`board-card live-${status()}${issueCount() > 0 ? ' has-issue' : ''}${clashed() ? ' has-clash' : ''}`}
        style={props.positioned ? `top: ${(start() - DAY_START_MIN) * PX_PER_MIN}px; height: ${Math.max(46, shownLength() * PX_PER_MIN)}px` : undefined}
        draggable={!visit().unplanned}
        onDragStart={(e) => {
          e.dataTransfer?.setData('text/plain', props.id);
          dragFromLane = props.lane;
          grabOffsetPx = e.clientY - e.currentTarget.getBoundingClientRect().top;
        }}
        data-testid="board-card"
        data-visit-id={props.id}
        data-live-status={status()}
      >
        <button
          type="button"
          class="board-card-button"
          aria-expanded={isEditing(props.id)}
          aria-haspopup="dialog"
          onClick={() => setEditing(editingId() === props.id ? null : props.id)}
        >
          <span class="visit-time" textContent={`${visit().plannedStart}–${visit().plannedEnd}`} />{' '}
          <span textContent={name()} />
          <span class="note" textContent={` · ${visit().insatser.map((i) => i.title).join(', ')}`} />
          <span class={`live-label live-${status()}`} textContent={` · ${p().liveStatus[status()]}`} />
          {marks()}
        </button>
        <Show when={props.positioned && !visit().unplanned}>
          <button
            type="button"
            class="resize-handle"
            aria-label={p().resizeLabel(name())}
            title={p().resizeLabel(name())}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                resize(visit(), length() + (e.key === 'ArrowDown' ? SNAP_MIN : -SNAP_MIN));
              }
            }}
            onPointerDown={(e) => {
              e.preventDefault();
              e.currentTarget.setPointerCapture(e.pointerId);
              dragFrom = { y: e.clientY, length: length() };
            }}
            onPointerMove={(e) => {
              if (dragFrom) setPreview(Math.max(SNAP_MIN, snap(dragFrom.length + (e.clientY - dragFrom.y) / PX_PER_MIN)));
            }}
            onPointerUp={() => {
              const next = preview();
              dragFrom = null;
              setPreview(null);
              if (next !== null && next !== length()) resize(visit(), next);
            }}
            onPointerCancel={() => {
              dragFrom = null;
              setPreview(null);
            }}
          >
            ↕
          </button>
        </Show>
      </li>
    );
  };

  return (
    <article aria-labelledby="board-title" class="board-page">
      <PlanningNav />
      <div class="day-nav">
        <button type="button" class="btn" disabled={date() <= range.from} onClick={() => go(addDays(date(), -1))} aria-label={p().previousDay}>
          ‹
        </button>
        <div class="day-title">
          <h1 id="board-title">{p().title}</h1>
          <p class="day-date">{weekdayDate(date(), locale())}</p>
        </div>
        <button type="button" class="btn" disabled={date() >= range.to} onClick={() => go(addDays(date(), 1))} aria-label={p().nextDay}>
          ›
        </button>
        <Show when={date() !== today}>
          <button type="button" class="btn" onClick={() => go(today)}>
            {p().today}
          </button>
        </Show>
      </div>
      <p class="note" data-testid="board-summary">
        {p().summary(active().length, unassigned().length, issues().length)}
      </p>
      <ExpiringDelegations staff={staff()} date={date()} />

      <section aria-labelledby="live-title" class="panel live-panel">
        <h2 id="live-title">{p().live.title}</h2>
        <ul class="live-counts" aria-live="polite">
          <For each={LIVE_STATUSES}>
            {(s) => (
              <li class={`live-count live-${s}`} data-testid={`live-${s}`} data-count={counts()[s]}>
                <strong>{counts()[s]}</strong> {p().live[s]}
              </li>
            )}
          </For>
        </ul>
        <p data-testid="board-queue">
          <A href="/meddelanden" class="btn" classList={{ 'btn-danger': (queue()?.help ?? 0) > 0 }}>
            {p().queue(queue()?.help ?? 0, queue()?.deviations ?? 0)}
          </A>
        </p>
      </section>

      <CarePlanFlags teamId={teamId()} today={today} />

      <section aria-labelledby="clash-title" class="panel clash-panel" classList={{ 'has-clash': clashes().length > 0 }}>
        <h2 id="clash-title">{p().clashes.title}</h2>
        <Show when={clashes().length > 0} fallback={<p class="note">{p().clashes.none}</p>}>
          <ul class="clash-list" role="list">
            <For each={clashes()}>
              {(c) => (
                <ClashItem
                  clash={c}
                  visit={visitById().get(c.visitId)}
                  p={p}
                  nameOf={nameOf}
                  recipientName={recipientName}
                  onOpen={() => setEditing(c.visitId)}
                  onAssignWorker={(v) => {
                    save(v, { assignedStaffIds: assignWorker(v, c.staffId) });
                    resolve(c, 'assigned_worker');
                  }}
                  onRestore={() => {
                    const d = day();
                    if (d) restorePlannedVisit(d.planDoc, c.visitId, LOCAL);
                    resolve(c, 'restored');
                  }}
                  onKeep={() => resolve(c, 'kept_plan')}
                />
              )}
            </For>
          </ul>
        </Show>
      </section>

      <Show when={editing()} keyed>
        {(id) => (
          <Show when={visitById().get(id)}>
            {(v) => (
              <Editor
                visit={v()}
                p={p}
                caregivers={caregivers()}
                issues={issuesOf(v().id)}
                recipient={recipients()?.get(v().brukareId)}
                sameDay={active()}
                teamId={teamId()}
                onSave={(change) => save(v(), change)}
                onAssign={(staffId) => assign(v().id, staffId)}
                onCancel={(reason) => {
                  const d = day();
                  if (d) cancelPlannedVisit(d.planDoc, v().id, { reason, ...stamp() }, LOCAL);
                }}
                onMissed={(reason) => {
                  const d = day();
                  if (d) markPlannedVisitMissed(d.planDoc, v().id, { reason, ...stamp() }, LOCAL);
                }}
                onRestore={() => {
                  const d = day();
                  if (d) restorePlannedVisit(d.planDoc, v().id, LOCAL);
                }}
                onClose={() => setEditing(null)}
                canMarkMissed={live(v()) === 'late' || live(v()) === 'missed'}
              />
            )}
          </Show>
        )}
      </Show>

      <p class="note">{p().moveHint}</p>
      <div class="board" style={{ '--lanes': String(caregivers().length + 1) }}>
        <section class="board-lane unassigned" aria-label={p().unassigned} data-testid="board-unassigned" onDragOver={(e) => e.preventDefault()} onDrop={dropOn('')}>
          <h2>{p().unassigned}</h2>
          <ul>
            <For each={unassignedIds()}>{(id) => <Card id={id} lane="" positioned={false} />}</For>
          </ul>
        </section>
        <For each={caregivers()}>
          {(s) => {
            const ids = laneOf(s.id);
            return (
            <section class="board-lane" aria-label={s.name} data-testid="board-lane" data-staff-id={s.id} onDragOver={(e) => e.preventDefault()} onDrop={dropOn(s.id)}>
              <h2>{s.name}</h2>
              <Show when={s.workHours}>{(h) => <p class="note lane-hours">{p().workHours(h().start, h().end)}</p>}</Show>
              <ul class="timeline" style={{ height: `${(DAY_END_MIN - DAY_START_MIN) * PX_PER_MIN}px` }}>
                <Show when={s.workHours}>
                  {(h) => (
                    <li
                      class="work-hours"
                      aria-hidden="true"
                      style={{
                        top: `${(minutesOfDay(h().start) - DAY_START_MIN) * PX_PER_MIN}px`,
                        height: `${(minutesOfDay(h().end) - minutesOfDay(h().start)) * PX_PER_MIN}px`,
                      }}
                    />
                  )}
                </Show>
                <For each={ids()}>{(id) => <Card id={id} lane={s.id} positioned />}</For>
              </ul>
            </section>
            );
          }}
        </For>
      </div>

      <Show when={visits().some(closed)}>
        <details class="panel">
          <summary>{p().cancelledList}</summary>
          <ul class="closed-list">
            <For each={visits().filter(closed)}>
              {(v) => (
                <li data-testid="closed-visit" data-visit-id={v.id}>
                  {v.plannedStart}–{v.plannedEnd} {recipientName(v.brukareId)} · {p().liveStatus[live(v)]}
                  <Show when={v.statusReason}> · {v.statusReason}</Show>{' '}
                  <Show when={v.cancelled || v.missed}>
                    <button
                      type="button"
                      class="btn"
                      onClick={() => {
                        const d = day();
                        if (d) restorePlannedVisit(d.planDoc, v.id, LOCAL);
                      }}
                    >
                      {p().restore}
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
    </article>
  );
}

function ClashItem(props: {
  clash: Clash;
  visit: Visit | undefined;
  p: Accessor<PlanningStrings>;
  nameOf: (id: string) => string;
  recipientName: (id: string) => string;
  onOpen(): void;
  onAssignWorker(v: Visit): void;
  onRestore(): void;
  onKeep(): void;
}): JSX.Element {
  const c = () => props.clash;
  const text = () => props.p().clashes[c().kind](props.nameOf(c().staffId), timeOf(c().at));
  return (
    <li class="clash" data-testid="clash" data-visit-id={c().visitId} data-kind={c().kind} data-staff-id={c().staffId}>
      <p>
        <strong>
          {props.visit ? `${props.visit.plannedStart}–${props.visit.plannedEnd} ${props.recipientName(props.visit.brukareId)}` : c().visitId}
        </strong>
        : {text()}
        <Show when={c().reason}>{(r) => <> {props.p().clashes.reason(r())}</>}</Show>
      </p>
      <div class="actions">
        <Show when={c().kind === 'worked_unassigned' && props.visit}>
          {(v) => (
            <button type="button" class="btn btn-primary" onClick={() => props.onAssignWorker(v())}>
              {props.p().clashes.assignWorker(props.nameOf(c().staffId))}
            </button>
          )}
        </Show>
        <Show when={c().kind !== 'worked_unassigned'}>
          <button type="button" class="btn btn-primary" onClick={() => props.onRestore()}>
            {props.p().clashes.restore}
          </button>
        </Show>
        <button type="button" class="btn" onClick={() => props.onKeep()}>
          {props.p().clashes.keepPlan}
        </button>
        <button type="button" class="btn btn-quiet" onClick={() => props.onOpen()}>
          {props.p().edit}
        </button>
      </div>
    </li>
  );
}

function Editor(props: {
  visit: Visit;
  p: Accessor<PlanningStrings>;
  caregivers: TeamStaff;
  issues: PlanningIssue[];
  recipient: RecipientPlan | undefined;
  sameDay: Visit[];
  teamId: string;
  onSave(change: PlanFields): void;
  onAssign(staffId: string): void;
  onCancel(reason: string): void;
  onMissed(reason: string): void;
  onRestore(): void;
  onClose(): void;
  canMarkMissed: boolean;
}): JSX.Element {
  const app = useApp();
  const v = () => props.visit;
  const p = props.p;
  const [start, setStart] = createSignal(v().plannedStart);
  const [length, setLength] = createSignal(minutesOfDay(v().plannedEnd) - minutesOfDay(v().plannedStart));
  const [reasonKind, setReasonKind] = createSignal<(typeof CANCEL_REASONS)[number]>('recipient_cancelled');
  const [reasonText, setReasonText] = createSignal('');
  const [missedReason, setMissedReason] = createSignal('');
  // The time fields follow the plan when it changes elsewhere (a drag, another scheduler).
  createEffect(
    on(
      () => [v().plannedStart, v().plannedEnd] as const,
      ([s, e]) => {
        setStart(s);
        setLength(minutesOfDay(e) - minutesOfDay(s));
      },
      { defer: true },
    ),
  );
  const cancelReason = () => (reasonKind() === 'other' ? reasonText().trim() : p().cancelReasons[reasonKind()]);

  // Candidates: who met this recipient in the 14 days before, who has the
  // competences the visit's insatser need, who is free at that time.
  const historyNames = createMemo(
    () => {
      const out: string[] = [];
      for (let d = 14; d >= 1; d--) out.push(planDocName(props.teamId, addDays(v().date, -d)));
      return out;
    },
    undefined,
    { equals: (a, b) => a.join() === b.join() },
  );
  const history = createDocView(app.hub, historyNames, (docs: Y.Doc[]) => docs.flatMap((d) => readPlannedVisits(d).items.filter((x) => !x.cancelled && !x.missed)));
  const required = () => {
    const plan = props.recipient?.carePlan ?? [];
    return [...new Set(v().insatser.flatMap((i) => plan.find((item) => item.id === i.id)?.requires ?? []))];
  };
  const candidates = stableList(
    () =>
      rankCandidates(
        v(),
        props.caregivers.map((s) => ({ id: s.id, competences: competencesOn(s, v().date) })),
        required(),
        history() ?? [],
        props.sameDay,
      ),
    (c) => c.staffId,
  );
  const name = (id: string) => props.caregivers.find((s) => s.id === id)?.name ?? id;
  const id = (what: string) => `${what}-${v().id}`;
  return (
    // A modal dialog: the board behind it is inert, so focus cannot get lost
    // under it; Escape closes it (the browser's "cancel", then "close").
    <dialog
      class="panel board-editor"
      id="board-editor"
      aria-labelledby={id('editor-title')}
      data-testid="board-editor"
      ref={(el) =>
        queueMicrotask(() => {
          if (!el.open) el.showModal();
          el.querySelector<HTMLElement>('h2')?.focus();
        })
      }
      onClose={() => props.onClose()}
    >
      <h2 id={id('editor-title')} tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
        {props.recipient?.name ?? '…'} {v().plannedStart}–{v().plannedEnd}
      </h2>
      <div role="status">
        <For each={props.issues}>{(issue) => <p class="warn">{p().issues[issue.kind]}</p>}</For>
      </div>
      <label for={id('assign')}>{p().assign}</label>
      {/* Options carry `selected`: the list re-sorts as the history loads, and a select's value would not follow. */}
      <select id={id('assign')} data-testid="assign-select" onChange={(e) => props.onAssign(e.currentTarget.value)}>
        <option value="" selected={v().assignedStaffIds.length === 0}>
          {p().unassigned}
        </option>
        <For each={candidates()}>
          {(c) => (
            <option value={c.staffId} selected={v().assignedStaffIds[0] === c.staffId}>
              {name(c.staffId)}
            </option>
          )}
        </For>
      </select>
      <label for={id('second')}>{p().second}</label>
      <select
        id={id('second')}
        disabled={v().assignedStaffIds.length === 0}
        onChange={(e) => {
          const first = v().assignedStaffIds[0];
          if (first) props.onSave({ assignedStaffIds: e.currentTarget.value ? [first, e.currentTarget.value] : [first] });
        }}
      >
        <option value="" selected={v().assignedStaffIds[1] === undefined}>
          {p().none}
        </option>
        <For each={candidates().filter((c) => c.staffId !== v().assignedStaffIds[0])}>
          {(c) => (
            <option value={c.staffId} selected={v().assignedStaffIds[1] === c.staffId}>
              {name(c.staffId)}
            </option>
          )}
        </For>
      </select>
      <h3>{p().candidates}</h3>
      <ol class="candidates" data-testid="candidates">
        <For each={candidates().slice(0, 5)}>
          {(c) => (
            <li data-staff-id={c.staffId}>
              <span>{p().candidate(name(c.staffId), c.metBefore, c.hasCompetence, c.free)}</span>{' '}
              <button type="button" class="btn" disabled={v().assignedStaffIds[0] === c.staffId} onClick={() => props.onAssign(c.staffId)} aria-label={`${p().choose}: ${name(c.staffId)}`}>
                {p().choose}
              </button>
            </li>
          )}
        </For>
      </ol>
      <div class="field-row">
        <div>
          <label for={id('start')}>{p().start}</label>
          <input id={id('start')} type="time" value={start()} onInput={(e) => setStart(e.currentTarget.value)} />
        </div>
        <div>
          <label for={id('length')}>{p().length}</label>
          <input id={id('length')} type="number" min="5" max="480" step="5" value={length()} onInput={(e) => setLength(Number(e.currentTarget.value))} />
        </div>
      </div>
      <div class="actions">
        <button
          type="button"
          class="btn btn-primary"
          onClick={() => {
            const from = minutesOfDay(start());
            const len = Math.max(SNAP_MIN, Math.min(length(), 480));
            if (Number.isFinite(from)) {
              const s = clampStart(from, len);
              props.onSave({ plannedStart: timeOfMinutes(s), plannedEnd: timeOfMinutes(s + len) });
            }
          }}
        >
          {p().saveTime}
        </button>
      </div>
      <Show
        when={!v().cancelled && !v().missed}
        fallback={
          <button type="button" class="btn" id={id('restore')} onClick={() => props.onRestore()}>
            {p().restore}
          </button>
        }
      >
        <fieldset>
          <legend>{p().cancelReason}</legend>
          <For each={CANCEL_REASONS}>
            {(r) => (
              <label class="choice">
                <input type="radio" name={id('reason')} value={r} checked={reasonKind() === r} onChange={() => setReasonKind(r)} /> {p().cancelReasons[r]}
              </label>
            )}
          </For>
          <Show when={reasonKind() === 'other'}>
            <label for={id('reason-text')}>{p().cancelOther}</label>
            <input id={id('reason-text')} maxLength={500} value={reasonText()} onInput={(e) => setReasonText(e.currentTarget.value)} />
          </Show>
          <button
            type="button"
            class="btn"
            disabled={cancelReason() === ''}
            onClick={() => {
              props.onCancel(cancelReason());
              // The cancel form gives way to "restore": keep focus in the dialog.
              queueMicrotask(() => document.getElementById(id('restore'))?.focus());
            }}
          >
            {p().cancel}
          </button>
        </fieldset>
        <Show when={props.canMarkMissed}>
          <label for={id('missed')}>{p().missedReason}</label>
          <input id={id('missed')} maxLength={500} value={missedReason()} onInput={(e) => setMissedReason(e.currentTarget.value)} />
          <button type="button" class="btn" disabled={missedReason().trim() === ''} onClick={() => props.onMissed(missedReason().trim())}>
            {p().markMissed}
          </button>
        </Show>
      </Show>
      <div class="actions">
        <button type="button" class="btn btn-quiet" onClick={() => props.onClose()}>
          {p().close}
        </button>
      </div>
    </dialog>
  );
}
