// The scheduler's week: for the ISO week (Monday–Sunday) around `?dag`, the
// planned load of every caregiver per day against their working hours, the
// visits nobody is assigned to yet, and totals per day and per person, flagged
// where someone is over their hours or double-booked. Everything is read from
// the plan and exec docs on the device and follows them as they sync. From
// here the scheduler also creates the week's visits from the recipients' care
// plans; generating is idempotent and never overwrites or brings back what a
// scheduler changed or removed.
import { A, useSearchParams } from '@solidjs/router';
import { For, Show, createEffect, createMemo, createResource, createSignal, on, type Accessor, type JSX } from 'solid-js';
import {
  addDays,
  DateSchema,
  dayLoad,
  execDocName,
  followCarePlans,
  generateVisits,
  isoWeek,
  isoWeekday,
  localDate,
  planDocName,
  readBrukare,
  readTeamDay,
  sumLoads,
  syncWindow,
  visitsFromCarePlan,
  type Brukare,
  type DayLoad,
  type Load,
  type Visit,
} from '../../domain';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { useLazyStrings } from '../i18n/lazy-strings';
import { weekSv, type WeekStrings } from '../i18n/week.sv';
import { loadBrukareDocNames } from '../storage/brukare-doc-list';
import { loadTeamStaff, type TeamStaff } from '../storage/staff-repo';
import { createDocView } from '../sync/create-doc-view';
import { LOCAL } from '../sync/origins';
import { GrantedVsPlanned } from '../ui/GrantedVsPlanned';
import { PlanningNav } from '../ui/PlanningNav';

const DAYS_IN_WEEK = 7;

type GenerateResult =
  | { ok: true; added: number; days: number; recipients: number; unread: number }
  | { ok: false; error: 'no_recipients' | 'failed' };

