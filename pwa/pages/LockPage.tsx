// The PIN screens: choosing a personal PIN after signing in, and unlocking the
// locked app (offline too). Too many wrong PINs wipe the device. "Sign in as
// someone else" opens the sign-in form; the previous user's data is wiped when
// another person signs in (main.tsx, signedIn).
import { Show, createSignal, onMount, type JSX } from 'solid-js';
import { useApp } from '../app-context';
import { useLazyStrings } from '../i18n/lazy-strings';
import { securitySv } from '../i18n/security.sv';
import { unlocked } from '../security/app-lock';
import { takeSignInEscrow } from '../security/data-key';
import { attemptsLeft, checkPin, isValidPin, setPin } from '../security/pin';
import { ErrorText } from '../ui/ErrorText';
import { LoginPage } from './LoginPage';

const loadEn = () => import('../i18n/security.en').then((m) => m.securityEn);

export default function LockPage(props: { mode: 'setup' | 'locked' }): JSX.Element {
  const app = useApp();
  const s = useLazyStrings(securitySv, loadEn);
  const [pin, setPinValue] = createSignal('');
  const [again, setAgain] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [switching, setSwitching] = createSignal(false);
  let pinInput: HTMLInputElement | undefined;

  onMount(() => pinInput?.focus());

  const choose = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    if (!isValidPin(pin())) return setError(s().pinInvalid);
    if (pin() !== again()) return setError(s().pinMismatch);
    const session = app.session();
    if (!session) return;
    setBusy(true);
    try {
      await setPin(app.db, session.user.id, pin(), session.deviceSecret, takeSignInEscrow());
      unlocked();
    } catch (err) {
      app.reportError(err);
      setError(s().admin.failed);
    } finally {
      setBusy(false);
    }
  };

  const unlock = async (event: SubmitEvent) => {
    event.preventDefault();
    const session = app.session();
    if (!session || busy()) return;
    setError(null);
    setBusy(true);
    try {
      const max = session.policy.maxPinAttempts;
      const result = await checkPin(app.db, pin(), max, session.deviceSecret);
      if (result.ok) return unlocked();
      setPinValue('');
      if (result.attemptsLeft <= 0) return app.wipe('pin_attempts');
      setError(s().wrongPin(result.attemptsLeft));
      pinInput?.focus();
    } catch (err) {
      app.reportError(err);
      setError(s().admin.failed);
    } finally {
      setBusy(false);
    }
  };

  onMount(() => {
    const session = app.session();
    if (props.mode !== 'locked' || !session) return;
    // Attempts already used (before a reload) are shown at once.
    void attemptsLeft(app.db, session.policy.maxPinAttempts).then((left) => {
      if (left < session.policy.maxPinAttempts && left > 0) setError(s().wrongPin(left));
    });
  });

  return (
    <Show when={!(switching() && props.mode === 'locked')} fallback={<LoginPage />}>
      <section class="login lock" aria-labelledby="lock-title" data-testid={props.mode === 'setup' ? 'pin-setup' : 'pin-lock'}>
        <Show
          when={props.mode === 'locked'}
          fallback={
            <>
              <h1 id="lock-title">{s().setupTitle}</h1>
              <p>{s().setupIntro}</p>
              <form onSubmit={choose} novalidate>
                <PinField id="pin-new" label={s().pin} autocomplete="new-password" value={pin()} onValue={setPinValue} ref={(el) => (pinInput = el)} />
                <PinField id="pin-again" label={s().pinAgain} autocomplete="new-password" value={again()} onValue={setAgain} />
                <ErrorText message={error()} />
                <button type="submit" class="btn btn-primary" disabled={busy()}>
                  {s().save}
                </button>
              </form>
            </>
          }
        >
          <h1 id="lock-title">{s().lockedTitle}</h1>
          <p>{s().lockedIntro(app.session()?.user.name ?? '')}</p>
          <form onSubmit={unlock} novalidate>
            <PinField id="pin-unlock" label={s().pin} autocomplete="off" value={pin()} onValue={setPinValue} ref={(el) => (pinInput = el)} />
            <ErrorText message={error()} />
            <button type="submit" class="btn btn-primary" disabled={busy() || pin().length < 4}>
              {busy() ? s().checking : s().unlock}
            </button>
          </form>
          <p class="note">{s().switchUserNote}</p>
          <button type="button" class="btn" onClick={() => setSwitching(true)}>
            {s().switchUser}
          </button>
        </Show>
      </section>
    </Show>
  );
}

/** A labelled PIN field: digits only, at most six, hidden, with the numeric keyboard. */
function PinField(props: { id: string; label: string; autocomplete: string; value: string; onValue(value: string): void; ref?: (el: HTMLInputElement) => void }): JSX.Element {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        ref={(el) => props.ref?.(el)}
        type="password"
        inputmode="numeric"
        autocomplete={props.autocomplete}
        maxlength="6"
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
      />
    </>
  );
}
