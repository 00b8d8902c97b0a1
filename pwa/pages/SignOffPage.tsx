// The recipient's sign-off screen: full screen, this visit only, in the
// recipient's language (right-to-left for Arabic and Persian), pictograms with
// short labels that can be read aloud, big targets, no typing, no time limit.
// Saving writes the sign-off to the visit's exec doc, a structured journal
// entry, and (if asked) a message to the team's schedulers: all on the device
// first, synced later. Taking the tablet back locks the app: the caregiver's PIN opens it.
import { Navigate, useNavigate, useParams } from '@solidjs/router';
import { For, Show, createMemo, createResource, createSignal, onCleanup, onMount, type JSX } from 'solid-js';
import {
  addSignOff,
  brukareDocName,
  DEFAULT_SIGN_OFF_SETTINGS,
  execDocName,
  findVisitInDayDocs,
  firstName,
  importEntry,
  isRightToLeft,
  journalDocName,
  localDate,
  messagesDocName,
  monthOf,
  MOODS,
  planDocName,
  readBrukare,
  readExecution,
  sendMessage,
  signOffJournalEntry,
  signOffLanguage,
  signOffSummary,
  type Mood,
  type SignOff,
  type SignOffLanguage,
} from '../../domain';
import { useApp } from '../app-context';
import { useFieldStrings } from '../i18n/field';
import { signOffSv, type SignOffStrings } from '../i18n/signoff/sv';
import { givenInThisHandOver, leaveSignOff, lockedPath, markGiven } from '../sign-off/lock';
import { createDocView } from '../sync/create-doc-view';
import { LOCAL } from '../sync/origins';

const LOADERS: Record<SignOffLanguage, () => Promise<SignOffStrings>> = {
  sv: () => Promise.resolve(signOffSv),
  en: () => import('../i18n/signoff/en').then((m) => m.signOffEn),
  fi: () => import('../i18n/signoff/fi').then((m) => m.signOffFi),
  ar: () => import('../i18n/signoff/ar').then((m) => m.signOffAr),
  fa: () => import('../i18n/signoff/fa').then((m) => m.signOffFa),
  so: () => import('../i18n/signoff/so').then((m) => m.signOffSo),
};

/** A voice for the language, if the browser has one (voices may arrive late). */
function createVoice(language: () => SignOffLanguage): () => SpeechSynthesisVoice | undefined {
  const synth = typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
  const [voices, setVoices] = createSignal<SpeechSynthesisVoice[]>(synth?.getVoices() ?? []);
  if (synth) {
    const update = () => setVoices(synth.getVoices());
    synth.addEventListener('voiceschanged', update);
    onCleanup(() => {
      synth.removeEventListener('voiceschanged', update);
      synth.cancel();
    });
  }
  return () => voices().find((v) => v.lang.toLowerCase().startsWith(language()));
}

