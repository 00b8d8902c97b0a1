// The board's list of care plans to review: plans past their follow-up date,
// and current versions not yet agreed with the recipient (a draft from an
// order among them); not those whose service has ended (carePlanToReview).
// Reads the team's recipient docs on the device, so it works offline; each name links to the recipient's page and its care plan.
import { A } from '@solidjs/router';
import { For, Show, createResource, createSignal, onCleanup, onMount, type JSX } from 'solid-js';
import { carePlanToReview, type CarePlanToReview } from '../../domain';
import { useApp } from '../app-context';
import { loadBrukareDocNames } from '../storage/brukare-doc-list';
import { createDocView } from '../sync/create-doc-view';
import { useCarePlanStrings } from './CarePlanSection';

export function CarePlanFlags(props: { teamId: string; today: string }): JSX.Element {
  const app = useApp();
  const s = useCarePlanStrings();
  // A side panel: it opens the team's recipient docs only once the board itself is on screen.
  const [idle, setIdle] = createSignal(false);
  onMount(() => {
    const handle = requestIdleCallback(() => setIdle(true), { timeout: 2000 });
    onCleanup(() => cancelIdleCallback(handle));
  });
  const [names] = createResource(idle, () => loadBrukareDocNames(app.db));
  const flags = createDocView(app.hub, () => names() ?? [], (docs) => {
    const out = docs.flatMap((doc): CarePlanToReview[] => {
      const flag = carePlanToReview(doc, props.teamId, props.today);
      return flag ? [flag] : [];
    });
    // Overdue follow-ups first, the longest overdue at the top.
    return out.sort((a, b) => (a.status === b.status ? a.followUpOn.localeCompare(b.followUpOn) || a.name.localeCompare(b.name) : a.status === 'follow_up_due' ? -1 : 1));
  });
  return (
    <Show when={(flags() ?? []).length > 0}>
      <section aria-labelledby="care-plan-flags-title" class="panel" data-testid="care-plan-flags">
        <h2 id="care-plan-flags-title">{s().boardTitle}</h2>
        <ul role="list" class="flag-list">
          <For each={flags()}>
            {(f) => (
              <li data-testid="care-plan-flag" data-status={f.status} data-brukare={f.id}>
                <A href={`/brukare/${f.id}`} classList={{ 'warn': f.status === 'follow_up_due' }}>
                  {f.status === 'follow_up_due' ? s().boardDue(f.name, f.followUpOn) : s().boardNotAgreed(f.name)}
                </A>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
