// The scheduler's follow-up ("Uppföljning"): planned vs delivered time per
// staff member and per recipient for a day or an ISO week, the visits that
// differ from the plan, the time-report CSV (made on the device, the same
// bytes as GET /api/teams/<team>/delivered.csv), and staff continuity over the
// 14 days ending at the chosen day. Everything is derived from the plan and
// exec docs on the device (nothing is typed twice), so it works offline.
import { useSearchParams } from '@solidjs/router';
import { Show, createEffect, createMemo, createResource, createSignal, on, type JSX } from 'solid-js';
import {
  CONTINUITY_PERIOD_DAYS,
  DateSchema,
  TIME_DIFF_THRESHOLD_MIN,
  addDays,
  brukareDocName,
  continuityReport,
  deliveredCsv,
  differingVisits,
  execDocName,
  isoWeek,
  isoWeekday,
  localDate,
  minutesPerDay,
  minutesPerRecipient,
  minutesPerStaff,
  minutesTotal,
  signOffReport,
  planDocName,
  readBrukare,
  readTeamDay,
  syncWindow,
  type Brukare,
  type MinuteTotals,
  type TeamDay,
} from '../../domain';
import { useApp } from '../app-context';
import { weekdayDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { useLazyStrings } from '../i18n/lazy-strings';
import { reportsSv } from '../i18n/reports.sv';
import { loadTeamStaff, type TeamStaff } from '../storage/staff-repo';
import { createDocView } from '../sync/create-doc-view';
import { ContinuityTable } from '../ui/ContinuityTable';
import { DifferencesTable } from '../ui/DifferencesTable';
import { MinutesTable, type MinutesRow } from '../ui/MinutesTable';
import { PlanningNav } from '../ui/PlanningNav';
import { SignOffSummary } from '../ui/SignOffSummary';

type Period = 'dag' | 'vecka';

const sameList = (a: readonly string[], b: readonly string[]) => a.join() === b.join();

export default function ReportsPage(): JSX.Element {
  const app = useApp();
  const { locale } = useI18n();
  const r = useLazyStrings(reportsSv, () => import('../i18n/reports.en').then((m) => m.reportsEn));
  const [params, setParams] = useSearchParams<{ dag?: string; period?: string }>();
  const today = localDate(new Date());
  const range = syncWindow(today, 'scheduler');
  const date = () => (params.dag && DateSchema.safeParse(params.dag).success ? params.dag : today);
  const period = (): Period => (params.period === 'dag' ? 'dag' : 'vecka');
  const go = (d: string) => setParams({ dag: d === today ? undefined : d });
  const setPeriod = (p: Period) => setParams({ period: p === 'vecka' ? undefined : p });
  const teamId = () => app.session()?.user.teamIds[0] ?? '';
  const tag = () => (locale() === 'sv' ? 'sv-SE' : 'en-GB');

  // --- Which days: the period (a day or Monday–Sunday) and the 14 days of continuity.
  const periodDates = createMemo(
    () => {
      if (period() === 'dag') return [date()];
      const monday = addDays(date(), 1 - isoWeekday(date()));
      return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
    },
    undefined,
    { equals: sameList },
  );
  const from = () => periodDates()[0] ?? date();
  const to = () => periodDates()[periodDates().length - 1] ?? date();
  const continuityDates = createMemo(() => Array.from({ length: CONTINUITY_PERIOD_DAYS }, (_, i) => addDays(date(), i + 1 - CONTINUITY_PERIOD_DAYS)), undefined, { equals: sameList });
  const allDates = createMemo(() => [...new Set([...periodDates(), ...continuityDates()])].sort(), undefined, { equals: sameList });
  const names = createMemo(() => (teamId() ? allDates().flatMap((d) => [planDocName(teamId(), d), execDocName(teamId(), d)]) : []), undefined, { equals: sameList });
  const days = createDocView(app.hub, names, (docs) => {
    const out = new Map<string, TeamDay>();
    allDates().forEach((d, i) => {
      const planDoc = docs[2 * i];
      const execDoc = docs[2 * i + 1];
      if (planDoc && execDoc) out.set(d, readTeamDay(teamId(), d, planDoc, execDoc, () => undefined));
    });
    return out;
  });
  const daysOf = (dates: readonly string[]) => {
    const map = days();
    // Right after a change of period the view still holds the previous days: loading, not partial figures.
    if (!map || dates.some((d) => !map.has(d))) return undefined;
    return dates.map((d) => map.get(d)).filter((d): d is TeamDay => d !== undefined);
  };
  const periodDays = createMemo(() => daysOf(periodDates()));

  // --- Names: staff from the team list (kept for offline), recipients from their docs.
  const [staff] = createResource(teamId, (team) => {
    const s = app.session();
    return s ? loadTeamStaff(app.db, app.api, team) : Promise.resolve([] as TeamStaff);
  });
  const staffName = (id: string) => (id === '' ? r().unassigned : (staff()?.find((s) => s.id === id)?.name ?? id));
  const brukareNames = createMemo(() => [...new Set([...(days()?.values() ?? [])].flatMap((d) => d.visits.map((v) => brukareDocName(v.brukareId))))].sort(), undefined, {
    equals: sameList,
  });
  const recipients = createDocView(app.hub, brukareNames, (docs) => {
    const map = new Map<string, Brukare>();
    for (const d of docs) {
      const b = readBrukare(d);
      if (b.ok) map.set(b.value.id, b.value);
    }
    return map;
  });
  const recipientName = (id: string) => recipients()?.get(id)?.name ?? r().unknownRecipient;

  // --- Formatting.
  const num = (n: number) => new Intl.NumberFormat(tag()).format(n);
  const signed = (n: number) => new Intl.NumberFormat(tag(), { signDisplay: 'exceptZero' }).format(n);
  const decimal = (n: number) => new Intl.NumberFormat(tag(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
  const shortDate = (d: string) => new Intl.DateTimeFormat(tag(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));
  const shortWeekday = (d: string) => new Intl.DateTimeFormat(tag(), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));
  const periodLabel = () => (period() === 'dag' ? weekdayDate(date(), locale()) : r().weekTitle(isoWeek(from()), shortDate(from()), shortDate(to())));

  // --- Planned vs delivered.
  const rowsOf = (map: Map<string, MinuteTotals>, label: (key: string) => string): MinutesRow[] => [...map].map(([key, t]) => ({ key, label: label(key), ...t }));
  const byLabel = (a: MinutesRow, b: MinutesRow) => (a.key === '' ? 1 : b.key === '' ? -1 : a.label.localeCompare(b.label, tag()));
  const perStaff = createMemo(() => rowsOf(minutesPerStaff(periodDays() ?? []), staffName).sort(byLabel));
  const perRecipient = createMemo(() => rowsOf(minutesPerRecipient(periodDays() ?? []), recipientName).sort(byLabel));
  const perDay = createMemo(() => rowsOf(minutesPerDay(periodDays() ?? []), shortWeekday).sort((a, b) => a.key.localeCompare(b.key)));
  const total = createMemo(() => minutesTotal(periodDays() ?? []));
  const differences = createMemo(() => differingVisits(periodDays() ?? [], Date.now()));

  // --- CSV on the device, and the server's address for payroll systems.
  const download = () => {
    const list = periodDays();
    if (!list) return;
    const url = URL.createObjectURL(new Blob([deliveredCsv(list)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `delivered-${teamId()}-${from()}-${to()}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    // Revoked later: revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  const serverUrl = () => `${app.origin}/api/teams/${teamId()}/delivered.csv?from=${from()}&to=${to()}`;
  const [copyState, setCopyState] = createSignal<'idle' | 'copied' | 'failed'>('idle');
  createEffect(on(serverUrl, () => setCopyState('idle'), { defer: true }));
  const copy = () => {
    if (!navigator.clipboard) {
      setCopyState('failed');
      return;
    }
    navigator.clipboard.writeText(serverUrl()).then(
      () => setCopyState('copied'),
      () => setCopyState('failed'),
    );
  };

  // --- Continuity over the 14 days ending at the chosen day, worst first.
  const continuity = createMemo(() => {
    const list = daysOf(continuityDates());
    if (!list) return undefined;
    return continuityReport(list, recipients() ?? new Map(), date(), (a, b) => recipientName(a).localeCompare(recipientName(b), tag()));
  });

  // --- Previous and next stay inside the scheduler's sync window.
  const step = () => (period() === 'dag' ? 1 : 7);
  const canBack = () => from() > range.from;
  const canForward = () => to() < range.to;
  const back = () => go(addDays(date(), -step()) < range.from ? range.from : addDays(date(), -step()));
  const forward = () => go(addDays(date(), step()) > range.to ? range.to : addDays(date(), step()));
  const isCurrent = () => periodDates().includes(today);

  return (
    <article aria-labelledby="reports-title" class="reports-page">
      <PlanningNav />
      <div class="day-nav">
        <button type="button" class="btn" disabled={!canBack()} onClick={back} aria-label={period() === 'dag' ? r().previousDay : r().previousWeek}>
          <span aria-hidden="true">‹</span>
        </button>
        <div class="day-title">
          <h1 id="reports-title">{r().title}</h1>
          <p class="day-date" data-testid="reports-period" data-from={from()} data-to={to()}>
            {periodLabel()}
          </p>
        </div>
        <button type="button" class="btn" disabled={!canForward()} onClick={forward} aria-label={period() === 'dag' ? r().nextDay : r().nextWeek}>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <div class="actions">
        <div role="group" aria-label={r().period} class="report-period">
          <button type="button" class="btn" aria-pressed={period() === 'dag'} onClick={() => setPeriod('dag')}>
            {r().day}
          </button>
          <button type="button" class="btn" aria-pressed={period() === 'vecka'} onClick={() => setPeriod('vecka')}>
            {r().week}
          </button>
        </div>
        <Show when={!isCurrent()}>
          <button type="button" class="btn" onClick={() => go(today)}>
            {period() === 'dag' ? r().today : r().thisWeek}
          </button>
        </Show>
      </div>

      <Show when={periodDays()} fallback={<p class="note">{r().loading}</p>}>
        <section aria-labelledby="delivered-title">
          <h2 id="delivered-title">{r().deliveredTitle}</h2>
          <p class="note">{r().countingNote}</p>
          <Show when={total().visits > 0} fallback={<p>{r().noVisits}</p>}>
            <MinutesTable id="per-staff" caption={r().perStaff(periodLabel())} head={r().staff} rows={perStaff()} total={total()} r={r} num={num} signed={signed} />
            <MinutesTable id="per-recipient" caption={r().perRecipient(periodLabel())} head={r().recipient} rows={perRecipient()} total={total()} r={r} num={num} signed={signed} />
            <Show when={period() === 'vecka'}>
              <MinutesTable id="per-day" caption={r().perDay(periodLabel())} head={r().date} rows={perDay()} total={total()} r={r} num={num} signed={signed} />
            </Show>
          </Show>
        </section>

        <section aria-labelledby="differences-title">
          <h2 id="differences-title">{r().differencesTitle}</h2>
          <p class="note">{r().thresholdNote(TIME_DIFF_THRESHOLD_MIN)}</p>
          <Show when={differences().length > 0} fallback={<p data-testid="no-differences">{r().noDifferences}</p>}>
            <DifferencesTable
              caption={r().differencesCaption(periodLabel())}
              rows={differences()}
              r={r}
              dayPrefix={(d) => (period() === 'vecka' ? `${shortWeekday(d)} ` : '')}
              staffName={staffName}
              recipientName={recipientName}
            />
          </Show>
        </section>

        <section aria-labelledby="sign-off-title">
          <h2 id="sign-off-title">{r().signOffTitle}</h2>
          <SignOffSummary report={signOffReport(periodDays() ?? [])} r={r} recipientName={recipientName} num={num} />
        </section>

        <section aria-labelledby="csv-title" class="panel">
          <h2 id="csv-title">{r().csvTitle}</h2>
          <div class="actions">
            <button type="button" class="btn btn-primary" data-testid="csv-download" onClick={download}>
              {r().download}
            </button>
          </div>
          <p class="note">{r().csvNote}</p>
          <label for="csv-server-url">{r().serverUrl}</label>
          <div class="csv-url">
            <input id="csv-server-url" type="text" readonly value={serverUrl()} data-testid="csv-server-url" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" class="btn" onClick={copy}>
              {r().copy}
            </button>
          </div>
          <p role="status" class="note">
            {copyState() === 'copied' ? r().copied : copyState() === 'failed' ? r().copyFailed : ''}
          </p>
        </section>
      </Show>

      <section aria-labelledby="continuity-title">
        <h2 id="continuity-title">{r().continuityTitle}</h2>
        <Show when={continuity()} fallback={<p class="note">{r().loading}</p>}>
          {(c) => (
            <>
              <p class="note">{r().continuityIntro(shortDate(continuityDates()[0] ?? date()), shortDate(date()))}</p>
              <dl class="report-summary">
                <dt>{r().teamMean}</dt>
                <dd data-testid="continuity-mean">{c().mean === null ? '–' : r().teamMeanValue(decimal(c().mean ?? 0), c().rows.length)}</dd>
                <dt>{r().indicatorMean}</dt>
                <dd data-testid="continuity-indicator">
                  {c().indicatorMean === null ? r().indicatorNone : r().indicatorMeanValue(decimal(c().indicatorMean ?? 0), c().indicatorCount)}
                </dd>
              </dl>
              <p class="note">{r().indicatorNote}</p>
              <ContinuityTable
                caption={r().continuityCaption(shortDate(continuityDates()[0] ?? date()), shortDate(date()))}
                rows={c().rows}
                r={r}
                recipientName={recipientName}
                num={num}
              />
            </>
          )}
        </Show>
      </section>
    </article>
  );
}
