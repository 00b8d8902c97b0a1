// The scheduler's planning views: the day board, the week and the follow-up
// (planned vs delivered, continuity). Keeps the chosen day across views.
import { A, useSearchParams } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { useI18n } from '../i18n/i18n';
import { useLazyStrings } from '../i18n/lazy-strings';
import { staffNavSv } from '../i18n/staff.sv';

export function PlanningNav(): JSX.Element {
  const { t } = useI18n();
  // The register's label comes with the planning pages, not in the start-up strings.
  const staff = useLazyStrings(staffNavSv, () => import('../i18n/staff.en').then((m) => m.staffNavEn));
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
      <A href="/personal" class="nav-link">
        {staff().link}
      </A>
    </nav>
  );
}
