// One visit: what is needed at the door, check-in, the planned insatser to
// tick, check-out with the outcome, the journal, and ways to report a
// deviation or ask for help. Works the same for unplanned visits.
import { A, useParams } from '@solidjs/router';
import { For, Show, createMemo, createSignal, type JSX } from 'solid-js';
import {
  applyVisitEvent,
  brukareDocName,
  docAccess,
  execDocName,
  findVisitInDayDocs,
  localDate,
  mergeVisit,
  planDocName,
  readBrukare,
  readExecution,
  setTaskDone,
  staffProgress,
  type OutcomeInput,
  type VisitEvent,
} from '../../domain';
import { useApp } from '../app-context';
import { logRecipientOpened } from '../security/read-log';
import { timeOf } from '../format';
import { useI18n } from '../i18n/i18n';
import { useFieldStrings } from '../i18n/field';
import { createDocView } from '../sync/create-doc-view';
import { LOCAL } from '../sync/origins';
import { CheckOutForm } from '../ui/CheckOutForm';
import { DoorInfo } from '../ui/DoorInfo';
import { HelpButton } from '../ui/HelpButton';
import { JournalSection } from '../ui/JournalSection';
import { SignOffHandover } from '../ui/SignOffHandover';
import { ErrorText } from '../ui/ErrorText';

