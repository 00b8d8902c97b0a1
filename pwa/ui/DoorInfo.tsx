// What is needed at the door: address, key/door info (hidden until asked for),
// allergies, risks and good-to-know facts.
import { Show, createSignal, type JSX } from 'solid-js';
import type { Brukare } from '../../domain';
import { useI18n } from '../i18n/i18n';

export function DoorInfo(props: { brukare: Brukare }): JSX.Element {
  const { t } = useI18n();
  const [showKey, setShowKey] = createSignal(false);
  return (
    <section class="door" aria-labelledby="door-title">
      <h2 id="door-title">{t().visit.atTheDoor}</h2>
      <dl>
        <dt>{t().visit.address}</dt>
        <dd>{props.brukare.address}</dd>
        <dt>{t().visit.keyInfo}</dt>
        <dd>
          <button type="button" class="btn" aria-expanded={showKey()} aria-controls="key-info" onClick={() => setShowKey(!showKey())}>
            {showKey() ? t().visit.hideKeyInfo : t().visit.showKeyInfo}
          </button>
          <Show when={showKey()}>
            <p id="key-info" data-testid="key-info">
              {props.brukare.keyInfo}
            </p>
          </Show>
        </dd>
        <dt>{t().visit.allergies}</dt>
        <dd>{props.brukare.allergies.length > 0 ? props.brukare.allergies.join(', ') : t().visit.none}</dd>
        <dt>{t().visit.risks}</dt>
        <dd>{props.brukare.risks.length > 0 ? props.brukare.risks.join(', ') : t().visit.none}</dd>
        <Show when={props.brukare.goodToKnow.length > 0}>
          <dt>{t().visit.goodToKnow}</dt>
          <dd>{props.brukare.goodToKnow.join(', ')}</dd>
        </Show>
      </dl>
    </section>
  );
}
