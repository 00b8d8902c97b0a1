// The scheduler's planning views: the day board, the week and the follow-up
// (planned vs delivered, continuity). Keeps the chosen day across views.
import { A, useSearchParams } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { useLazyStrings } from '../i18n/lazy-strings';
import { planningNavSv } from '../i18n/planning-nav.sv';

export function PlanningNav(): JSX.Element {
  // The labels come with the planning pages, not in the start-up strings.
  const s = useLazyStrings(planningNavSv, () => import('../i18n/planning-nav.en').then((m) => m.planningNavEn));
  const [params] = useSearchParams<{ dag?: string }>();
  const query = () => (params.dag ? `?dag=${params.dag}` : '');
  return (
    <nav aria-label={s().label} class="planning-nav">
      <A href={`/planering${query()}`} end class="nav-link">
        {s().day}
      </A>
      <A href={`/planering/vecka${query()}`} class="nav-link">
        {s().week}
      </A>
      <A href={`/planering/uppfoljning${query()}`} class="nav-link">
        {s().followUp}
      </A>
      <A href="/planering/bestallning" class="nav-link">
        {s().order}
      </A>
      <A href="/personal" class="nav-link">
        {s().staff}
      </A>
    </nav>
  );
}
