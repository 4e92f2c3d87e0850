/**
 * Entry point: parse the URL first (so a bad parameter is reported, never thrown), set the
 * language before the first paint, install the test hook only with ?test=1, then render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { startBootPrefetch } from './app/bootPrefetch';
import { createI18n } from './app/i18n';
import { installPageZoomGuard } from './app/pageZoomGuard';
import { installTestHook } from './app/testHook';
import { parseUrlState } from './app/urlState';
import { loadThreeView } from './app/viewChunks';
import { applyUrlBasics, reportUrlIssues } from './app/urlSync';
import { AppCrashScreen } from './ui/AppCrashScreen';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { appStore } from './state/store';
import { bootPrimes } from './views/three/bootPrimes';
import { StoreContext } from './state/hooks';
import './ui/styles.css';
import './ui/landing.css';
import './ui/panels.css';
// Last: its narrow-screen rules override the panels' defaults.
import './ui/hud.css';

// For the page's lifetime, before anything renders: the page never zooms, in any mode.
installPageZoomGuard(document);
const { state: url, issues } = parseUrlState(window.location.search, navigator.languages ?? [navigator.language]);
applyUrlBasics(appStore, url);
reportUrlIssues(appStore, issues);
if (url.test) installTestHook(appStore);
// Before React: the zone's first files download while the app, three.js and the renderer start.
startBootPrefetch({ zone: url.zone, engine: appStore.getState().engine }, { primes: bootPrimes, baseUrl: import.meta.env.BASE_URL, documentHref: document.baseURI });
// The 3D view's chunk too: it is on the path to the first picture, behind the zone list otherwise.
// A failed early load is not reported here; ViewHost's own load of the same promise reports it.
if (url.zone && appStore.getState().engine === 'three') loadThreeView().catch(() => undefined);

const i18n = createI18n(appStore.getState().language);

const el = document.getElementById('root');
if (el) {
  createRoot(el).render(
    <StrictMode>
      <StoreContext.Provider value={appStore}>
        <I18nextProvider i18n={i18n}>
          <ErrorBoundary fallback={(error, reset) => <AppCrashScreen error={error} onRetry={reset} />}>
            <App url={url} />
          </ErrorBoundary>
        </I18nextProvider>
      </StoreContext.Provider>
    </StrictMode>,
  );
}
