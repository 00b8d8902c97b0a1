// Granted and planned time side by side, per recipient who came in with an
// order: the minutes a week the order grants, what the care plan adds up to,
// and what the week's plan holds, flagged where they drift apart. Read from
// the recipients' docs and the week's plan on the device (offline too).
import { A } from '@solidjs/router';
import { For, Show, createMemo, createResource, type Accessor, type JSX } from 'solid-js';
import { brukareDocName, drifts, grantedWeeklyMinutes, minutesOfDay, parseDocName, readBrukare, readGrant, weeklyMinutes, type Visit } from '../../domain';
import { useApp } from '../app-context';
import type { WeekStrings } from '../i18n/week.sv';
import { loadDocList } from '../storage/meta-repo';
import { createDocView } from '../sync/create-doc-view';

type Row = { id: string; name: string; granted: number; carePlan: number; planned: number };

export function GrantedVsPlanned(props: { teamId: string; visits: Accessor<Visit[] | undefined>; strings: Accessor<WeekStrings> }): JSX.Element {
  const app = useApp();
  const w = () => props.strings().grant;
  const [names] = createResource(
    () => props.teamId,
    async () =>
      ((await loadDocList(app.db))?.docs ?? []).filter((n) => parseDocName(n)?.kind === 'brukare').sort(),
    { initialValue: [] },
  );
  const recipients = createDocView(app.hub, () => names() ?? [], (docs) =>
    docs.flatMap((doc) => {
      const grant = readGrant(doc);
      const b = readBrukare(doc);
      if (!grant || !b.ok || b.value.teamId !== props.teamId) return [];
      return [{ id: b.value.id, name: b.value.name, granted: grantedWeeklyMinutes(grant.insatser), carePlan: b.value.carePlan.reduce((sum, i) => sum + weeklyMinutes(i), 0) }];
    }),
  );
  const rows = createMemo((): Row[] => {
    const planned = new Map<string, number>();
    for (const v of props.visits() ?? []) {
      if (v.status === 'cancelled' || v.status === 'missed') continue;
      planned.set(v.brukareId, (planned.get(v.brukareId) ?? 0) + minutesOfDay(v.plannedEnd) - minutesOfDay(v.plannedStart));
    }
    return (recipients() ?? []).map((r) => ({ ...r, planned: planned.get(r.id) ?? 0 })).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  });

  return (
    <section class="granted-vs-planned" data-testid="granted-vs-planned">
      <h2 id="grant-title">{w().title}</h2>
      <p class="note">{w().intro}</p>
      <Show when={rows().length > 0} fallback={<p>{w().none}</p>}>
        <div class="report-scroll" role="region" aria-labelledby="grant-title" tabindex="0">
          <table class="report-table">
            <thead>
              <tr>
                <th scope="col">{w().recipient}</th>
                <th scope="col">{w().granted}</th>
                <th scope="col">{w().carePlan}</th>
                <th scope="col">{w().planned}</th>
                <th scope="col">
                  <span class="sr-only">{w().drift}</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
