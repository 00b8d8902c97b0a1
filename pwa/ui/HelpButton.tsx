// "Ask for help now": a clearly marked button that sends an urgent request to
// the team's schedulers with the visit and recipient attached. Offline it is
// queued, and the caregiver sees plainly that it has not been delivered yet,
// and when it has (the server's ack covers it).
import { Show, createEffect, createSignal, type JSX } from 'solid-js';
import { helpRequestItemId, localDate, messagesDocName, monthOf, readHelpRequests, requestHelp } from '../../domain';
import { useApp } from '../app-context';
import { timeOf } from '../format';
import { useFieldStrings } from '../i18n/field';
import { isInsertConfirmed } from '../storage/pending-repo';
import { createDocView } from '../sync/create-doc-view';
import { LOCAL } from '../sync/origins';

export function HelpButton(props: { teamId: string; brukareId?: string; visitId?: string }): JSX.Element {
  const app = useApp();
  const f = useFieldStrings();
  const docName = messagesDocName(props.teamId, monthOf(localDate(new Date())));
  const [asking, setAsking] = createSignal(false);
  const [requestId, setRequestId] = createSignal<string | null>(null);
  const [delivered, setDelivered] = createSignal(false);
  const requests = createDocView(app.hub, () => [docName], (docs) => ({ doc: docs[0], list: docs[0] ? readHelpRequests(docs[0]) : [] }));
  const mine = () => requests()?.list.find((r) => r.id === requestId());

  // Delivered = the server acknowledged holding the request's Yjs item. Every
  // ack moves lastSyncedAt, so checking again then is enough.
  createEffect(() => {
    const id = requestId();
    const doc = requests()?.doc;
    app.status.lastSyncedAt();
    const item = id && doc ? helpRequestItemId(doc, id) : undefined;
    if (item) isInsertConfirmed(app.db, docName, item[0], item[1]).then(setDelivered, app.reportError);
  });

  // Focus follows the dialog: to "send" when it opens, back to the button when it closes.
  let helpButton: HTMLButtonElement | undefined;
  const backToButton = () => queueMicrotask(() => helpButton?.focus());
  const cancel = () => {
    setAsking(false);
    backToButton();
  };

  const send = () => {
    const doc = requests()?.doc;
    const u = app.session()?.user;
    if (!doc || !u) return;
    const id = crypto.randomUUID();
    const r = requestHelp(
      doc,
      {
        id,
        staffId: u.id,
        staffName: u.name,
        at: new Date().toISOString(),
        ...(props.brukareId ? { brukareId: props.brukareId } : {}),
        ...(props.visitId ? { visitId: props.visitId } : {}),
      },
      LOCAL,
    );
    if (r.ok) {
      setRequestId(id);
      setDelivered(false);
    }
    setAsking(false);
    backToButton();
  };

  return (
    <div class="help">
      <Show
        when={asking()}
        fallback={
          <button type="button" class="btn btn-danger" ref={(el) => (helpButton = el)} onClick={() => setAsking(true)}>
            {f().help.button}
          </button>
        }
      >
        <div class="panel" role="group" aria-label={f().help.button}>
          <p>{f().help.confirm}</p>
          <div class="actions">
            <button type="button" class="btn btn-danger" ref={(el) => queueMicrotask(() => el.focus())} onClick={send}>
              {f().help.send}
            </button>
            <button type="button" class="btn" onClick={cancel}>
              {f().help.cancel}
            </button>
          </div>
        </div>
      </Show>
      <Show when={mine()}>
        {(request) => (
          <p class={delivered() ? 'ok' : 'warn'} role="status" data-testid="help-status" data-delivered={delivered()}>
            {delivered() ? f().help.delivered(timeOf(request().at)) : f().help.pending}
            <Show when={request().acknowledged}>{(ack) => <> {f().help.acknowledged(timeOf(ack().at))}</>}</Show>
          </p>
        )}
      </Show>
    </div>
  );
}
