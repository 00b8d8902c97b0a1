// Messages between caregivers and the team's schedulers (to the function, not
// to a named person). For schedulers this is the inbox: urgent requests for
// help, deviations and messages from the field, newest first.
import { For, Show, createMemo, createSignal, type JSX } from 'solid-js';
import type * as Y from 'yjs';
import {
  acknowledgeHelp,
  brukareDocName,
  deviationsDocName,
  localDate,
  messagesDocName,
  monthOf,
  previousMonth,
  readBrukare,
  readDeviations,
  readHelpRequests,
  readMessages,
  sendMessage,
  setDeviationState,
} from '../../domain';
import { useApp } from '../app-context';
import { dateTimeOf } from '../format';
import { useI18n } from '../i18n/i18n';
import { useFieldStrings } from '../i18n/field';
import { createDocView } from '../sync/create-doc-view';
import { LOCAL } from '../sync/origins';
import { ErrorText } from '../ui/ErrorText';

export default function MessagesPage(): JSX.Element {
  const app = useApp();
  const { t } = useI18n();
  const f = useFieldStrings();
  const user = () => app.session()?.user;
  const isScheduler = () => user()?.role === 'scheduler';
  const today = localDate(new Date());
  const months = [monthOf(today), previousMonth(monthOf(today))];
  const teamIds = () => user()?.teamIds ?? [];
  const docNames = createMemo(() => teamIds().flatMap((team) => months.flatMap((m) => [messagesDocName(team, m), deviationsDocName(team, m)])));
  const inbox = createDocView(app.hub, docNames, (docs) => {
    const messageDocs = docs.filter((_, i) => i % 2 === 0);
    const deviationDocs = docs.filter((_, i) => i % 2 === 1);
    const owner = new Map<string, Y.Doc>();
    const messages = messageDocs.flatMap((d) => readMessages(d).map((m) => (owner.set(m.id, d), m)));
    const help = messageDocs.flatMap((d) => readHelpRequests(d).map((h) => (owner.set(h.id, d), h)));
    const deviations = deviationDocs.flatMap((d) => readDeviations(d).map((x) => (owner.set(x.id, d), x)));
    const newest = <T extends { at: string }>(a: T, b: T) => b.at.localeCompare(a.at);
    return { messages: messages.sort(newest), help: help.sort(newest), deviations: deviations.sort(newest), owner, current: messageDocs[0] };
  });
  // Recipients are shown by name: an urgent request must say where help is needed.
  const brukareNames = createMemo(
    () => [...new Set([...(inbox()?.help ?? []), ...(inbox()?.deviations ?? [])].flatMap((x) => (x.brukareId ? [brukareDocName(x.brukareId)] : [])))].sort(),
    undefined,
    { equals: (a, b) => a.join() === b.join() },
  );
  const names = createDocView(app.hub, brukareNames, (docs) => {
    const map = new Map<string, string>();
    for (const doc of docs) {
      const b = readBrukare(doc);
      if (b.ok) map.set(b.value.id, `${b.value.name}, ${b.value.address}`);
    }
    return map;
  });
  const who = (brukareId: string | undefined) => (brukareId ? (names()?.get(brukareId) ?? '…') : '');

  const mine = createMemo(() => {
    const me = user()?.id;
    return (inbox()?.messages ?? []).filter((m) => isScheduler() || m.fromId === me || m.to === me);
  });
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [replyTo, setReplyTo] = createSignal<{ id: string; fromId: string; fromName: string } | null>(null);

  const send = (event: SubmitEvent) => {
    event.preventDefault();
    const u = user();
    const doc = inbox()?.current;
    if (!u || !doc || text().trim() === '') return;
    const reply = replyTo();
    const r = sendMessage(
      doc,
      {
        id: crypto.randomUUID(),
        fromId: u.id,
        fromName: u.name,
        to: reply ? reply.fromId : 'schedulers',
        text: text().trim(),
        at: new Date().toISOString(),
        ...(reply ? { replyTo: reply.id } : {}),
      },
      LOCAL,
    );
    if (r.ok) {
      setText('');
      setReplyTo(null);
      setError(null);
    } else setError(t().errors.notSaved);
  };
  const stamp = () => ({ by: user()?.id ?? '', at: new Date().toISOString() });

  return (
    <article aria-labelledby="messages-title">
      <h1 id="messages-title">{isScheduler() ? f().messages.inboxTitle : f().messages.title}</h1>

      <Show when={isScheduler()}>
        <section aria-labelledby="help-title">
          <h2 id="help-title">{f().help.title}</h2>
          <Show when={(inbox()?.help ?? []).length > 0} fallback={<p>{f().messages.noItems}</p>}>
            <ul class="journal-list">
              <For each={inbox()?.help ?? []}>
                {(h) => (
                  <li class={`journal-entry ${h.acknowledged ? '' : 'urgent'}`} data-testid="help-request">
                    <p class="meta">
                      {h.staffName} · {dateTimeOf(h.at, today)}
                      {h.brukareId ? ` · ${who(h.brukareId)}` : ''}
                    </p>
                    <Show
                      when={h.acknowledged}
                      fallback={
                        <button type="button" class="btn btn-danger" onClick={() => { const d = inbox()?.owner.get(h.id); const s = stamp(); if (d) acknowledgeHelp(d, h.id, s.by, s.at, LOCAL); }}>
                          {f().help.acknowledge}
                        </button>
                      }
                    >
                      {(ack) => <p>{f().help.acknowledged(dateTimeOf(ack().at, today))}</p>}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>

        <section aria-labelledby="deviations-title">
          <h2 id="deviations-title">{f().messages.deviations}</h2>
          <Show when={(inbox()?.deviations ?? []).length > 0} fallback={<p>{f().messages.noItems}</p>}>
            <ul class="journal-list">
              <For each={inbox()?.deviations ?? []}>
                {(d) => (
                  <li class="journal-entry" data-testid="deviation">
                    <p class="meta">
                      {f().deviation.categories[d.category]} · {d.reportedByName} · {dateTimeOf(d.at, today)} · {who(d.brukareId)} ·{' '}
                      {f().deviation.states[d.state?.state ?? 'new']}
                    </p>
                    <p class="text">{d.whatHappened}</p>
                    <Show when={d.actionTaken}>
                      <p class="text">{d.actionTaken}</p>
                    </Show>
                    <div class="actions">
                      <Show when={(d.state?.state ?? 'new') === 'new'}>
                        <button type="button" class="btn" onClick={() => { const doc = inbox()?.owner.get(d.id); if (doc) setDeviationState(doc, d.id, { state: 'acknowledged', ...stamp() }, LOCAL); }}>
                          {f().deviation.acknowledge}
                        </button>
                      </Show>
                      <Show when={d.state?.state !== 'closed'}>
                        <button type="button" class="btn btn-quiet" onClick={() => { const doc = inbox()?.owner.get(d.id); if (doc) setDeviationState(doc, d.id, { state: 'closed', ...stamp() }, LOCAL); }}>
                          {f().deviation.close}
                        </button>
                      </Show>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      </Show>

      <section aria-labelledby="thread-title">
        <h2 id="thread-title">{t().nav.messages}</h2>
        <Show when={mine().length > 0} fallback={<p>{f().messages.none}</p>}>
          <ul class="journal-list">
            <For each={mine()}>
              {(m) => (
                <li class="journal-entry" data-testid="message">
                  <p class="meta">
                    {m.fromName} · {dateTimeOf(m.at, today)} {m.to === 'schedulers' ? `· ${f().messages.toSchedulers}` : ''}
                  </p>
                  <p class="text">{m.text}</p>
                  <Show when={isScheduler() && m.to === 'schedulers'}>
                    <button type="button" class="btn btn-quiet" onClick={() => setReplyTo({ id: m.id, fromId: m.fromId, fromName: m.fromName })}>
                      {f().messages.reply}
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={!isScheduler() || replyTo()}>
          <form onSubmit={send} class="panel">
            <label for="message-text">{replyTo() ? `${f().messages.reply}: ${replyTo()?.fromName}` : f().messages.write}</label>
            <textarea id="message-text" data-testid="message-text" rows={3} maxlength={2000} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
            <ErrorText message={error()} />
            <button type="submit" class="btn" disabled={text().trim() === ''}>
              {f().messages.send}
            </button>
          </form>
        </Show>
      </section>
    </article>
  );
}
