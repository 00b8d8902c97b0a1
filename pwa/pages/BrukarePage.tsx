// "Read up" before a visit: good-to-know facts, key/door info on demand, the
// care plan per insats, handover messages from earlier shifts (unread first,
// with who has read them), and the last five days of journal entries.
import { A, useParams } from '@solidjs/router';
import { For, Show, createMemo, createSignal, type JSX } from 'solid-js';
import {
  brukareDocName,
  localDate,
  markHandoverRead,
  messagesDocName,
  monthOf,
  previousMonth,
  readBrukare,
  readHandovers,
  writeHandover,
} from '../../domain';
import { useApp } from '../app-context';
import { logRecipientOpened } from '../security/read-log';
import { dateTimeOf } from '../format';
import { useI18n } from '../i18n/i18n';
import { useFieldStrings } from '../i18n/field';
import { createDocView } from '../sync/create-doc-view';
import { LOCAL } from '../sync/origins';
import { DoorInfo } from '../ui/DoorInfo';
import { SignOffSettingsForm } from '../ui/SignOffSettingsForm';
import { RecipientCardForm } from '../ui/RecipientCardForm';
import { JournalSection } from '../ui/JournalSection';
import { ErrorText } from '../ui/ErrorText';
import { AccessLog } from '../ui/AccessLog';
import { CarePlanSection } from '../ui/CarePlanSection';

const READ_UP_DAYS = 5;
const HANDOVER_MAX_CHARS = 1000;

export default function BrukarePage(): JSX.Element {
  const app = useApp();
  const { t } = useI18n();
  const f = useFieldStrings();
  const params = useParams<{ brukareId: string }>();
  const user = () => app.session()?.user;
  const today = localDate(new Date());
  const brukare = createDocView(app.hub, () => [brukareDocName(params.brukareId)], (docs) => (docs[0] ? readBrukare(docs[0]) : null));
  const profile = createMemo(() => {
    const b = brukare();
    return b?.ok ? b.value : null;
  });
  logRecipientOpened(app, () => profile()?.id);

  const teamId = () => profile()?.teamId;
  const messageNames = createMemo(() => {
    const team = teamId();
    return team ? [messagesDocName(team, monthOf(today)), messagesDocName(team, previousMonth(monthOf(today)))] : [];
  });
  const handovers = createDocView(app.hub, messageNames, (docs) => ({
    doc: docs[0],
    list: docs
      .flatMap((d) => readHandovers(d))
      .filter((h) => h.brukareId === params.brukareId)
      .sort((a, b) => b.at.localeCompare(a.at)),
    docs,
  }));
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const canWrite = () => user()?.role === 'caregiver' || user()?.role === 'scheduler';

  const send = (event: SubmitEvent) => {
    event.preventDefault();
    const doc = handovers()?.doc;
    const u = user();
    if (!doc || !u || text().trim() === '') return;
    const r = writeHandover(doc, { id: crypto.randomUUID(), brukareId: params.brukareId, text: text().trim(), authorId: u.id, authorName: u.name, at: new Date().toISOString() }, LOCAL);
    if (r.ok) {
      setText('');
      setError(null);
    } else setError(t().errors.notSaved);
  };
  const markRead = (handoverId: string) => {
    const u = user();
    if (!u) return;
    for (const doc of handovers()?.docs ?? []) {
      if (readHandovers(doc).some((h) => h.id === handoverId)) markHandoverRead(doc, handoverId, u.id, new Date().toISOString(), LOCAL);
    }
  };

  return (
    <article aria-labelledby="brukare-title">
      <A href="/" class="back-link">
        ‹ {f().visit.back}
      </A>
      <Show when={profile()} fallback={<p>{t().day.loading}</p>}>
        {(b) => (
          <>
            <h1 id="brukare-title">{f().readUp.title(b().name)}</h1>
            <DoorInfo brukare={b()} />
            <SignOffSettingsForm brukare={b()} canEdit={user()?.role === 'scheduler'} />
            <RecipientCardForm brukare={b()} canEdit={user()?.role === 'scheduler'} />
            <Show when={user()?.role === 'scheduler' || user()?.role === 'admin'}>
              <AccessLog brukareId={b().id} />
            </Show>

            <section aria-labelledby="handover-title">
              <h2 id="handover-title">{f().readUp.handovers}</h2>
              <Show when={(handovers()?.list ?? []).length > 0} fallback={<p>{f().readUp.noHandovers}</p>}>
                <ul class="journal-list">
                  <For each={handovers()?.list ?? []}>
                    {(h) => {
                      const readByMe = () => !!h.readBy[user()?.id ?? ''];
                      return (
                        <li class="journal-entry" data-testid="handover">
                          <p class="meta">
                            {h.authorName} · {dateTimeOf(h.at, today)} · {f().readUp.readBy(Object.keys(h.readBy).length)}
                            <Show when={!readByMe()}>
                              {' '}
                              · <strong>{f().readUp.unread}</strong>
                            </Show>
                          </p>
                          <p class="text">{h.text}</p>
                          <Show when={!readByMe() && canWrite()}>
                            <button type="button" class="btn btn-quiet" onClick={() => markRead(h.id)}>
                              {f().readUp.markRead}
                            </button>
                          </Show>
                        </li>
                      );
                    }}
                  </For>
                </ul>
              </Show>
              <Show when={canWrite()}>
                <form onSubmit={send} class="panel" aria-labelledby="handover-form-title">
                  <h3 id="handover-form-title">{f().readUp.writeHandover}</h3>
                  <label for="handover-text">{f().readUp.handoverText}</label>
                  <textarea id="handover-text" data-testid="handover-text" rows={2} maxlength={HANDOVER_MAX_CHARS} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
                  <ErrorText message={error()} />
                  <button type="submit" class="btn" disabled={text().trim() === ''}>
                    {f().readUp.send}
                  </button>
                </form>
              </Show>
            </section>

            <CarePlanSection brukare={b()} canEdit={user()?.role === 'scheduler'} />

            <JournalSection brukareId={b().id} teamId={b().teamId} visitId="" lifeArea={undefined} canWrite={false} days={READ_UP_DAYS} />
          </>
        )}
      </Show>
    </article>
  );
}
