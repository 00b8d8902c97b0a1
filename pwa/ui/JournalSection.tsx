// The recipient's journal on a visit: the caregiver's draft (saved on every
// keystroke, with ready-made phrases and dictation where the browser has it),
// signing, corrections, and the entries of this and last month, filterable by
// IBIC life area. Signed entries whose content was altered are flagged.
import { A } from '@solidjs/router';
import { For, Show, createEffect, createMemo, createSignal, onCleanup, untrack, type JSX } from 'solid-js';
import {
  LIFE_AREAS,
  createDraft,
  journalDocName,
  localDate,
  monthOf,
  phrasesDocName,
  previousMonth,
  readJournalEntries,
  readPhrases,
  signEntry,
  updateDraft,
  type JournalEntry,
  type LifeArea,
} from '../../domain';
import { useApp } from '../app-context';
import { dateTimeOf } from '../format';
import { useI18n } from '../i18n/i18n';
import { useFieldStrings } from '../i18n/field';
import { backupDraft, clearDraftBackup, readDraftBackup } from '../storage/draft-backup';
import { createDocView } from '../sync/create-doc-view';
import { LOCAL } from '../sync/origins';
import { ErrorText } from './ErrorText';

type SpeechRecognitionLike = {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> ; resultIndex: number }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
};

