// The scheduler's planning views: the day board, the week and the follow-up
// (planned vs delivered, continuity). Keeps the chosen day across views.
import { A, useSearchParams } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { useI18n } from '../i18n/i18n';

export function PlanningNav(): JSX.Element {
  const { t } = useI18n();
  const [params] = useSearchParams<{ dag?: string }>();
  const query = () => (params.dag ? `?dag=${params.dag}` : '');
  return (
    <nav aria-label={t().planningNav.label} class="planning-nav">
      <A href={`/planering${query()}`} end class="nav-link">
        {t().planningNav.day}
      </A>
      <A href={`/planering/vecka${query()}`} class="nav-link">
        {t().planningNav.week}
      </A>
      <A href={`/planering/uppfoljning${query()}`} class="nav-link">
        {t().planningNav.followUp}
      </A>
      <A href="/planering/bestallning" class="nav-link">
        {t().planningNav.order}
      </A>
    </nav>
  );
}