export default function SignOffPage(): JSX.Element {
  const app = useApp();
  const fs = useFieldStrings();
  const navigate = useNavigate();
  const params = useParams<{ date: string; visitId: string }>();
  const user = () => app.session()?.user;

  const dayNames = createMemo(() => (user()?.teamIds ?? []).flatMap((teamId) => [planDocName(teamId, params.date), execDocName(teamId, params.date)]));
  const found = createDocView(app.hub, dayNames, (docs) => {
    const hit = findVisitInDayDocs(docs, params.visitId);
    return hit ? { plan: hit.plan, execDoc: hit.execDoc, execution: readExecution(hit.execDoc, params.visitId) } : null;
  });
  const brukareNames = createMemo(() => (found()?.plan ? [brukareDocName(found()?.plan.brukareId ?? '')] : []));
  // undefined until the recipient's doc is read (the screen waits for it, so
  // that it never flashes in the wrong language); null when it is not readable.
  const brukare = createDocView(app.hub, brukareNames, (docs) => {
    if (!docs[0]) return undefined;
    const b = readBrukare(docs[0]);
    return b.ok ? b.value : null;
  });
  const settings = () => brukare()?.signOff ?? DEFAULT_SIGN_OFF_SETTINGS;
  const language = createMemo<SignOffLanguage>(() => signOffLanguage(brukare()?.language ?? 'sv'));
  const [strings] = createResource(language, (l) => LOADERS[l]());
  const s = () => strings() ?? signOffSv;
  const voice = createVoice(language);
  const say = (text: string) => {
    const v = voice();
    if (!v || typeof speechSynthesis === 'undefined') return;
    speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.voice = v;
    u.lang = v.lang;
    speechSynthesis.speak(u);
  };
  const canSpeak = () => settings().readAloud && voice() !== undefined;

  // The insatser performed: those the caregiver did not mark "not done" at check-out.
  const performed = createMemo(() => {
    const f = found();
    if (!f) return [];
    const notDone = new Set(f.execution?.outcome?.notDone ?? []);
    return f.plan.insatser.filter((i) => !notDone.has(i.id));
  });
  const caregiverName = () => firstName(user()?.name ?? '');
  const [answers, setAnswers] = createSignal<Record<string, boolean>>({});
  const [mood, setMood] = createSignal<Mood | undefined>(undefined);
  const [talk, setTalk] = createSignal(false);
  const result = () => givenInThisHandOver() ?? null;
  const setResult = (given: 'signed' | 'declined') => markGiven(given);
  // Only reachable through a hand-over: without the lock there is nothing to sign here.
  const ownPath = () => `/kvittens/${params.date}/${params.visitId}`;
  const [leaving, setLeaving] = createSignal(false);

  // Full screen where the browser allows it; the back button stays on this screen.
  onMount(() => {
    document.documentElement.requestFullscreen?.().catch(() => undefined);
    const stay = () => history.pushState(null, '', location.href);
    stay();
    window.addEventListener('popstate', stay);
    onCleanup(() => {
      window.removeEventListener('popstate', stay);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    });
  });

  let saving = false;
  const save = async (outcome: 'signed' | 'declined') => {
    const f = found();
    const me = user();
    if (!f || !me || saving) return;
    saving = true;
    const signOff: SignOff = {
      id: crypto.randomUUID(),
      visitId: f.plan.id,
      brukareId: f.plan.brukareId,
      at: new Date().toISOString(),
      caregiverId: me.id,
      language: language(),
      outcome,
      items: outcome === 'signed' ? Object.entries(answers()).map(([insatsId, done]) => ({ insatsId, done })) : [],
      ...(outcome === 'signed' && mood() ? { mood: mood() } : {}),
      wantsToTalk: talk(),
    };
    const added = addSignOff(f.execDoc, signOff, LOCAL);
    if (!added.ok) {
      saving = false;
      return app.reportError(new Error(added.message));
    }
    const titleOf = (id: string) => f.plan.insatser.find((i) => i.id === id)?.title ?? id;
    const month = monthOf(f.plan.date);
    const writes: Promise<unknown>[] = [app.hub.open(journalDocName(f.plan.brukareId, month)).then((doc) => importEntry(doc, signOffJournalEntry(signOff, me.name, titleOf), LOCAL))];
    if (signOff.wantsToTalk) {
      writes.push(app.hub.open(messagesDocName(f.plan.teamId, monthOf(localDate(new Date(signOff.at))))).then((doc) =>
        sendMessage(
          doc,
          { id: crypto.randomUUID(), fromId: me.id, fromName: me.name, to: 'schedulers', at: signOff.at, text: `${brukare()?.name ?? f.plan.brukareId}: ${signOffSummary(signOff, titleOf)}` },
          LOCAL,
        ),
      ));
    }
    // "Thank you" only once the sign-off is on the device: a reload (or a dead
    // battery) before that shows the form again instead of losing the answer.
    try {
      await Promise.all(writes);
      await app.hub.whenSaved();
    } catch (err) {
      app.reportError(err);
    }
    setResult(outcome);
  };

  const leave = () => {
    leaveSignOff();
    navigate(`/besok/${params.date}/${params.visitId}`, { replace: true });
  };

  const Picto = (props: { name: string }) => (
    <Show when={settings().pictograms}>
      <img class="picto" src={`/pictograms/${props.name}.svg`} alt="" aria-hidden="true" />
    </Show>
  );
  const Speak = (props: { text: string }) => (
    <Show when={canSpeak()}>
      <button type="button" class="so-speak" aria-label={`${s().readAloud}: ${props.text}`} onClick={() => say(props.text)}>
        <img src="/pictograms/speaker.svg" alt="" aria-hidden="true" />
      </button>
    </Show>
  );

  return (
    <Show when={lockedPath() === ownPath()} fallback={<Navigate href={`/besok/${params.date}/${params.visitId}`} />}>
    <Show when={brukare() !== undefined && strings() !== undefined}>
    <div class="sign-off" classList={{ 'so-large': settings().largeText }} lang={language()} dir={isRightToLeft(language()) ? 'rtl' : 'ltr'} data-testid="sign-off">
      <Show
        when={result() === null}
        fallback={
          <section class="so-done" aria-live="polite">
            <Picto name={result() === 'signed' ? 'done' : 'decline'} />
            <p class="so-thanks" data-testid="sign-off-thanks">
              {result() === 'signed' ? s().thanks : s().declined}
            </p>
          </section>
        }
      >
        <header class="so-header">
          <h1>{s().title(caregiverName())}</h1>
          <Speak text={s().title(caregiverName())} />
        </header>
        <section aria-labelledby="so-done-q">
          <h2 id="so-done-q">{s().wasItDone}</h2>
          <ul class="so-items">
            <For each={performed()}>
              {(insats) => {
                const label = () => s().insats[insats.type];
                const answer = () => answers()[insats.id];
                const choose = (done: boolean) => setAnswers({ ...answers(), [insats.id]: done });
                return (
                  <li class="so-item" data-insats-id={insats.id}>
                    <div class="so-label">
                      <Picto name={insats.type} />
                      <span id={`so-l-${insats.id}`}>{label()}</span>
                      <Speak text={`${label()}. ${s().wasItDone}`} />
                    </div>
                    <div class="so-choices" role="group" aria-labelledby={`so-l-${insats.id}`}>
                      <button type="button" class="so-choice" aria-pressed={answer() === true} onClick={() => choose(true)}>
                        <Picto name="done" />
                        {s().yes}
                      </button>
                      <button type="button" class="so-choice" aria-pressed={answer() === false} onClick={() => choose(false)}>
                        <Picto name="not_done" />
                        {s().no}
                      </button>
                    </div>
                  </li>
                );
              }}
            </For>
          </ul>
        </section>
        <section aria-labelledby="so-mood-q">
          <div class="so-label">
            <h2 id="so-mood-q">{s().howWasIt}</h2>
            <Speak text={s().howWasIt} />
          </div>
          <div class="so-choices so-moods" role="group" aria-labelledby="so-mood-q">
            <For each={MOODS}>
              {(m) => (
                <button type="button" class="so-choice" aria-pressed={mood() === m} onClick={() => setMood(mood() === m ? undefined : m)}>
                  <Picto name={`face_${m}`} />
                  {s().moods[m]}
                </button>
              )}
            </For>
          </div>
        </section>
        <div class="so-actions">
          <button type="button" class="so-choice" aria-pressed={talk()} onClick={() => setTalk(!talk())}>
            <Picto name="talk" />
            {talk() ? s().talkChosen : s().talk}
          </button>
          <button type="button" class="so-choice so-primary" onClick={() => void save('signed')} data-testid="sign-off-done">
            <Picto name="done" />
            {s().done}
          </button>
          <button type="button" class="so-choice" onClick={() => void save('declined')} data-testid="sign-off-decline">
            <Picto name="decline" />
            {s().decline}
          </button>
        </div>
      </Show>

      <div class="so-staff">
        <Show
          when={leaving()}
          fallback={
            <button type="button" class="so-staff-button" onClick={() => setLeaving(true)}>
              {s().staff}
            </button>
          }
        >
          <div class="panel" role="group" lang="sv" dir="ltr" aria-label={fs().signOff.exitTitle} data-testid="so-exit">
            <p>{fs().signOff.exitNote}</p>
            <div class="actions">
              <button type="button" class="btn btn-primary" onClick={leave}>
                {fs().signOff.exit}
              </button>
              <button type="button" class="btn btn-quiet" onClick={() => setLeaving(false)}>
                {fs().signOff.cancel}
              </button>
            </div>
          </div>
        </Show>
      </div>
    </div>
    </Show>
    </Show>
  );
}