export default function VisitPage(): JSX.Element {
  const app = useApp();
  const { t } = useI18n();
  const fs = useFieldStrings();
  const params = useParams<{ date: string; visitId: string }>();
  const user = () => app.session()?.user;
  const today = localDate(new Date());

  // The visit is in one of the user's teams' plan docs, or (unplanned) in an exec doc.
  const dayNames = createMemo(() => (user()?.teamIds ?? []).flatMap((teamId) => [planDocName(teamId, params.date), execDocName(teamId, params.date)]));
  const found = createDocView(app.hub, dayNames, (docs) => {
    const hit = findVisitInDayDocs(docs, params.visitId);
    if (!hit) return null;
    const me = user()?.id ?? '';
    return { plan: hit.plan, execDoc: hit.execDoc, execution: readExecution(hit.execDoc, params.visitId), unplanned: hit.unplanned, mine: staffProgress(hit.execDoc, params.visitId, me) };
  });
  const plan = () => found()?.plan;
  const brukareNames = createMemo(() => (plan() ? [brukareDocName(plan()?.brukareId ?? '')] : []));
  const brukare = createDocView(app.hub, brukareNames, (docs) => (docs[0] ? readBrukare(docs[0]) : null));
  const profile = createMemo(() => {
    const b = brukare();
    return b?.ok ? b.value : null;
  });
  logRecipientOpened(app, () => profile()?.id);

  const visit = createMemo(() => {
    const f = found();
    return f ? mergeVisit(f.plan, f.execution, undefined, f.unplanned) : null;
  });
  const canWriteExec = () => {
    const u = user();
    const p = plan();
    return !!u && !!p && docAccess(u, { kind: 'exec', teamId: p.teamId, date: params.date }, () => p.teamId) === 'write';
  };
  const [error, setError] = createSignal<string | null>(null);

  const stamp = () => ({ at: new Date().toISOString(), staffId: user()?.id ?? '' });
  const lifecycle = (event: VisitEvent) => {
    const f = found();
    if (!f) return;
    const result = applyVisitEvent(f.execDoc, params.visitId, event, stamp(), LOCAL, f.plan);
    setError(result.ok ? null : result.error.code === 'reason_required' ? fs().outcome.needReason : t().errors.invalidTransition);
  };
  const checkOut = (outcome: OutcomeInput) => {
    const f = found();
    const v = visit();
    if (!f || !v) return;
    // "All done as planned" means every planned insats was done: tick what is not ticked yet.
    f.execDoc.transact(() => {
      if (outcome.kind === 'as_planned') {
        for (const insats of v.insatser) if (!v.tasks[insats.id]?.done) setTaskDone(f.execDoc, params.visitId, insats.id, true, stamp(), LOCAL);
      }
      lifecycle({ type: 'check_out', outcome });
    }, LOCAL);
  };
  const myProgress = () => found()?.mine ?? 'planned';
  const open = () => {
    const s = visit()?.status;
    return s === 'planned' || s === 'in_progress';
  };
  const tick = (insatsId: string, done: boolean) => {
    const f = found();
    if (f) setTaskDone(f.execDoc, params.visitId, insatsId, done, stamp(), LOCAL);
  };
  const firstLifeArea = () => {
    const first = plan()?.insatser[0];
    return first ? profile()?.carePlan.find((i) => i.id === first.id)?.lifeArea : undefined;
  };

  return (
    <article class="visit" aria-labelledby="visit-title">
      <A href={params.date === today ? '/' : `/?dag=${params.date}`} class="back-link">
        ‹ {fs().visit.back}
      </A>
      <Show when={visit()} fallback={<p>{found() === null ? fs().visit.notFound : t().day.loading}</p>}>
        {(v) => (
          <>
            <header class="visit-header">
              <h1 id="visit-title">{profile()?.name ?? '…'}</h1>
              <p class="visit-time">
                {v().date} · {v().plannedStart}–{v().plannedEnd}
                <Show when={v().unplanned}> · {fs().unplanned.badge}</Show>
              </p>
              <p class="visit-status" data-testid="visit-status">
                {t().status[v().status]}
                <Show when={v().checkIn}>{(c) => <> · {fs().visit.checkedIn(timeOf(c().at))}</>}</Show>
                <Show when={v().checkOut}>{(c) => <> · {fs().visit.checkedOut(timeOf(c().at))}</>}</Show>
                <Show when={v().outcome}>{(o) => <> · {fs().outcome.kinds[o().kind]}</>}</Show>
              </p>
              <Show when={v().outcome}>
                {(o) => (
                  <p class="note" data-testid="outcome">
                    {fs().outcome.summary(o().plannedMinutes, o().actualMinutes)}
                    <Show when={o().reason}>{(r) => <> · {fs().outcome.reasons[r()]}</>}</Show>
                  </p>
                )}
              </Show>
              <A href={`/brukare/${v().brukareId}`} class="link">
                {fs().readUp.link}
              </A>
            </header>
            <ErrorText message={error()} />
            <Show when={!canWriteExec()}>
              <p class="note">{fs().visit.readOnly}</p>
            </Show>
            <div class="actions">
              <Show when={canWriteExec() && myProgress() === 'planned' && open()}>
                <button type="button" class="btn btn-primary" onClick={() => lifecycle({ type: 'check_in' })}>
                  {fs().visit.checkIn}
                </button>
              </Show>
            </div>
            <Show when={canWriteExec() && myProgress() === 'in_progress'}>
              <CheckOutForm insatser={v().insatser} onCheckOut={checkOut} />
            </Show>

            <Show when={myProgress() !== 'planned' || (v().signOffs ?? []).length > 0}>
              <SignOffHandover visit={v()} brukare={profile() ?? undefined} canHandOver={canWriteExec() && myProgress() !== 'planned'} />
            </Show>

            <Show when={profile()}>{(b) => <DoorInfo brukare={b()} />}</Show>

            <section aria-labelledby="tasks-title">
              <h2 id="tasks-title">{fs().visit.tasks}</h2>
              <ul class="task-list">
                <For each={v().insatser}>
                  {(insats) => {
                    const how = () => profile()?.carePlan.find((i) => i.id === insats.id)?.instructions;
                    return (
                      <li class="task">
                        <label class="check">
                          <input
                            type="checkbox"
                            data-testid={`task-${insats.id}`}
                            checked={v().tasks[insats.id]?.done ?? false}
                            disabled={!canWriteExec() || (!open() && myProgress() !== 'in_progress')}
                            onChange={(e) => tick(insats.id, e.currentTarget.checked)}
                          />
                          <span>{insats.title}</span>
                        </label>
                        <Show when={how()}>
                          <p class="how">
                            <span class="label">{fs().visit.how}: </span>
                            {how()}
                          </p>
                        </Show>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </section>

            <JournalSection
              brukareId={v().brukareId}
              teamId={v().teamId}
              visitId={v().id}
              lifeArea={firstLifeArea()}
              canWrite={canWriteExec()}
            />

            <Show when={canWriteExec()}>
              <section class="side-actions" aria-label={fs().deviation.report}>
                <A class="btn" href={`/avvikelse?brukare=${v().brukareId}&besok=${v().id}&team=${v().teamId}`}>
                  {fs().deviation.report}
                </A>
                <HelpButton teamId={v().teamId} brukareId={v().brukareId} visitId={v().id} />
              </section>
            </Show>
          </>
        )}
      </Show>
    </article>
  );
}
