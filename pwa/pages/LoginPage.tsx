// Sign-in with username and password, online once per device. With `relogin`,
// the same user signs in again after the token expired; local data stays.
import { Show, createSignal, type JSX } from 'solid-js';
import { LoginResponseSchema } from '../../domain';
import { PendingChangesError, useApp } from '../app-context';
import { useLazyStrings } from '../i18n/lazy-strings';
import { loginSv } from '../i18n/login.sv';
import { ErrorText } from '../ui/ErrorText';
import { WIPE_REASON_KEY } from '../security/device-wipe';

type WipedReason = 'pin_attempts' | 'revoked' | 'offline_too_long';

export function LoginPage(props: { relogin?: boolean }): JSX.Element {
  const app = useApp();
  const l = useLazyStrings(loginSv, () => import('../i18n/login.en').then((m) => m.loginEn));
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  // Why the device was wiped, when it was (shown once, on the first sign-in screen after it).
  const wiped = (): WipedReason | null => {
    const reason = sessionStorage.getItem(WIPE_REASON_KEY);
    return reason === 'pin_attempts' || reason === 'revoked' || reason === 'offline_too_long' ? reason : null;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    if (!navigator.onLine) return setError(l().offline);
    setBusy(true);
    try {
      const deviceId = app.session()?.deviceId;
      const res = await fetch('/api/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: username().trim(), password: password(), ...(deviceId ? { deviceId } : {}) }),
      });
      if (res.status === 401) return setError(l().wrong);
      if (res.status === 429) {
        const minutes = Math.max(1, Math.ceil(Number(res.headers.get('retry-after') ?? '60') / 60));
        return setError(l().locked(minutes));
      }
      if (res.status === 403) return setError(l().blocked);
      if (!res.ok) return setError(l().failed);
      const parsed = LoginResponseSchema.safeParse(await res.json());
      if (!parsed.success) return setError(l().failed);
      await app.signedIn(parsed.data);
    } catch (err) {
      setError(err instanceof PendingChangesError ? l().otherUserPending : l().offline);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="login" aria-labelledby="login-title">
      <h1 id="login-title">{l().title}</h1>
      <Show when={wiped()}>{(reason) => <p class="notice" role="status">{l().wiped[reason()]}</p>}</Show>
      <p>{props.relogin ? l().again : l().intro}</p>
      <form onSubmit={submit} novalidate>
        <label for="username">{l().username}</label>
        <input
          id="username"
          name="username"
          autocomplete="username"
          autocapitalize="none"
          required
          value={username()}
          onInput={(e) => setUsername(e.currentTarget.value)}
        />
        <label for="password">{l().password}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <ErrorText message={error()} />
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {busy() ? l().busy : l().submit}
        </button>
      </form>
    </section>
  );
}
