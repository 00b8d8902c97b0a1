// Sign-in with username and password, online once per device. With `relogin`,
// the same user signs in again after the token expired; local data stays.
import { Show, createSignal, type JSX } from 'solid-js';
import { LoginResponseSchema } from '../../domain';
import { PendingChangesError, useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { useLazyStrings } from '../i18n/lazy-strings';
import { loginSv } from '../i18n/login.sv';
import { ErrorText } from '../ui/ErrorText';

export function LoginPage(props: { relogin?: boolean }): JSX.Element {
  const app = useApp();
  const { t } = useI18n();
  const l = useLazyStrings(loginSv, () => import('../i18n/login.en').then((m) => m.loginEn));
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    if (!navigator.onLine) return setError(l().offline);
    setBusy(true);
    try {
      const res = await fetch('/api/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: username().trim(), password: password() }),
      });
      if (res.status === 401) return setError(l().wrong);
      if (!res.ok) return setError(l().failed);
      const parsed = LoginResponseSchema.safeParse(await res.json());
      if (!parsed.success) return setError(l().failed);
      const { token, expiresAt, user } = parsed.data;
      await app.signedIn({ token, expiresAt, user });
    } catch (err) {
      setError(err instanceof PendingChangesError ? l().otherUserPending : l().offline);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="login" aria-labelledby="login-title">
      <h1 id="login-title">{l().title}</h1>
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
