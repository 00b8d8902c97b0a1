// Routes and the app frame: skip link, header with sync state, then the page.
import { Navigate, Route, Router, useLocation, type RouteSectionProps } from '@solidjs/router';
import { Show, lazy, type JSX } from 'solid-js';
import { AppContext, useApp, type AppServices } from './app-context';
import { I18nContext, useI18n, type I18n } from './i18n/i18n';
import { DayPage } from './pages/DayPage';
import { AppHeader } from './ui/AppHeader';
import { lockedPath } from './sign-off/lock-state';
import { lockState } from './security/app-lock';

const VisitPage = lazy(() => import('./pages/VisitPage'));
const BrukarePage = lazy(() => import('./pages/BrukarePage'));
const DeviationPage = lazy(() => import('./pages/DeviationPage'));
const MessagesPage = lazy(() => import('./pages/MessagesPage'));
const UnplannedPage = lazy(() => import('./pages/UnplannedPage'));
const PhrasesPage = lazy(() => import('./pages/PhrasesPage'));
const BoardPage = lazy(() => import('./pages/BoardPage'));
const WeekPage = lazy(() => import('./pages/WeekPage'));
const ReportsPage = lazy(() => import('./pages/ReportsPage'));
const SignOffPage = lazy(() => import('./pages/SignOffPage'));
// Not needed on a signed-in device's cold start.
const LoginPage = lazy(() => import('./pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const LockPage = lazy(() => import('./pages/LockPage'));
const AdminPage = lazy(() => import('./pages/AdminPage'));
const OrderPage = lazy(() => import('./pages/OrderPage'));
const StaffPage = lazy(() => import('./pages/StaffPage'));

function Frame(props: RouteSectionProps): JSX.Element {
  const app = useApp();
  const { t } = useI18n();
  const location = useLocation();
  // In sign-off mode the recipient holds the tablet: only the sign-off screen,
  // no header or navigation, whatever address is asked for.
  return (
    <Show when={!lockedPath()} fallback={<LockedFrame path={lockedPath() ?? '/'} current={location.pathname} children={props.children} />}>
      <UnlockedFrame app={app} t={t} children={props.children} />
    </Show>
  );
}

function LockedFrame(props: { path: string; current: string; children: JSX.Element }): JSX.Element {
  return (
    <Show when={props.current === props.path} fallback={<Navigate href={props.path} />}>
      <main id="main" tabindex="-1" class="sign-off-main">
        {props.children}
      </main>
    </Show>
  );
}

function UnlockedFrame(props: { app: ReturnType<typeof useApp>; t: ReturnType<typeof useI18n>['t']; children: JSX.Element }): JSX.Element {
  const app = props.app;
  const t = props.t;
  // Locked (or no PIN chosen yet): only the PIN screen; nothing of the user's data is on the page.
  const pinScreen = () => (app.session() && lockState() !== 'unlocked' ? (lockState() as 'locked' | 'setup') : null);
  return (
    <Show
      when={!pinScreen()}
      fallback={
        <main id="main" tabindex="-1">
          <LockPage mode={pinScreen() ?? 'locked'} />
        </main>
      }
    >
      <a class="skip-link" href="#main">
        {t().skipToContent}
      </a>
      <AppHeader />
      <main id="main" tabindex="-1">
        <Show when={app.session()} fallback={<LoginPage />}>
          {props.children}
        </Show>
      </main>
    </Show>
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
          <Route path="/planering/bestallning" component={OrderPage} />
          <Route path="/kvittens/:date/:visitId" component={SignOffPage} />
          <Route path="/admin" component={AdminPage} />
          <Route path="/personal" component={StaffPage} />
          <Route path="*" component={DayPage} />
        </Router>
      </I18nContext.Provider>
    </AppContext.Provider>
  );
}
