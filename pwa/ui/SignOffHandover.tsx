// On the visit page: the recipient's sign-offs so far, and handing the tablet
// over for a new one. Handing over asks the caregiver for a 4-digit code that
// they need to take the tablet back (see sign-off/lock.ts).
import { useNavigate } from '@solidjs/router';
import { For, Show, createSignal, type JSX } from 'solid-js';
import { DEFAULT_SIGN_OFF_SETTINGS, signOffSummary, type Brukare, type Visit } from '../../domain';
import { timeOf } from '../format';
import { useFieldStrings } from '../i18n/field';
import { isValidCode, lockSignOff } from '../sign-off/lock';

export function SignOffHandover(props: { visit: Visit; brukare: Brukare | undefined; canHandOver: boolean }): JSX.Element {
  const fs = useFieldStrings();
  const navigate = useNavigate();
  const [asking, setAsking] = createSignal(false);
  const [code, setCode] = createSignal('');
  const settings = () => props.brukare?.signOff ?? DEFAULT_SIGN_OFF_SETTINGS;
  const titleOf = (insatsId: string) => props.visit.insatser.find((i) => i.id === insatsId)?.title ?? insatsId;
  const start = () => {
    const path = `/kvittens/${props.visit.date}/${props.visit.id}`;
    lockSignOff(path, code());
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
            <form
              class="panel"
              onSubmit={(e) => {
                e.preventDefault();
                if (isValidCode(code())) start();
              }}
            >
              <label for="sign-off-code">{fs().signOff.codeLabel}</label>
              <p class="note" id="sign-off-code-hint">
                {fs().signOff.codeHint}
              </p>
              <input
                id="sign-off-code"
                type="password"
                inputmode="numeric"
                autocomplete="off"
                pattern="[0-9]{4}"
                maxLength={4}
                aria-describedby="sign-off-code-hint"
                value={code()}
                onInput={(e) => setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 4))}
              />
              <div class="actions">
                <button type="submit" class="btn btn-primary" disabled={!isValidCode(code())}>
                  {fs().signOff.start}
                </button>
                <button type="button" class="btn btn-quiet" onClick={() => setAsking(false)}>
                  {fs().signOff.cancel}
                </button>
              </div>
            </form>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
