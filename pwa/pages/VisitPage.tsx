// One visit: what is needed at the door, check-in and check-out, the planned
// insatser to tick, and the journal note (draft saved on every keystroke,
// final once signed), with the recipient's recent entries.
import { A, useParams } from '@solidjs/router';
import { For, Show, createMemo, createSignal, type JSX } from 'solid-js';
import {
  applyVisitEvent,
  brukareDocName,
  createDraft,
  docAccess,
  execDocName,
  journalDocName,
  localDate,
  monthOf,
  planDocName,
  previousMonth,
  readBrukare,
  readExecution,
  readJournalEntries,
  readPlannedVisit,
  setTaskDone,
  signEntry,
  updateDraft,
  mergeVisit,
  type JournalEntry,
  type VisitEvent,
} from '../../domain';
import { useApp } from '../app-context';
import { dateTimeOf, timeOf } from '../format';
import { useI18n } from '../i18n/i18n';
import { createDocView } from '../sync/create-doc-view';
import { LOCAL } from '../sync/origins';

export default function VisitPage(): JSX.Element {
  const app = useApp();
  const { t } = useI18n();
  const params = useParams<{ date: string; visitId: string }>();
  const user = () => app.session()?.user;
  const today = localDate(new Date());

  const planNames = createMemo(() => (user()?.teamIds ?? []).map((teamId) => planDocName(teamId, params.date)));
  const plan = createDocView(app.hub, planNames, (docs) => {
    for (const doc of docs) {
      const visit = readPlannedVisit(doc, params.visitId);
      if (visit) return visit;
    }
    return null;
  });
  const teamId = () => plan()?.teamId;
  const brukareId = () => plan()?.brukareId;
  const execNames = createMemo(() => (teamId() ? [execDocName(teamId() ?? '', params.date)] : []));
  const exec = createDocView(app.hub, execNames, (docs) => (docs[0] ? { doc: docs[0], value: readExecution(docs[0], params.visitId) } : null));
  const brukareNames = createMemo(() => (brukareId() ? [brukareDocName(brukareId() ?? '')] : []));
  const brukare = createDocView(app.hub, brukareNames, (docs) => (docs[0] ? readBrukare(docs[0]) : null));
  const profile = createMemo(() => {
    const b = brukare();
    return b?.ok ? b.value : null;
  });
  const journalMonth = monthOf(today);
  const journalNames = createMemo(() => {
    const id = brukareId();
    return id ? [journalDocName(id, journalMonth), journalDocName(id, previousMonth(journalMonth))] : [];
  });
  const journal = createDocView(app.hub, journalNames, (docs) => ({
    doc: docs[0],
    entries: docs.flatMap((d) => readJournalEntries(d).items).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  }));

  const visit = createMemo(() => {
    const p = plan();
    if (!p) return null;
    return mergeVisit(p, exec()?.value);
  });
  const access = (kind: 'exec' | 'journal') => {
    const u = user();
    const team = teamId();
    if (!u || !team) return 'none';
    return kind === 'exec'
      ? docAccess(u, { kind: 'exec', teamId: team, date: params.date }, () => team)
      : docAccess(u, { kind: 'journal', brukareId: brukareId() ?? '', month: journalMonth }, () => team);
  };
  const canWriteExec = () => access('exec') === 'write';
  const canWriteJournal = () => access('journal') === 'write';
  const [error, setError] = createSignal<string | null>(null);
  const [showKey, setShowKey] = createSignal(false);

  const stamp = () => ({ at: new Date().toISOString(), staffId: user()?.id ?? '' });
  const lifecycle = (event: VisitEvent) => {
    const doc = exec()?.doc;
    if (!doc) return;
    const result = applyVisitEvent(doc, params.visitId, event, stamp(), LOCAL);
    setError(result.ok ? null : result.error.message);
  };
  const tick = (insatsId: string, done: boolean) => {
    const doc = exec()?.doc;
    if (doc) setTaskDone(doc, params.visitId, insatsId, done, stamp(), LOCAL);
  };

  // The caregiver's open draft for this visit, if any (it survives reloads: it is in the doc).
  const myDraft = createMemo(() =>
    journal()?.entries.find((e) => e.status === 'draft' && e.authorId === user()?.id && e.visitId === params.visitId && e.correctsId === undefined),
  );
  const writeDraft = (text: string) => {
    const doc = journal()?.doc;
    const u = user();
    if (!doc || !u) return;
    const existing = myDraft();
    if (existing) {
      const r = updateDraft(doc, existing.id, u.id, text, LOCAL);
      if (!r.ok) setError(r.error.message);
      return;
    }
    const first = plan()?.insatser[0];
    const area = first ? profile()?.carePlan.find((i) => i.id === first.id)?.lifeArea : undefined;
    const r = createDraft(
      doc,
      {
        id: crypto.randomUUID(),
        brukareId: brukareId() ?? '',
        authorId: u.id,
        authorName: u.name,
        createdAt: new Date().toISOString(),
        visitId: params.visitId,
        ...(area ? { lifeArea: area } : {}),
        text,
      },
      LOCAL,
    );
    if (!r.ok) setError(r.error.message);
  };
  const sign = () => {
    const doc = journal()?.doc;
    const draft = myDraft();
    const u = user();
    if (!doc || !draft || !u) return;
    const r = signEntry(doc, draft.id, u.id, new Date().toISOString(), LOCAL);
    setError(r.ok ? null : r.error.message);
  };

  return (
    <article class="visit" aria-labelledby="visit-title">
      <A href={params.date === today ? '/' : `/?dag=${params.date}`} class="back-link">
        ‹ {t().visit.back}
      </A>
      <Show when={visit()} fallback={<p>{plan() === null ? t().visit.notFound : t().day.loading}</p>}>
        {(v) => (
          <>
            <header class="visit-header">
              <h1 id="visit-title">{profile()?.name ?? '…'}</h1>
              <p class="visit-time">
                {v().date} · {v().plannedStart}–{v().plannedEnd}
              </p>
              <p class="visit-status" data-testid="visit-status">
                {t().status[v().status]}
                <Show when={v().checkIn}>{(c) => <> · {t().visit.checkedIn(timeOf(c().at))}</>}</Show>
                <Show when={v().checkOut}>{(c) => <> · {t().visit.checkedOut(timeOf(c().at))}</>}</Show>
              </p>
            </header>
            <Show when={error()}>
              <p class="error" role="alert">
                {t().visit.error}
                {error()}
              </p>
            </Show>
            <Show when={!canWriteExec()}>
              <p class="note">{t().visit.readOnly}</p>
            </Show>
            <div class="actions">
              <Show when={canWriteExec() && v().status === 'planned'}>
                <button type="button" class="btn btn-primary" onClick={() => lifecycle({ type: 'check_in' })}>
                  {t().visit.checkIn}
                </button>
              </Show>
              <Show when={canWriteExec() && v().status === 'in_progress'}>
                <button type="button" class="btn btn-primary" onClick={() => lifecycle({ type: 'check_out' })}>
                  {t().visit.checkOut}
                </button>
              </Show>
            </div>

            <Show when={profile()}>
              {(b) => (
                <section class="door" aria-labelledby="door-title">
                  <h2 id="door-title">{t().visit.atTheDoor}</h2>
                  <dl>
                    <dt>{t().visit.address}</dt>
                    <dd>{b().address}</dd>
                    <dt>{t().visit.keyInfo}</dt>
                    <dd>
                      <button type="button" class="btn" aria-expanded={showKey()} aria-controls="key-info" onClick={() => setShowKey(!showKey())}>
                        {showKey() ? t().visit.hideKeyInfo : t().visit.showKeyInfo}
                      </button>
                      <Show when={showKey()}>
                        <p id="key-info" data-testid="key-info">
                          {b().keyInfo}
                        </p>
                      </Show>
                    </dd>
                    <dt>{t().visit.allergies}</dt>
                    <dd>{b().allergies.length > 0 ? b().allergies.join(', ') : t().visit.none}</dd>
                    <dt>{t().visit.risks}</dt>
                    <dd>{b().risks.length > 0 ? b().risks.join(', ') : t().visit.none}</dd>
                    <Show when={b().goodToKnow.length > 0}>
                      <dt>{t().visit.goodToKnow}</dt>
                      <dd>{b().goodToKnow.join(', ')}</dd>
                    </Show>
                  </dl>
                </section>
              )}
            </Show>

            <section aria-labelledby="tasks-title">
              <h2 id="tasks-title">{t().visit.tasks}</h2>
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
                            disabled={!canWriteExec()}
                            onChange={(e) => tick(insats.id, e.currentTarget.checked)}
                          />
                          <span>{insats.title}</span>
                        </label>
                        <Show when={how()}>
                          <p class="how">
                            <span class="label">{t().visit.how}: </span>
                            {how()}
                          </p>
                        </Show>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </section>

            <Show when={canWriteJournal()}>
              <section aria-labelledby="journal-title">
                <h2 id="journal-title">{t().visit.journal}</h2>
                <p class="hint" id="journal-hint">
                  {t().visit.journalHint}
                </p>
                <textarea
                  id="journal-text"
                  aria-labelledby="journal-title"
                  aria-describedby="journal-hint"
                  data-testid="journal-text"
                  rows={5}
                  value={myDraft()?.text ?? ''}
                  onInput={(e) => writeDraft(e.currentTarget.value)}
                />
                <div class="actions">
                  <Show when={myDraft()}>
                    <span class="saved" data-testid="draft-saved">
                      {t().visit.draftSaved}
                    </span>
                  </Show>
                  <button type="button" class="btn btn-primary" disabled={!myDraft() || (myDraft()?.text.trim() ?? '') === ''} onClick={sign}>
                    {t().visit.sign}
                  </button>
                </div>
              </section>
            </Show>

            <section aria-labelledby="recent-title">
              <h2 id="recent-title">{t().visit.recent}</h2>
              <Show when={(journal()?.entries ?? []).filter(visibleTo(user()?.id)).length > 0} fallback={<p>{t().visit.noEntries}</p>}>
                <ol class="journal-list" data-testid="journal-list">
                  <For each={(journal()?.entries ?? []).filter(visibleTo(user()?.id))}>
                    {(entry) => (
                      <li class={`journal-entry ${entry.status}`} data-testid="journal-entry">
                        <p class="meta">
                          {entry.authorName} · {dateTimeOf(entry.createdAt, today)} ·{' '}
                          {entry.status === 'signed' ? t().visit.signed(dateTimeOf(entry.signedAt ?? entry.createdAt, today)) : t().visit.draft}
                          <Show when={entry.correctsId}> · {t().visit.corrects}</Show>
                        </p>
                        <p class="text">{entry.text}</p>
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
            </section>
          </>
        )}
      </Show>
    </article>
  );
}

/** Signed entries for everyone; drafts only for their author. */
function visibleTo(userId: string | undefined): (entry: JournalEntry) => boolean {
  return (entry) => entry.status === 'signed' || entry.authorId === userId;
}
