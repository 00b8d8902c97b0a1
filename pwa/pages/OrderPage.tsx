// A scheduler enters an order (beställning) by hand, as the municipality's
// systems would send it to POST /api/orders. Online only: the server makes the
// recipient and the draft care plan, and the devices sync them. The insats
// types come from GET /api/catalogue/insatser.
import { A } from '@solidjs/router';
import { For, Show, createResource, createSignal, type Accessor, type JSX, type Setter } from 'solid-js';
import { z } from 'zod/mini';
import { InvalidFieldsResponseSchema, OrderResponseSchema, localDate, type InsatsType } from '../../domain';
import { useApp } from '../app-context';
import { useLazyStrings } from '../i18n/lazy-strings';
import { ordersSv } from '../i18n/orders.sv';
import { ErrorText } from '../ui/ErrorText';
import { PlanningNav } from '../ui/PlanningNav';

const CatalogueSchema = z.object({ insatser: z.array(z.object({ id: z.string(), name: z.string() })) });

type Field<T> = [Accessor<T>, Setter<T>];
/** One insats row; its fields are signals, so typing never re-creates the row (and focus stays). */
type Row = { id: number; type: Field<InsatsType>; minutes: Field<string>; occasions: Field<string>; note: Field<string> };

let nextRowId = 0;
function newRow(type: InsatsType, minutes: string, occasions: string): Row {
  return { id: nextRowId++, type: createSignal(type), minutes: createSignal(minutes), occasions: createSignal(occasions), note: createSignal('') };
}

