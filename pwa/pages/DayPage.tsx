// "Min dag" for caregivers (their own visits) and the team's day for
// schedulers (every visit, with who is assigned). One day at a time, any day
// of the synced window, in time order.
import { A, useSearchParams } from '@solidjs/router';
import { For, Show, createEffect, createMemo, createResource, lazy, type JSX } from 'solid-js';
import type * as Y from 'yjs';
import {
  addDays,
  brukareDocName,
  execDocName,
  localDate,
  planDocName,
  readBrukareSummary,
  readTeamDay,
  syncWindow,
  workersOf,
  DateSchema,
  type BrukareSummary,
  type Visit,
} from '../../domain';
import { useApp } from '../app-context';
import { weekdayDate, timeOf } from '../format';
import { useI18n } from '../i18n/i18n';
import { createDocView } from '../sync/create-doc-view';
import { DAY_VISIBLE_MARK } from '../marks';


const LoginPage = lazy(() => import('./LoginPage').then((m) => ({ default: m.LoginPage })));

export function DayPage(): JSX.Element {
  const app = useApp();
  const i18n = useI18n();
  const t = i18n.t;
  const [params, setParams] = useSearchParams<{ dag?: string }>();
  const today = localDate(new Date());
  const range = createMemo(() => syncWindow(today, app.session()?.user.role));
  const date = createMemo(() => {
    const wanted = params.dag;
    return wanted && DateSchema.safeParse(wanted).success ? wanted : today;
  });
  const user = () => app.session()?.user;
  const isCaregiver = () => user()?.role === 'caregiver';
  const teamIds = () => user()?.teamIds ?? [];

  const dayDocNames = createMemo(() => teamIds().flatMap((teamId) => [planDocName(teamId, date()), execDocName(teamId, date())]));
  const rawVisits = createDocView(app.hub, dayDocNames, (docs: Y.Doc[]) =>
    teamIds().flatMap((teamId, n) => {
      const plan = docs[n * 2];
      const exec = docs[n * 2 + 1];
      return plan && exec ? readTeamDay(teamId, date(), plan, exec, () => undefined).visits : [];
    }),
  );
  const visits = createMemo(() => {
    const all = rawVisits();
    if (!all) return undefined;
    const me = user()?.id;
    // A caregiver sees their own visits, and any visit they worked that was
    // meanwhile given to someone else, so that they can finish and document it.
    return isCaregiver() ? all.filter((v) => me !== undefined && (v.assignedStaffIds.includes(me) || workersOf(v).some((w) => w.staffId === me))) : all;
  });
  // Staff names for the team's day (schedulers); fetched when online, kept for offline.
  const [staff] = createResource(
    () => (isCaregiver() ? undefined : app.session()),
    // Loaded on demand: a caregiver's cold start does not need it.
    async (s) => {
      const { loadTeamStaff } = await import('../storage/staff-repo');
      const lists = await Promise.all(s.user.teamIds.map((team) => loadTeamStaff(app.db, app.api, team)));
      return new Map(lists.flat().map((x) => [x.id, x.name]));
    },
  );
  const brukareNames = createMemo(() => [...new Set((visits() ?? []).map((v) => brukareDocName(v.brukareId)))], undefined, {
    equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
  });
  const brukare = createDocView(app.hub, brukareNames, (docs) => {
    const map = new Map<string, BrukareSummary>();
    for (const doc of docs) {
      const b = readBrukareSummary(doc);
      if (b) map.set(b.id, { name: b.name, address: b.address });
    }
    return map;
  });

  // Marks the moment the day is on screen with names, for bench/cold-start.ts.
  createEffect(() => {
    const names = brukare();
    if (names && names.size > 0 && performance.getEntriesByName(DAY_VISIBLE_MARK).length === 0) {
      requestAnimationFrame(() => performance.mark(DAY_VISIBLE_MARK));
    }
  });

  const go = (d: string) => setParams({ dag: d === today ? undefined : d });
  const canGoBack = () => date() > range().from;
  const canGoForward = () => date() < range().to;

  return (
    <section aria-labelledby="day-title">
      <Show when={app.status.authExpired()}>
        <LoginPage relogin />
      </Show>
      <div class="day-nav">
        <button type="button" class="btn" disabled={!canGoBack()} onClick={() => go(addDays(date(), -1))} aria-label={t().day.previous}>
          <span aria-hidden="true">‹</span>
        </button>
        <div class="day-title">
          <h1 id="day-title">{isCaregiver() ? t().myDay : t().teamDay}</h1>
          <p class="day-date">{weekdayDate(date(), i18n.locale())}</p>
        </div>
        <button type="button" class="btn" disabled={!canGoForward()} onClick={() => go(addDays(date(), 1))} aria-label={t().day.next}>
          <span aria-hidden="true">›</span>
        </button>
        <Show when={date() !== today}>
          <button type="button" class="btn" onClick={() => go(today)}>
            {t().day.today}
          </button>
        </Show>
      </div>
      <Show when={isCaregiver() && date() === today}>
        <A href="/oplanerat" class="btn">
          {t().day.createUnplanned}
        </A>
      </Show>
      <Show when={visits()} fallback={<p>{t().day.loading}</p>}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="empty">{rawVisits()?.length === 0 ? t().day.notSynced : t().day.none}</p>}>
            <p class="count">{t().day.visits(list().length)}</p>
            <ol class="visit-list">
              <For each={list()}>{(visit) => <VisitCard visit={visit} brukare={brukare()?.get(visit.brukareId)} showStaff={!isCaregiver()} staffName={(id) => staff()?.get(id) ?? id} me={user()?.id} />}</For>
            </ol>
          </Show>
        )}
      </Show>
    </section>
  );
}

function VisitCard(props: { visit: Visit; brukare: BrukareSummary | undefined; showStaff: boolean; staffName: (id: string) => string; me: string | undefined }): JSX.Element {
  const { t } = useI18n();
  return (
    <li class={`visit-card status-${props.visit.status}`} data-testid="visit-card" data-visit-id={props.visit.id}>
      <A href={`/besok/${props.visit.date}/${props.visit.id}`} class="visit-link">
        <span class="visit-time">
          {props.visit.plannedStart}–{props.visit.plannedEnd}
        </span>
        <span class="visit-name">{props.brukare?.name ?? '…'}</span>
        <span class="visit-address">{props.brukare?.address ?? ''}</span>
        <span class="visit-tasks">
          {props.visit.insatser.map((i) => i.title).join(', ')}
          <Show when={props.visit.unplanned}> · {t().day.unplannedBadge}</Show>
        </span>
        <span class="visit-status" data-testid="visit-status">
          {t().status[props.visit.status]}
          <Show when={props.visit.checkIn}>{(c) => <> · {t().day.checkedIn(timeOf(c().at))}</>}</Show>
        </span>
        <Show when={!props.showStaff && props.me !== undefined && !props.visit.assignedStaffIds.includes(props.me)}>
          <span class="warn" data-testid="reassigned-away">
            {t().day.reassignedAway}
          </span>
        </Show>
        <Show when={!props.showStaff && props.visit.cancelled && props.visit.status !== 'cancelled'}>
          <span class="warn">{t().day.cancelledWhileWorking}</span>
        </Show>
        <Show when={props.showStaff}>
          <span class="visit-staff">
            {t().day.staff}: {props.visit.assignedStaffIds.length > 0 ? props.visit.assignedStaffIds.map(props.staffName).join(', ') : t().day.unassigned}
          </span>
        </Show>
      </A>
    </li>
  );
}
