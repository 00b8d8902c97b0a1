// Routes and the app frame: skip link, header with sync state, then the page.
import { Route, Router, type RouteSectionProps } from '@solidjs/router';
import { Show, lazy, type JSX } from 'solid-js';
import { AppContext, useApp, type AppServices } from './app-context';
import { I18nContext, useI18n, type I18n } from './i18n/i18n';
import { DayPage } from './pages/DayPage';
import { AppHeader } from './ui/AppHeader';

const VisitPage = lazy(() => import('./pages/VisitPage'));
const BrukarePage = lazy(() => import('./pages/BrukarePage'));
const DeviationPage = lazy(() => import('./pages/DeviationPage'));
const MessagesPage = lazy(() => import('./pages/MessagesPage'));
const UnplannedPage = lazy(() => import('./pages/UnplannedPage'));
const PhrasesPage = lazy(() => import('./pages/PhrasesPage'));
const BoardPage = lazy(() => import('./pages/BoardPage'));
const WeekPage = lazy(() => import('./pages/WeekPage'));
const ReportsPage = lazy(() => import('./pages/ReportsPage'));
// Not needed on a signed-in device's cold start.
const LoginPage = lazy(() => import('./pages/LoginPage').then((m) => ({ default: m.LoginPage })));

function Frame(props: RouteSectionProps): JSX.Element {
  const app = useApp();
  const { t } = useI18n();
  return (
    <>
      <a class="skip-link" href="#main">
        {t().skipToContent}
      </a>
      <AppHeader />
      <main id="main" tabindex="-1">
        <Show when={app.session()} fallback={<LoginPage />}>
          {props.children}
        </Show>
      </main>
    </>
  );
}

export function App(props: { services: AppServices; i18n: I18n }): JSX.Element {
  return (
    <AppContext.Provider value={props.services}>
      <I18nContext.Provider value={props.i18n}>
        <Router root={Frame}>
          <Route path="/besok/:date/:visitId" component={VisitPage} />
          <Route path="/brukare/:brukareId" component={BrukarePage} />
          <Route path="/avvikelse" component={DeviationPage} />
          <Route path="/meddelanden" component={MessagesPage} />
          <Route path="/oplanerat" component={UnplannedPage} />
          <Route path="/fraser" component={PhrasesPage} />
          <Route path="/planering" component={BoardPage} />
          <Route path="/planering/vecka" component={WeekPage} />
          <Route path="/planering/uppfoljning" component={ReportsPage} />
          <Route path="*" component={DayPage} />
        </Router>
      </I18nContext.Provider>
    </AppContext.Provider>
  );
}