export default function OrderPage(): JSX.Element {
  const app = useApp();
  const s = useLazyStrings(ordersSv, () => import('../i18n/orders.en').then((m) => m.ordersEn));
  const teams = () => app.session()?.user.teamIds ?? [];
  const [catalogue] = createResource(async () => {
    const res = await app.api('/api/catalogue/insatser').catch(() => null);
    const parsed = res?.ok ? CatalogueSchema.safeParse(await res.json()) : null;
    return parsed?.success ? parsed.data.insatser : [];
  });
  const [orderId, setOrderId] = createSignal(`MAN-${localDate(new Date())}-${crypto.randomUUID().slice(0, 6)}`);
  const [teamId, setTeamId] = createSignal(teams()[0] ?? '');
  const [name, setName] = createSignal('');
  const [address, setAddress] = createSignal('');
  const [phone, setPhone] = createSignal('');
  const [language, setLanguage] = createSignal('');
  const [grantedFrom, setGrantedFrom] = createSignal(localDate(new Date()));
  const [grantedTo, setGrantedTo] = createSignal('');
  const [rows, setRows] = createSignal<Row[]>([newRow('morning_help', '30', '7')]);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [problems, setProblems] = createSignal<{ field: string; message: string }[]>([]);
  const [created, setCreated] = createSignal<string | null>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    setProblems([]);
    setCreated(null);
    if (!navigator.onLine) return setError(s().offline);
    const body = {
      orderId: orderId().trim(),
      teamId: teamId(),
      recipient: {
        name: name(),
        address: address(),
        ...(phone().trim() ? { phone: phone().trim() } : {}),
        ...(language().trim() ? { language: language().trim() } : {}),
      },
      grantedFrom: grantedFrom(),
      ...(grantedTo() ? { grantedTo: grantedTo() } : {}),
      insatser: rows().map((r) => ({
        type: r.type[0](),
        minutesPerOccasion: Number(r.minutes[0]()),
        occasionsPerWeek: Number(r.occasions[0]()),
        ...(r.note[0]().trim() ? { note: r.note[0]().trim() } : {}),
      })),
    };
    setBusy(true);
    try {
      const res = await app.api('/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json: unknown = await res.json().catch(() => null);
      if (res.status === 400) {
        const parsed = InvalidFieldsResponseSchema.safeParse(json);
        if (parsed.success) return setProblems(parsed.data.fields);
      }
      const ok = res.status === 201 ? OrderResponseSchema.safeParse(json) : null;
      if (!ok?.success) return setError(s().failed);
      setCreated(ok.data.recipientId);
      // This device syncs the new recipient right away (the team's others at their next look).
      app.refreshDocs();
    } catch {
      setError(s().offline);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article aria-labelledby="order-title" class="order-page">
      <PlanningNav />
      <h1 id="order-title">{s().title}</h1>
      <p>{s().intro}</p>
      <form onSubmit={submit} novalidate class="panel">
        <label for="order-id">{s().orderId}</label>
        <input id="order-id" value={orderId()} aria-describedby="order-id-hint" onInput={(e) => setOrderId(e.currentTarget.value)} />
        <p class="note" id="order-id-hint">
          {s().orderIdHint}
        </p>
        <label for="order-team">{s().team}</label>
        <select id="order-team" value={teamId()} onChange={(e) => setTeamId(e.currentTarget.value)}>
          <For each={teams()}>{(id) => <option value={id}>{id}</option>}</For>
        </select>
        <label for="order-name">{s().name}</label>
        <input id="order-name" autocomplete="off" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="order-address">{s().address}</label>
        <input id="order-address" autocomplete="off" value={address()} onInput={(e) => setAddress(e.currentTarget.value)} />
        <label for="order-phone">{s().phone}</label>
        <input id="order-phone" type="tel" autocomplete="off" value={phone()} onInput={(e) => setPhone(e.currentTarget.value)} />
        <label for="order-language">{s().language}</label>
        <input id="order-language" autocomplete="off" value={language()} onInput={(e) => setLanguage(e.currentTarget.value)} />
        <label for="order-from">{s().grantedFrom}</label>
        <input id="order-from" type="date" value={grantedFrom()} onInput={(e) => setGrantedFrom(e.currentTarget.value)} />
        <label for="order-to">{s().grantedTo}</label>
        <input id="order-to" type="date" value={grantedTo()} onInput={(e) => setGrantedTo(e.currentTarget.value)} />
        <fieldset>
          <legend>{s().insatser}</legend>
          <For each={rows()}>
            {(row, index) => {
              const i = row.id; // element ids stay unique when rows are added and removed
              return (
                <fieldset class="order-insats" data-testid="order-insats">
                  <legend>{s().insats(index() + 1)}</legend>
                  <label for={`insats-type-${i}`}>{s().type}</label>
                  <select id={`insats-type-${i}`} value={row.type[0]()} onChange={(e) => row.type[1](e.currentTarget.value as InsatsType)}>
                    <For each={catalogue() ?? []}>{(entry) => <option value={entry.id}>{entry.name}</option>}</For>
                  </select>
                  <label for={`insats-minutes-${i}`}>{s().minutes}</label>
                  <input id={`insats-minutes-${i}`} type="number" inputmode="numeric" min="5" max="480" value={row.minutes[0]()} onInput={(e) => row.minutes[1](e.currentTarget.value)} />
                  <label for={`insats-occasions-${i}`}>{s().occasions}</label>
                  <input id={`insats-occasions-${i}`} type="number" inputmode="numeric" min="1" max="42" value={row.occasions[0]()} onInput={(e) => row.occasions[1](e.currentTarget.value)} />
                  <label for={`insats-note-${i}`}>{s().note}</label>
                  <input id={`insats-note-${i}`} value={row.note[0]()} onInput={(e) => row.note[1](e.currentTarget.value)} />
                  <Show when={rows().length > 1}>
                    <button type="button" class="btn btn-quiet" onClick={() => setRows(rows().filter((r) => r !== row))}>
                      {s().removeInsats(index() + 1)}
                    </button>
                  </Show>
                </fieldset>
              );
            }}
          </For>
          <button type="button" class="btn" onClick={() => setRows([...rows(), newRow('lunch', '30', '7')])}>
            {s().addInsats}
          </button>
        </fieldset>
        <Show when={problems().length > 0}>
          <div role="alert" class="error" data-testid="order-problems">
            <p>{s().invalid}</p>
            <ul>
              <For each={problems()}>{(p) => <li>{`${p.field}: ${p.message}`}</li>}</For>
            </ul>
          </div>
        </Show>
        <ErrorText message={error()} />
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {busy() ? s().sending : s().submit}
        </button>
      </form>
      <Show when={created()}>
        {(id) => (
          <p role="status" data-testid="order-created">
            {s().created} <A href={`/brukare/${id()}`}>{s().openRecipient}</A>
          </p>
        )}
      </Show>
    </article>
  );
}
