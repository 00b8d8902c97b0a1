// What is needed at the door: address, key/door info (hidden until asked for),
// allergies, risks and good-to-know facts.
import { Show, createSignal, type JSX } from 'solid-js';
import type { Brukare } from '../../domain';
import { useFieldStrings } from '../i18n/field';
import { useApp } from '../app-context';

export function DoorInfo(props: { brukare: Brukare }): JSX.Element {
  const f = useFieldStrings();
  const app = useApp();
  const [showKey, setShowKey] = createSignal(false);
  const toggle = () => {
    const show = !showKey();
    // Every reveal of key and door info goes into the audit log.
    if (show) app.recordRead('door_info_revealed', props.brukare.id);
    setShowKey(show);
  };
  return (
    <section class="door" aria-labelledby="door-title">
      <h2 id="door-title">{f().visit.atTheDoor}</h2>
      <dl>
        <dt>{f().visit.address}</dt>
        <dd>{props.brukare.address}</dd>
        <dt>{f().visit.keyInfo}</dt>
        <dd>
          <button type="button" class="btn" aria-expanded={showKey()} aria-controls="key-info" onClick={toggle}>
            {showKey() ? f().visit.hideKeyInfo : f().visit.showKeyInfo}
          </button>
          <Show when={showKey()}>
            <p id="key-info" data-testid="key-info">
              {props.brukare.keyInfo}
            </p>
          </Show>
        </dd>
        <dt>{f().visit.allergies}</dt>
        <dd>{props.brukare.allergies.length > 0 ? props.brukare.allergies.join(', ') : f().visit.none}</dd>
        <dt>{f().visit.risks}</dt>
        <dd>{props.brukare.risks.length > 0 ? props.brukare.risks.join(', ') : f().visit.none}</dd>
        <Show when={props.brukare.goodToKnow.length > 0}>
          <dt>{f().visit.goodToKnow}</dt>
          <dd>{props.brukare.goodToKnow.join(', ')}</dd>
        </Show>
      </dl>
    </section>
  );
}