export default function WeekPage(): JSX.Element {
  const app = useApp();
  const { locale } = useI18n();
  const w = useLazyStrings(weekSv, () => import('../i18n/week.en').then((m) => m.weekEn));
  const [params, setParams] = useSearchParams<{ dag?: string }>();
  const today = localDate(new Date());
  const range = syncWindow(today, 'scheduler');
  const inWindow = (d: string) => d >= range.from && d <= range.to;
  const date = () => (params.dag && DateSchema.safeParse(params.dag).success ? params.dag : today);
  const monday = () => addDays(date(), 1 - isoWeekday(date()));
  const days = createMemo(() => Array.from({ length: DAYS_IN_WEEK }, (_, i) => addDays(monday(), i)));
  const clamp = (d: string) => (d < range.from ? range.from : d > range.to ? range.to : d);
  // The same weekday one week away, kept inside the window (the day board gets the same day).
  const go = (weeks: number) => {
    const d = weeks === 0 ? today : clamp(addDays(date(), 7 * weeks));
    setParams({ dag: d === today ? undefined : d });
  };
  const teamId = () => app.session()?.user.teamIds[0] ?? '';

  const [staff] = createResource(teamId, (team) => {
    const s = app.session();
    return s ? loadTeamStaff(app.db, app.api, team) : Promise.resolve([] as TeamStaff);
  });
  const caregivers = createMemo(() => (staff() ?? []).filter((s) => s.role === 'caregiver'));

  // Only days inside the sync window are on the device; others are never opened.
  const loadedDates = createMemo(() => days().filter(inWindow), undefined, { equals: (a, b) => a.join() === b.join() });
  const names = createMemo(() => loadedDates().flatMap((d) => [planDocName(teamId(), d), execDocName(teamId(), d)]));
  const visitsByDate = createDocView(app.hub, names, (docs) => {
    const out = new Map<string, Visit[]>();
    loadedDates().forEach((d, i) => {
      const [planDoc, execDoc] = [docs[2 * i], docs[2 * i + 1]];
      if (planDoc && execDoc) out.set(d, readTeamDay(teamId(), d, planDoc, execDoc, () => undefined).visits);
    });
    return out;
  });
  const loads = createMemo(() => {
    const byDate = visitsByDate();
    if (!byDate || staff() === undefined) return undefined;
    // Right after a change of week the view still holds the previous week's
    // days until the new docs are open: show nothing rather than stale figures.
    const dates = loadedDates();
    if (!dates.every((d) => byDate.has(d))) return undefined;
    return new Map(dates.map((d) => [d, dayLoad(byDate.get(d) ?? [], caregivers())]));
  });
  const weekOf = (pick: (day: DayLoad) => Load) => sumLoads([...(loads()?.values() ?? [])].map(pick));

  const short = () => new Intl.DateTimeFormat(locale() === 'sv' ? 'sv-SE' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const long = () => new Intl.DateTimeFormat(locale() === 'sv' ? 'sv-SE' : 'en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const fmt = (f: Intl.DateTimeFormat, d: string) => {
    const text = f.format(new Date(`${d}T12:00:00Z`));
    return text.charAt(0).toUpperCase() + text.slice(1);
  };

  // --- Visits from care plans: today and the days ahead of this week that the device holds.
  const generationDates = () => loadedDates().filter((d) => d >= today);
  // Only while online and in sync: a visit generated here and, unseen, on another
  // device would be two concurrent Y.Maps at one key, and Yjs keeps only one of
  // them, with it possibly losing a scheduler's later change to the other.
  const synced = () => app.status.online() && app.status.docCount() > 0 && app.status.syncedDocs() >= app.status.docCount() - app.status.refusedDocs().length;
  const [generating, setGenerating] = createSignal(false);
  const [result, setResult] = createSignal<GenerateResult | null>(null);
  createEffect(on(monday, () => setResult(null), { defer: true }));
  const generate = async () => {
    const team = teamId();
    const dates = generationDates();
    setGenerating(true);
    setResult(null);
    try {
      // The team's recipients: the brukare docs the server lists for this device.
      const names = await loadBrukareDocNames(app.db);
      const recipients: Brukare[] = [];
      let unread = 0;
      for (const doc of await Promise.all(names.map((name) => app.hub.open(name)))) {
        const b = readBrukare(doc);
        if (!b.ok) unread += 1;
        else if (b.value.teamId === team) recipients.push(b.value);
      }
      if (recipients.length === 0) {
        setResult({ ok: false, error: 'no_recipients' });
        return;
      }
      let added = 0;
      for (const d of dates) {
        const planDoc = await app.hub.open(planDocName(team, d));
        // Days to come also follow the current care plans (a new version moves or re-staffs what was generated before).
        added += d > today
          ? followCarePlans(planDoc, new Map(recipients.map((b) => [b.id, visitsFromCarePlan(b, d)])), LOCAL).added.length
          : generateVisits(planDoc, recipients.flatMap((b) => visitsFromCarePlan(b, d)), LOCAL).length;
      }
      setResult({ ok: true, added, days: dates.length, recipients: recipients.length, unread });
    } catch (err) {
      app.reportError(err);
      setResult({ ok: false, error: 'failed' });
    } finally {
      setGenerating(false);
    }
  };
  const addedCount = () => {
    const r = result();
    return r?.ok ? String(r.added) : undefined;
  };
  const generateBlocked = () => (generationDates().length === 0 ? w().generate.past : !synced() ? w().generate.needsSync : null);

  return (
    <article aria-labelledby="week-title" class="week-page">
      <PlanningNav />
      <div class="day-nav week-nav">
        <button type="button" class="btn" disabled={addDays(monday(), -1) < range.from} onClick={() => go(-1)}>
          ‹ {w().previousWeek}
        </button>
        <div class="day-title">
          <h1 id="week-title">{w().title}</h1>
          <p class="day-date" data-testid="week-range" data-from={days()[0]} data-to={days()[DAYS_IN_WEEK - 1]} data-loaded={loads() !== undefined ? 'true' : 'false'}>
            {w().weekTitle(isoWeek(monday()), fmt(long(), monday()), fmt(long(), addDays(monday(), DAYS_IN_WEEK - 1)))}
          </p>
        </div>
        <button type="button" class="btn" disabled={addDays(monday(), DAYS_IN_WEEK) > range.to} onClick={() => go(1)}>
          {w().nextWeek} ›
        </button>
        <Show when={!days().includes(today)}>
          <button type="button" class="btn" onClick={() => go(0)}>
            {w().thisWeek}
          </button>
        </Show>
      </div>

      <Show when={loads()} fallback={<p class="note">{w().loading}</p>}>
        {(byDate) => (
          <div class="week-scroll" role="region" aria-labelledby="week-caption" tabindex="0">
            <table class="week-table" data-testid="week-table">
              <caption id="week-caption">{w().caption(isoWeek(monday()))}</caption>
              <thead>
                <tr>
                  <th scope="col">{w().staff}</th>
                  <For each={days()}>
                    {(d) => (
                      <th scope="col" data-date={d} classList={{ 'week-today': d === today }} aria-current={d === today ? 'date' : undefined}>
                        <Show when={inWindow(d)} fallback={<span class="week-day">{fmt(short(), d)}<span class="note week-off"> {w().notOnDevice}</span></span>}>
                          <A href={`/planering?dag=${d}`} end class="week-day-link" data-testid="week-day-link">
                            {fmt(short(), d)}
                            <Show when={d === today}> ({w().today})</Show>
                            <span class="week-sr-only">, {w().openDay}</span>
                          </A>
                        </Show>
                      </th>
                    )}
                  </For>
                  <th scope="col">{w().weekTotal}</th>
                </tr>
              </thead>
              <tbody>
                <For each={caregivers()}>
                  {(s) => (
                    <tr data-testid="week-row" data-staff-id={s.id}>
                      <th scope="row">
                        {s.name}
                        <Show when={s.workHours}>{(h) => <span class="note week-hours">{w().workHours(h().start, h().end)}</span>}</Show>
                      </th>
                      <For each={days()}>{(d) => <LoadCell w={w} date={d} today={today} cell={byDate().get(d)?.staff.get(s.id)} />}</For>
                      <TotalCell w={w} testId="week-staff-total" load={weekOf((day) => day.staff.get(s.id) ?? { visits: 0, minutes: 0 })} />
                    </tr>
                  )}
                </For>
                <tr data-testid="week-unassigned" class="week-unassigned">
                  <th scope="row">{w().unassigned}</th>
                  <For each={days()}>
                    {(d) => (
                      <LoadCell w={w} date={d} today={today} cell={byDate().get(d)?.unassigned}>
                        <Show when={(byDate().get(d)?.unassigned.needsMore ?? 0) > 0}>
                          <span class="week-flag warn">⚠ {w().needsMore(byDate().get(d)?.unassigned.needsMore ?? 0)}</span>
                        </Show>
                      </LoadCell>
                    )}
                  </For>
                  <TotalCell w={w} testId="week-unassigned-total" load={weekOf((day) => day.unassigned)} />
                </tr>
              </tbody>
              <tfoot>
                <tr data-testid="week-totals">
                  <th scope="row">{w().dayTotal}</th>
                  <For each={days()}>{(d) => <LoadCell w={w} date={d} today={today} cell={byDate().get(d)?.total} />}</For>
                  <TotalCell w={w} testId="week-total" load={weekOf((day) => day.total)} />
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </Show>
      <p class="note">{w().countingNote}</p>
      <p class="note">{w().windowNote}</p>

      <section aria-labelledby="generate-title" class="panel week-generate">
        <h2 id="generate-title">{w().generate.title}</h2>
        <p class="note" id="generate-hint">
          {w().generate.hint}
        </p>
        <Show when={generateBlocked()}>{(why) => <p class="warn" id="generate-blocked">{why()}</p>}</Show>
        <div class="actions">
          <button
            type="button"
            class="btn btn-primary"
            data-testid="generate-visits"
            aria-describedby={generateBlocked() ? 'generate-hint generate-blocked' : 'generate-hint'}
            disabled={generating() || generateBlocked() !== null}
            onClick={() => void generate()}
          >
            {generating() ? w().generate.working : w().generate.button}
          </button>
        </div>
        <div aria-live="polite" data-testid="generate-result" data-added={addedCount()}>
          <GenerateMessage w={w} result={result()} />
        </div>
      </section>
      <GrantedVsPlanned teamId={teamId()} visits={() => (visitsByDate() ? [...(visitsByDate()?.values() ?? [])].flat() : undefined)} strings={w} />
    </article>
  );
}

/** A person's, the unassigned or the whole team's week. */
function TotalCell(props: { w: Accessor<WeekStrings>; testId: string; load: Load }): JSX.Element {
  return (
    <td class="week-total" data-testid={props.testId} data-visits={String(props.load.visits)} data-minutes={String(props.load.minutes)}>
      <LoadText w={props.w} load={props.load} />
    </td>
  );
}

/** "6 besök · 5 h 10 min / 9 h", wrapping only between the count and the time. */
function LoadText(props: { w: Accessor<WeekStrings>; load: Load; capacity?: number | undefined }): JSX.Element {
  return (
    <span class="week-load">
      <span class="week-nowrap">{props.w().visits(props.load.visits)}</span> ·{' '}
      <span class="week-nowrap">
        {props.w().duration(props.load.minutes)}
        <Show when={props.capacity !== undefined}> / {props.w().duration(props.capacity ?? 0)}</Show>
      </span>
    </span>
  );
}

function LoadCell(props: {
  w: Accessor<WeekStrings>;
  date: string;
  today: string;
  cell: (Load & { capacity?: number | undefined; over?: boolean; doubleBooked?: boolean }) | undefined;
  children?: JSX.Element;
}): JSX.Element {
  const c = () => props.cell;
  return (
    <td
      data-date={props.date}
      data-visits={c() ? String(c()?.visits) : undefined}
      data-minutes={c() ? String(c()?.minutes) : undefined}
      data-over={c()?.over ? 'true' : undefined}
      data-double-booked={c()?.doubleBooked ? 'true' : undefined}
      classList={{ 'week-today': props.date === props.today, 'week-over': !!c()?.over || !!c()?.doubleBooked }}
    >
      <Show
        when={c()}
        fallback={
          <>
            <span aria-hidden="true">–</span>
            <span class="week-sr-only">{props.w().notOnDevice}</span>
          </>
        }
      >
        {(cell) => (
          <Show when={cell().visits > 0 || cell().capacity !== undefined} fallback={<span class="note">{props.w().noVisits}</span>}>
            <LoadText w={props.w} load={cell()} capacity={cell().capacity} />
          </Show>
        )}
      </Show>
      <Show when={c()?.over}>
        <span class="week-flag danger">⚠ {props.w().overHours}</span>
      </Show>
      <Show when={c()?.doubleBooked}>
        <span class="week-flag danger">⚠ {props.w().doubleBooked}</span>
      </Show>
      {props.children}
    </td>
  );
}

function GenerateMessage(props: { w: Accessor<WeekStrings>; result: GenerateResult | null }): JSX.Element {
  const g = () => props.w().generate;
  return (
    <Show when={props.result}>
      {(r) => {
        const res = r();
        if (!res.ok) return <p class="error">{res.error === 'no_recipients' ? g().noRecipients : g().failed}</p>;
        return (
          <p classList={{ ok: res.added > 0 }}>
            {res.added > 0 ? g().added(res.added, res.days) : g().none} {g().recipients(res.recipients)}
            <Show when={res.unread > 0}> {g().unread(res.unread)}</Show>
          </p>
        );
      }}
    </Show>
  );
}
