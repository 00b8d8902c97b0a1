// Administration (admins only, online): users and devices with their access,
// revocation (which ends every session and wipes the devices), and the audit
// log's chain check and export.
import { A } from '@solidjs/router';
import { For, Show, createResource, createSignal, type JSX } from 'solid-js';
import { z } from 'zod/mini';
import { AdminDeviceSchema, AdminUserSchema, localDate } from '../../domain';
import { useApp } from '../app-context';
import { dateTimeOf } from '../format';
import { useLazyStrings } from '../i18n/lazy-strings';
import { securitySv } from '../i18n/security.sv';
import { ErrorText } from '../ui/ErrorText';
import { ScrollTable } from '../ui/ScrollTable';

const UsersSchema = z.object({ users: z.array(AdminUserSchema) });
const DevicesSchema = z.object({ devices: z.array(AdminDeviceSchema) });
const VerifySchema = z.union([
  z.object({ ok: z.literal(true), records: z.number() }),
  z.object({ ok: z.literal(false), records: z.number(), firstBrokenSeq: z.number(), reason: z.string() }),
]);

export default function AdminPage(): JSX.Element {
  const app = useApp();
  const s = useLazyStrings(securitySv, () => import('../i18n/security.en').then((m) => m.securityEn));
  const a = () => s().admin;
  const today = localDate(new Date());
  const [error, setError] = createSignal<string | null>(null);
  const [verdict, setVerdict] = createSignal<string | null>(null);

  const getJson = async <T,>(path: string, schema: z.ZodMiniType<T>): Promise<T | null> => {
    try {
      const res = await app.api(path);
      const parsed = res.ok ? schema.safeParse(await res.json()) : null;
      return parsed?.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  const [users, { refetch: refetchUsers }] = createResource(() => getJson('/api/admin/users', UsersSchema));
  const [devices, { refetch: refetchDevices }] = createResource(() => getJson('/api/admin/devices', DevicesSchema));

  const post = async (path: string, confirmText: string) => {
    if (!confirm(confirmText)) return;
    setError(null);
    try {
      const res = await app.api(path, { method: 'POST' });
      if (!res.ok) setError(a().failed);
    } catch {
      setError(a().offline);
    }
    void refetchUsers();
    void refetchDevices();
  };

  const verify = async () => {
    setVerdict(null);
    const result = await getJson('/api/audit/verify', VerifySchema);
    if (!result) return setError(a().failed);
    setVerdict(result.ok ? a().verifyOk(result.records) : a().verifyBroken(result.firstBrokenSeq, result.reason));
  };

  const exportLog = async () => {
    try {
      const res = await app.api('/api/audit/export');
      if (!res.ok) return setError(a().failed);
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `slinga-audit-log-${today}.ndjson`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setError(a().offline);
    }
  };

  return (
    <article aria-labelledby="admin-title" class="admin">
      <h1 id="admin-title">{a().title}</h1>
      <Show when={app.session()?.user.role === 'admin'} fallback={<p>{a().failed}</p>}>
        <ErrorText message={error()} />
        <p>
          <A href="/personal" class="link">
            {a().staffRegister}
          </A>
        </p>
        <section>
          <h2 id="admin-users">{a().users}</h2>
          <Show when={users()} fallback={<p>{navigator.onLine ? '…' : a().offline}</p>}>
            {(list) => (
              <ScrollTable labelledBy="admin-users" testId="admin-users" headings={[a().name, a().username, a().role, a().teams, a().status, { hidden: a().revoke }]}>
                <For each={list().users}>
                  {(u) => (
                    <tr>
                      <th scope="row">{u.name}</th>
                      <td>{u.username}</td>
                      <td>{u.role}</td>
                      <td>{u.teamIds.join(', ')}</td>
                      <td>{u.revokedAt ? a().revoked : a().active}</td>
                      <td>
                        <Show
                          when={u.revokedAt}
                          fallback={
                            <button type="button" class="btn" disabled={u.id === app.session()?.user.id} onClick={() => void post(`/api/admin/users/${u.id}/revoke`, a().confirmRevokeUser(u.name))}>
                              {a().revoke} <span class="sr-only">{u.name}</span>
                            </button>
                          }
                        >
                          <button type="button" class="btn" onClick={() => void post(`/api/admin/users/${u.id}/restore`, `${a().restore}: ${u.name}?`)}>
                            {a().restore} <span class="sr-only">{u.name}</span>
                          </button>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </ScrollTable>
            )}
          </Show>
        </section>
        <section>
          <h2 id="admin-devices">{a().devices}</h2>
          <Show when={devices()}>
            {(list) => (
              <ScrollTable labelledBy="admin-devices" testId="admin-devices" headings={[a().device, a().user, a().lastSeen, a().status, { hidden: a().revoke }]}>
                <For each={list().devices}>
                  {(d) => (
                    <tr data-device-id={d.id}>
                      <th scope="row">{d.id.slice(0, 12)}</th>
                      <td>{d.userName ?? '–'}</td>
                      <td>{d.lastSeenAt ? dateTimeOf(d.lastSeenAt, today) : a().never}</td>
                      <td>{d.revokedAt ? a().revoked : a().active}</td>
                      <td>
                        <Show when={!d.revokedAt}>
                          <button type="button" class="btn" onClick={() => void post(`/api/admin/devices/${d.id}/revoke`, a().confirmRevokeDevice)}>
                            {a().revoke} <span class="sr-only">{d.userName ?? d.id}</span>
                          </button>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </ScrollTable>
            )}
          </Show>
        </section>
        <section aria-labelledby="admin-audit">
          <h2 id="admin-audit">{a().auditTitle}</h2>
          <div class="form-actions">
            <button type="button" class="btn" onClick={() => void verify()}>
              {a().verify}
            </button>
            <button type="button" class="btn" onClick={() => void exportLog()}>
              {a().export}
            </button>
          </div>
          <Show when={verdict()}>
            <p role="status" data-testid="audit-verdict">
              {verdict()}
            </p>
          </Show>
        </section>
      </Show>
    </article>
  );
}
