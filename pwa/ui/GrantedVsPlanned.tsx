// Granted and planned time side by side, per recipient who came in with an
// order: the minutes a week the order grants, what the care plan adds up to,
// and what the week's plan holds, flagged where they drift apart. Read from
// the recipients' docs and the week's plan on the device (offline too).
import { A } from '@solidjs/router';
import { For, Show, createMemo, createResource, type Accessor, type JSX } from 'solid-js';
import { drifts, grantedWeeklyMinutes, plannedMinutesPerRecipient, readBrukare, readGrant, weeklyMinutes, type Visit } from '../../domain';
import { useApp } from '../app-context';
import type { WeekStrings } from '../i18n/week.sv';
import { loadBrukareDocNames } from '../storage/brukare-doc-list';
import { createDocView } from '../sync/create-doc-view';
import { ScrollTable } from './ScrollTable';

type Row = { id: string; name: string; granted: number; carePlan: number; planned: number };

export function GrantedVsPlanned(props: { teamId: string; visits: Accessor<Visit[] | undefined>; strings: Accessor<WeekStrings> }): JSX.Element {
  const app = useApp();
  const w = () => props.strings().grant;
  const [names] = createResource(
    () => props.teamId,
    () => loadBrukareDocNames(app.db),
    { initialValue: [] },
  );
  const recipients = createDocView(app.hub, () => names() ?? [], (docs) =>
    docs.flatMap((doc) => {
      const grant = readGrant(doc);
      const b = readBrukare(doc);
      // An ended service is no longer planned: nothing to compare.
      if (!grant || !b.ok || b.value.teamId !== props.teamId || b.value.serviceEnded) return [];
      return [{ id: b.value.id, name: b.value.name, granted: grantedWeeklyMinutes(grant.insatser), carePlan: b.value.carePlan.reduce((sum, i) => sum + weeklyMinutes(i), 0) }];
    }),
  );
  const rows = createMemo((): Row[] => {
    const planned = plannedMinutesPerRecipient(props.visits() ?? []);
    return (recipients() ?? []).map((r) => ({ ...r, planned: planned.get(r.id) ?? 0 })).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  });

  return (
    <section class="granted-vs-planned" data-testid="granted-vs-planned">
      <h2 id="grant-title">{w().title}</h2>
      <p class="note">{w().intro}</p>
      <Show when={rows().length > 0} fallback={<p>{w().none}</p>}>
        <ScrollTable labelledBy="grant-title" headings={[w().recipient, w().granted, w().carePlan, w().planned, { hidden: w().drift }]}>
          <For each={rows()}>
            {(r) => {
              const off = () => drifts(r.planned, r.granted) || drifts(r.carePlan, r.granted);
              return (
                <tr data-recipient-id={r.id} data-drift={off() ? 'true' : 'false'}>
                  <th scope="row">
                    <A href={`/brukare/${r.id}`}>{r.name}</A>
                  </th>
                  <td>{w().minutes(r.granted)}</td>
                  <td>{w().minutes(r.carePlan)}</td>
                  <td>{w().minutes(r.planned)}</td>
                  <td>{off() ? <strong class="warn">⚠ {w().drift}</strong> : w().matches}</td>
                </tr>
              );
            }}
          </For>
        </ScrollTable>
      </Show>
    </section>
  );
}
