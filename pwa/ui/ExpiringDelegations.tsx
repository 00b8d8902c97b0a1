// The board's warning: delegations (and other dated competences) of the team's
// staff whose last day is within a week of the board's day, soonest first, so
// that the scheduler can ask the nurse for a new delegation or plan around it.
// Nothing is shown when none runs out.
import { For, Show, createMemo, type JSX } from 'solid-js';
import { expiringWithin } from '../../domain';
import { useLazyStrings } from '../i18n/lazy-strings';
import { expiringSv } from '../i18n/staff.sv';
import type { TeamStaff } from '../storage/staff-repo';

export function ExpiringDelegations(props: { staff: TeamStaff | undefined; date: string }): JSX.Element {
  const s = useLazyStrings(expiringSv, () => import('../i18n/staff.en').then((m) => m.expiringEn));
  const items = createMemo(() =>
    (props.staff ?? [])
      .flatMap((person) => expiringWithin(person, props.date).map((e) => ({ ...e, staffId: person.id, name: person.name })))
      .sort((a, b) => a.validUntil.localeCompare(b.validUntil) || a.name.localeCompare(b.name, 'sv')),
  );
  return (
    <Show when={items().length > 0}>
      <section aria-labelledby="expiring-title" class="panel expiring-panel" data-testid="expiring-delegations">
        <h2 id="expiring-title">{s().title}</h2>
        <ul>
          <For each={items()}>
            {(item) => (
              <li data-staff-id={item.staffId} data-competence={item.competence} data-valid-until={item.validUntil}>
                {s().item(item.name, s().competenceNames[item.competence], item.validUntil)}
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
