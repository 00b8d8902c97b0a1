// "Avsluta insatser": a scheduler ends the recipient's service (moved,
// deceased, residential care) from a date, in two steps (choose, then
// confirm), or undoes an ending while the devices still hold the recipient.
// Online only: the server writes the end into the recipient's doc, cancels the
// visits planned from that day and records it in the directory and the audit
// log; the doc change reaches this page through sync.
import { For, Show, createSignal, type Accessor, type JSX } from 'solid-js';
import { InvalidFieldsResponseSchema, SERVICE_END_REASONS, localDate, type Brukare, type ServiceEndReason } from '../../domain';
import { useApp } from '../app-context';
import type { CardStrings } from '../i18n/card.sv';
import { ErrorText } from './ErrorText';


type Step = 'idle' | 'choose' | 'confirm';

export function EndServiceSection(props: { brukare: Brukare; strings: Accessor<CardStrings> }): JSX.Element {
  const app = useApp();
  const e = () => props.strings().end;
  const [step, setStep] = createSignal<Step>('idle');
  const [reason, setReason] = createSignal<ServiceEndReason>('moved');
  const [on, setOn] = createSignal(localDate(new Date()));
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal<string | null>(null);
  let focusNext: HTMLElement | undefined;
  const go = (next: Step) => {
    setError(null);
    setStep(next);
    queueMicrotask(() => focusNext?.focus());
  };

  const post = async (path: string, body: unknown): Promise<Response | null> => {
    setError(null);
    setStatus(null);
    if (!navigator.onLine) {
      setError(e().offline);
      return null;
    }
    setBusy(true);
    try {
      return await app.api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    } catch {
      setError(e().offline);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const end = async () => {
    const res = await post(`/api/recipients/${props.brukare.id}/end`, { reason: reason(), on: on() });
    if (!res) return;
    if (res.ok) {
      setStep('idle');
      setStatus(e().done);
      return;
    }
    const invalid = res.status === 400 ? InvalidFieldsResponseSchema.safeParse(await res.json().catch(() => null)) : null;
    setError(invalid?.success ? invalid.data.fields.map((f) => `${f.field}: ${f.message}`).join('; ') : e().failed);
  };
  const resume = async () => {
    const res = await post(`/api/recipients/${props.brukare.id}/resume`, {});
    if (!res) return;
    if (res.ok) setStatus(e().resumed);
    else setError(res.status === 409 ? e().tooLate : e().failed);
  };

  return (
    <section aria-labelledby="end-service-title" data-testid="end-service">
      <h2 id="end-service-title">{e().title}</h2>
      <Show
        when={props.brukare.serviceEnded}
        fallback={
          <>
            <p>{e().intro}</p>
            <Show when={step() === 'idle'}>
              <button type="button" class="btn" onClick={() => go('choose')}>
                {e().start}
              </button>
            </Show>
            <Show when={step() === 'choose'}>
              <div class="panel">
                <label for="end-reason">{e().reason}</label>
                <div>
                  <select id="end-reason" ref={(el) => (focusNext = el)} onChange={(ev) => setReason(ev.currentTarget.value as ServiceEndReason)}>
                    <For each={SERVICE_END_REASONS}>
                      {(r) => (
                        <option value={r} selected={reason() === r}>
                          {e().reasons[r]}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
                <label for="end-on">{e().on}</label>
                <input id="end-on" type="date" value={on()} onInput={(ev) => setOn(ev.currentTarget.value)} />
                <div class="actions">
                  <button type="button" class="btn" disabled={on() === ''} onClick={() => go('confirm')}>
                    {e().next}
                  </button>
                  <button type="button" class="btn btn-quiet" onClick={() => go('idle')}>
                    {e().back}
                  </button>
                </div>
              </div>
            </Show>
            <Show when={step() === 'confirm'}>
              <div class="panel" role="group" aria-labelledby="end-confirm-text">
                <p id="end-confirm-text" tabindex="-1" ref={(el) => (focusNext = el)}>
                  <strong>{e().confirm(props.brukare.name, on())}</strong> ({e().reasons[reason()]})
                </p>
                <div class="actions">
                  <button type="button" class="btn btn-danger" disabled={busy()} onClick={() => void end()}>
                    {busy() ? e().sending : e().confirmYes}
                  </button>
                  <button type="button" class="btn" onClick={() => go('idle')}>
                    {e().back}
                  </button>
                </div>
              </div>
            </Show>
          </>
        }
      >
        {(ended) => (
          <>
            <p>
              <strong>{e().ended(ended().on, e().reasons[ended().reason])}</strong>
            </p>
            <p>{e().retention}</p>
            <button type="button" class="btn" disabled={busy()} onClick={() => void resume()}>
              {busy() ? e().sending : e().resume}
            </button>
          </>
        )}
      </Show>
      <ErrorText message={error()} />
      <p role="status" data-testid="end-service-status">
        {status()}
      </p>
    </section>
  );
}
