// On the visit page: the recipient's sign-offs so far, and handing the tablet
// over for a new one. Taking it back locks the app: the caregiver's personal
// PIN opens it (see sign-off/lock.ts).
import { useNavigate } from '@solidjs/router';
import { For, Show, createSignal, type JSX } from 'solid-js';
import { DEFAULT_SIGN_OFF_SETTINGS, signOffSummary, type Brukare, type Visit } from '../../domain';
import { timeOf } from '../format';
import { useFieldStrings } from '../i18n/field';
import { lockSignOff } from '../sign-off/lock';

export function SignOffHandover(props: { visit: Visit; brukare: Brukare | undefined; canHandOver: boolean }): JSX.Element {
  const fs = useFieldStrings();
  const navigate = useNavigate();
  const [asking, setAsking] = createSignal(false);
  const settings = () => props.brukare?.signOff ?? DEFAULT_SIGN_OFF_SETTINGS;
  const titleOf = (insatsId: string) => props.visit.insatser.find((i) => i.id === insatsId)?.title ?? insatsId;
  const start = () => {
    const path = `/kvittens/${props.visit.date}/${props.visit.id}`;
    lockSignOff(path);
    navigate(path);
  };
  return (
    <section aria-labelledby="sign-off-title" class="sign-off-handover">
      <h2 id="sign-off-title">{fs().signOff.title}</h2>
      <Show when={(props.visit.signOffs ?? []).length > 0} fallback={<p class="note">{fs().signOff.none}</p>}>
        <ul data-testid="sign-offs">
          <For each={props.visit.signOffs}>{(s) => <li data-outcome={s.outcome}>{fs().signOff.given(timeOf(s.at), signOffSummary(s, titleOf))}</li>}</For>
        </ul>
      </Show>
      <Show when={settings().digital} fallback={<p data-testid="no-digital-sign-off">{fs().signOff.notDigital}</p>}>
        <Show when={props.canHandOver}>
          <Show
            when={asking()}
            fallback={
              <button type="button" class="btn" onClick={() => setAsking(true)}>
                {fs().signOff.handOver}
              </button>
            }
          >
            <div class="panel">
              <p class="note">{fs().signOff.handOverNote}</p>
              <div class="actions">
                <button type="button" class="btn btn-primary" onClick={start}>
                  {fs().signOff.start}
                </button>
                <button type="button" class="btn btn-quiet" onClick={() => setAsking(false)}>
                  {fs().signOff.cancel}
                </button>
              </div>
            </div>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