function speechRecognition(): (new () => SpeechRecognitionLike) | undefined {
  const w = window as unknown as { SpeechRecognition?: new () => SpeechRecognitionLike; webkitSpeechRecognition?: new () => SpeechRecognitionLike };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

export type JournalSectionProps = {
  brukareId: string;
  teamId: string;
  visitId: string;
  lifeArea: LifeArea | undefined;
  canWrite: boolean;
  /** Only the last `days` days of entries (the read-up view); all of this and last month otherwise. */
  days?: number;
};

export function JournalSection(props: JournalSectionProps): JSX.Element {
  const app = useApp();
  const i18n = useI18n();
  const f = useFieldStrings();
  const t = i18n.t;
  const user = () => app.session()?.user;
  const today = localDate(new Date());
  const month = monthOf(today);
  const names = createMemo(() => [journalDocName(props.brukareId, month), journalDocName(props.brukareId, previousMonth(month))]);
  const journal = createDocView(app.hub, names, (docs) => ({
    doc: docs[0],
    entries: docs.flatMap((d) => readJournalEntries(d).items).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  }));
  const phrases = createDocView(app.hub, () => [phrasesDocName(props.teamId)], (docs) => (docs[0] ? readPhrases(docs[0]) : []));
  const [area, setArea] = createSignal<LifeArea | 'all'>('all');
  const [correcting, setCorrecting] = createSignal<JournalEntry | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  const visible = createMemo(() => {
    const since = props.days ? new Date(Date.now() - props.days * 86_400_000).toISOString() : '';
    return (journal()?.entries ?? []).filter(
      (e) => (e.status === 'signed' || e.authorId === user()?.id) && (area() === 'all' || e.lifeArea === area()) && e.createdAt >= since,
    );
  });
  const correctedIds = createMemo(() => new Set((journal()?.entries ?? []).flatMap((e) => (e.correctsId && e.status === 'signed' ? [e.correctsId] : []))));
  const myDraft = createMemo(() =>
    journal()?.entries.find((e) => e.status === 'draft' && e.authorId === user()?.id && e.visitId === props.visitId),
  );

  // "Saved on the device" is shown only once IndexedDB has the latest text.
  const [saving, setSaving] = createSignal(false);
  let writes = 0;
  const afterWrite = (u: { id: string }, text: string) => {
    const mine = ++writes;
    setSaving(true);
    app.hub
      .whenSaved()
      .then(() => {
        if (mine !== writes) return;
        setSaving(false);
        clearDraftBackup(u.id, props.visitId, text);
      })
      .catch(app.reportError);
  };

  const write = (text: string) => {
    const doc = journal()?.doc;
    const u = user();
    if (!u) return;
    // Backed up first: text typed before the journal has loaded is restored into it once it has.
    backupDraft(u.id, props.visitId, text);
    if (!doc) return;
    const draft = myDraft();
    if (draft) {
      const r = updateDraft(doc, draft.id, u.id, text, LOCAL);
      setError(r.ok ? null : r.error.code === 'too_long' ? t().errors.tooLong : t().errors.notSaved);
      if (r.ok) afterWrite(u, text);
      return;
    }
    const corrects = correcting();
    const r = createDraft(
      doc,
      {
        id: crypto.randomUUID(),
        brukareId: props.brukareId,
        authorId: u.id,
        authorName: u.name,
        createdAt: new Date().toISOString(),
        visitId: props.visitId,
        ...(corrects?.lifeArea ?? props.lifeArea ? { lifeArea: corrects?.lifeArea ?? props.lifeArea } : {}),
        ...(corrects ? { correctsId: corrects.id } : {}),
        text,
      },
      LOCAL,
    );
    setError(r.ok ? null : r.error.code === 'too_long' ? t().errors.tooLong : t().errors.notSaved);
    if (r.ok) afterWrite(u, text);
  };

  // A draft whose last keystrokes IndexedDB did not get (the tab was killed) is restored from the backup.
  // Done once, when the journal is first loaded.
  let restoreChecked = false;
  createEffect(() => {
    const u = user();
    const loaded = journal();
    if (restoreChecked || !u || !loaded || !props.canWrite || !props.visitId) return;
    restoreChecked = true;
    const backup = readDraftBackup(u.id, props.visitId);
    if (backup === null) return;
    const current = untrack(myDraft)?.text ?? '';
    if (backup !== current && backup.trim() !== '') untrack(() => write(backup));
    else clearDraftBackup(u.id, props.visitId, backup);
  });

  const sign = () => {
    const doc = journal()?.doc;
    const draft = myDraft();
    const u = user();
    if (!doc || !draft || !u) return;
    const r = signEntry(doc, draft.id, u.id, new Date().toISOString(), LOCAL);
    setError(r.ok ? null : r.error.code === 'too_long' ? t().errors.tooLong : t().errors.notSaved);
    if (r.ok) setCorrecting(null);
  };
  const append = (text: string) => {
    const current = myDraft()?.text ?? '';
    write(current === '' ? text : `${current.replace(/\s+$/, '')} ${text}`);
  };

  // Dictation through the browser's speech recognition, where it exists.
  const Recognition = speechRecognition();
  const [listening, setListening] = createSignal(false);
  let recognition: SpeechRecognitionLike | null = null;
  const toggleDictation = () => {
    if (!Recognition) return;
    if (listening()) return recognition?.stop();
    recognition = new Recognition();
    recognition.lang = i18n.locale() === 'sv' ? 'sv-SE' : 'en-GB';
    recognition.interimResults = false;
    recognition.continuous = true;
    recognition.onresult = (event) => {
      // All final results of one event go in at once: the draft view updates a microtask later.
      const words: string[] = [];
      for (let i = event.resultIndex; i < event.results.length; i++) {
        const result = event.results[i];
        if (result?.isFinal && result[0]) words.push(result[0].transcript.trim());
      }
      if (words.length > 0) append(words.join(' '));
    };
    recognition.onend = () => setListening(false);
    recognition.start();
    setListening(true);
  };
  onCleanup(() => recognition?.stop());

  return (
    <section aria-labelledby="journal-title">
      <h2 id="journal-title">{f().visit.journal}</h2>
      <Show when={props.canWrite}>
        <Show when={correcting() ?? (myDraft()?.correctsId ? myDraft() : null)}>
          <p class="note">{f().journal.correcting}</p>
        </Show>
        <p class="hint" id="journal-hint">
          {f().visit.journalHint}
        </p>
        <textarea
          id="journal-text"
          aria-labelledby="journal-title"
          aria-describedby="journal-hint"
          data-testid="journal-text"
          rows={5}
          disabled={!journal()}
          value={myDraft()?.text ?? ''}
          onInput={(e) => write(e.currentTarget.value)}
        />
        <Show when={(phrases() ?? []).length > 0}>
          <details class="phrases">
            <summary>{f().journal.phrases}</summary>
            <ul class="phrase-list">
              <For each={phrases() ?? []}>
                {(phrase) => (
                  <li>
                    <button type="button" class="btn btn-quiet phrase" aria-label={f().journal.insert(phrase.text)} onClick={() => append(phrase.text)}>
                      {phrase.text}
                    </button>
                  </li>
                )}
              </For>
            </ul>
            <A href="/fraser" class="link">
              {f().journal.editPhrases}
            </A>
          </details>
        </Show>
        <div class="actions">
          <Show when={Recognition}>
            <button type="button" class="btn" aria-pressed={listening()} onClick={toggleDictation}>
              {listening() ? f().journal.stopDictation : f().journal.dictate}
            </button>
          </Show>
          <Show when={myDraft()}>
            <Show when={!saving()} fallback={<span class="note">{f().visit.draftSaving}</span>}>
              <span class="saved" data-testid="draft-saved">
                {f().visit.draftSaved}
              </span>
            </Show>
          </Show>
          <button type="button" class="btn btn-primary" disabled={!myDraft() || (myDraft()?.text.trim() ?? '') === ''} onClick={sign}>
            {f().visit.sign}
          </button>
        </div>
        <ErrorText message={error()} />
      </Show>

      <h3 id="recent-title">{f().visit.recent}</h3>
      <label for="area-filter">{f().journal.filter}</label>
      <select id="area-filter" value={area()} onChange={(e) => setArea(e.currentTarget.value as LifeArea | 'all')}>
        <option value="all">{f().journal.all}</option>
        <For each={LIFE_AREAS}>{(a) => <option value={a}>{f().journal.areas[a]}</option>}</For>
      </select>
      <Show when={visible().length > 0} fallback={<p>{f().visit.noEntries}</p>}>
        <ol class="journal-list" data-testid="journal-list">
          <For each={visible()}>
            {(entry) => (
              <li class={`journal-entry ${entry.status}`} data-testid="journal-entry">
                <p class="meta">
                  {entry.authorName} · {dateTimeOf(entry.createdAt, today)}
                  <Show when={entry.lifeArea}>{(a) => <> · {f().journal.areas[a()]}</>}</Show> ·{' '}
                  {entry.status === 'signed' ? f().visit.signed(dateTimeOf(entry.signedAt ?? entry.createdAt, today)) : f().visit.draft}
                  <Show when={entry.correctsId}> · {f().visit.corrects}</Show>
                  <Show when={correctedIds().has(entry.id)}> · {f().journal.corrected}</Show>
                </p>
                <Show when={entry.status === 'signed' && entry.verified === false}>
                  <p class="error" data-testid="tampered">
                    {f().journal.tampered}
                  </p>
                </Show>
                <p class="text">{entry.text}</p>
                <Show when={props.canWrite && entry.status === 'signed' && !myDraft()}>
                  <button type="button" class="btn btn-quiet" onClick={() => setCorrecting(entry)}>
                    {f().journal.correct}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
