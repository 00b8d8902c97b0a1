// "Who has looked at this recipient, and when": for admins and the recipient's
// team leads (schedulers), fetched from the server's audit log when asked for.
import { For, Show, createSignal, type JSX } from 'solid-js';
import { RecipientAccessResponseSchema, localDate, type RecipientAccess } from '../../domain';
import { useApp } from '../app-context';
import { dateTimeOf } from '../format';
import { useLazyStrings } from '../i18n/lazy-strings';
import { securitySv } from '../i18n/security.sv';
import { ErrorText } from './ErrorText';
import { ScrollTable } from './ScrollTable';

export function AccessLog(props: { brukareId: string }): JSX.Element {
  const app = useApp();
  const s = useLazyStrings(securitySv, () => import('../i18n/security.en').then((m) => m.securityEn));
  const [entries, setEntries] = createSignal<RecipientAccess[] | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const today = localDate(new Date());

  const load = async () => {
    setError(null);
    if (!navigator.onLine) return setError(s().readLog.offline);
    setBusy(true);
    try {
      const res = await app.api(`/api/audit/brukare/${encodeURIComponent(props.brukareId)}`);
      const parsed = res.ok ? RecipientAccessResponseSchema.safeParse(await res.json()) : null;
      if (!parsed?.success) return setError(s().admin.failed);
      setEntries(parsed.data.entries);
    } catch {
      setError(s().readLog.offline);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="access-log">
      <h2 id="access-log-title">{s().readLog.title}</h2>
      <button type="button" class="btn" onClick={() => void load()} disabled={busy()}>
        {s().readLog.show}
      </button>
      <ErrorText message={error()} />
      <Show when={entries()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p>{s().readLog.none}</p>}>
            <ScrollTable labelledBy="access-log-title" testId="access-log" headings={[s().readLog.when, s().readLog.who, s().readLog.what, s().readLog.deviceTime]}>
              <For each={list()}>
                {(e) => (
                  <tr>
                    <td>{dateTimeOf(e.at, today)}</td>
                    <td>{e.actorName ?? '–'}</td>
                    <td>{s().readLog.actions[e.action] ?? e.action}</td>
                    <td>{e.deviceAt ? dateTimeOf(e.deviceAt, today) : '–'}</td>
                  </tr>
                )}
              </For>
            </ScrollTable>
          </Show>
        )}
      </Show>
    </section>
  );
}
