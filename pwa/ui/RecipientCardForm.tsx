// The recipient's card on the read-up page: phone, the kontaktman, language and
// communication needs, relatives with their roles, and who is who around the
// recipient (needs assessor, district nurse …), with who changed it last. The
// whole team reads it, offline too (it is the brukare doc on the device); the
// team's schedulers edit it (RecipientCardEditor) and end the recipient's
// service (EndServiceSection). Allergies, risks and the key info are shown by
// DoorInfo, the key only on demand and logged.
import { For, Show, createResource, createSignal, type JSX } from 'solid-js';
import { brukareDocName, lastCardChange, localDate, type Brukare } from '../../domain';
import { useApp } from '../app-context';
import { dateTimeOf } from '../format';
import { cardSv } from '../i18n/card.sv';
import { useLazyStrings } from '../i18n/lazy-strings';
import { loadTeamStaff } from '../storage/staff-repo';
import { createDocView } from '../sync/create-doc-view';
import { EndServiceSection } from './EndServiceSection';
import { RecipientCardEditor } from './RecipientCardEditor';

/** A phone number as a tel: link target (digits and a leading +). */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function RecipientCardForm(props: { brukare: Brukare; canEdit: boolean }): JSX.Element {
  const app = useApp();
  const s = useLazyStrings(cardSv, () => import('../i18n/card.en').then((m) => m.cardEn));
  // The team's staff, from the device's copy when offline (the day page keeps it).
  const [staff] = createResource(
    () => props.brukare.teamId,
    (team) => loadTeamStaff(app.db, app.api, team),
  );
  const last = createDocView(app.hub, () => [brukareDocName(props.brukare.id)], (docs) => (docs[0] ? lastCardChange(docs[0]) : undefined));
  const today = localDate(new Date());
  const [editing, setEditing] = createSignal(false);
  const [status, setStatus] = createSignal<string | null>(null);
  let editButton: HTMLButtonElement | undefined;

  const kontaktman = () => {
    const id = props.brukare.kontaktmanId;
    if (!id) return s().noKontaktman;
    return staff()?.find((m) => m.id === id)?.name ?? s().unknownStaff;
  };
  const done = (message: string | null) => {
    setEditing(false);
    setStatus(message);
    queueMicrotask(() => editButton?.focus());
  };

  return (
    <>
      <section aria-labelledby="card-title" data-testid="recipient-card">
        <h2 id="card-title">{s().title}</h2>
        <Show when={props.brukare.serviceEnded}>
          {(ended) => (
            <p data-testid="service-ended">
              <strong>{s().end.ended(ended().on, s().end.reasons[ended().reason])}</strong>
            </p>
          )}
        </Show>
        <p class="note" data-testid="card-last-changed">
          <Show when={last()} fallback={s().neverChanged}>
            {(change) => s().lastChanged(change().byName, dateTimeOf(change().at, today))}
          </Show>
        </p>
        <Show
          when={!editing()}
          fallback={<RecipientCardEditor brukare={props.brukare} strings={s} staff={() => staff() ?? []} onDone={done} />}
        >
          <dl>
            <dt>{s().phone}</dt>
            <dd>
              <Show when={props.brukare.phone.trim()} fallback={s().none}>
                {(phone) => (
                  <a class="link" href={telHref(phone())}>
                    {phone()}
                  </a>
                )}
              </Show>
            </dd>
            <dt>{s().kontaktman}</dt>
            <dd data-testid="card-kontaktman">{kontaktman()}</dd>
            <dt>{s().language}</dt>
            <dd>{props.brukare.language}</dd>
            <dt>{s().communicationNeeds}</dt>
            <dd>{props.brukare.communicationNeeds.length > 0 ? props.brukare.communicationNeeds.join(', ') : s().none}</dd>
          </dl>
          <p class="note">
            <a class="link" href="#sign-off-settings-title">
              {s().signOffLink}
            </a>
          </p>

          <h3 id="card-contacts-title">{s().contacts}</h3>
          <Show when={props.brukare.contacts.length > 0} fallback={<p>{s().noContacts}</p>}>
            <ul data-testid="card-contacts" aria-labelledby="card-contacts-title">
              <For each={props.brukare.contacts}>
                {(c) => (
                  <li>
                    <strong>{c.name}</strong>
                    <Show when={c.relation.trim()}> ({c.relation})</Show>
                    <Show when={(c.roles ?? []).length > 0}> · {(c.roles ?? []).map((r) => s().contactRoles[r]).join(', ')}</Show>
                    <Show when={c.phone.trim()}>
                      {' · '}
                      <a class="link" href={telHref(c.phone)}>
                        {c.phone}
                      </a>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>

          <h3 id="card-who-title">{s().whoIsWho}</h3>
          <Show when={(props.brukare.whoIsWho ?? []).length > 0} fallback={<p>{s().noWhoIsWho}</p>}>
            <ul data-testid="card-who-is-who" aria-labelledby="card-who-title">
              <For each={props.brukare.whoIsWho ?? []}>
                {(p) => (
                  <li>
                    {s().whoIsWhoRoles[p.role]}: <strong>{p.name}</strong>
                    <Show when={p.detail?.trim()}> ({p.detail})</Show>
                    <Show when={p.phone?.trim()}>
                      {(phone) => (
                        <>
                          {' · '}
                          <a class="link" href={telHref(phone())}>
                            {phone()}
                          </a>
                        </>
                      )}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>

          <Show when={props.canEdit}>
            <button
              ref={editButton}
              type="button"
              class="btn"
              onClick={() => {
                setStatus(null);
                setEditing(true);
              }}
            >
              {s().edit}
            </button>
          </Show>
          <p role="status" data-testid="card-status">
            {status()}
          </p>
        </Show>
      </section>
      <Show when={props.canEdit}>
        <EndServiceSection brukare={props.brukare} strings={s} />
      </Show>
    </>
  );
}
