/**
 * Composition root. Loads the zone list and every scene (each validated on its own, so one broken
 * file costs one zone), applies the URL, keeps the URL, language and <html lang> in step with the
 * store, and chooses between the zone picker and the zone workspace.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SceneIssue } from '../scene/validate';
import { useAppStore, useAppStoreApi } from '../state/hooks';
import { AboutDialog } from '../ui/AboutDialog';
import { ErrorList } from '../ui/ErrorList';
import { IndexErrorScreen } from '../ui/IndexErrorScreen';
import { ZonePicker } from '../ui/ZonePicker';
import { HTML_LANG } from './i18n';
import { bootFetch } from '../views/three/bootPrimes';
import { loadScenes } from './loadScenes';
import type { UrlState } from './urlState';
import { applyUrlZone, UrlSync } from './urlSync';
import { ModeShell } from './ModeShell';
import { RuntimeHost } from './RuntimeHost';

interface Props {
  /** The URL as parsed at start-up (already validated; its issues already reported). */
  url: UrlState;
  /** Live-feed status for the status bar, supplied by the feed layer. */
  feedSlot?: ReactNode;
  /** Injectable for tests. */
  fetchImpl?: typeof fetch;
}

export function App({ url, feedSlot, fetchImpl }: Props) {
  const { t, i18n } = useTranslation();
  const store = useAppStoreApi();
  const language = useAppStore((s) => s.language);
  const zonesLoaded = useAppStore((s) => s.zonesLoaded);
  const zones = useAppStore((s) => s.zones);
  const currentZoneId = useAppStore((s) => s.currentZoneId);
  const [indexIssues, setIndexIssues] = useState<SceneIssue[] | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [aboutOpen, setAboutOpen] = useState(false);
  const sync = useRef<UrlSync | null>(null);

  useEffect(() => {
    document.documentElement.lang = HTML_LANG[language];
    void i18n.changeLanguage(language).then(() => {
      document.title = i18n.t('app.title');
    });
  }, [language, i18n]);

  useEffect(() => {
    let cancelled = false;
    // bootFetch: the scene list and the URL's scene file may already be on their way (bootPrefetch.ts).
    void loadScenes(import.meta.env.BASE_URL, fetchImpl ?? bootFetch).then((r) => {
      if (cancelled) return;
      const report = store.getState().reportError;
      if (!r.ok) {
        for (const i of r.issues) report('scene', i.file, `${i.path} · ${i.message}`);
        setIndexIssues(r.issues);
        return;
      }
      for (const z of r.zones) for (const i of z.issues) report('scene', i.file, `${i.path} · ${i.message}`);
      if (r.siteMode) store.getState().setMode(r.siteMode, 'site');
      store.getState().setZones(r.zones);
      const s = new UrlSync(store, url.test === true, applyUrlZone(store, url));
      s.start();
      sync.current = s;
    });
    return () => {
      cancelled = true;
      sync.current?.stop();
      sync.current = null;
    };
  }, [store, url, fetchImpl, attempt]);

  const getShareUrl = useCallback(() => sync.current?.shareUrl() ?? window.location.href, []);
  const openAbout = useCallback(() => setAboutOpen(true), []);
  const scene = zones.find((z) => z.id === currentZoneId)?.scene ?? null;

  let body: ReactNode;
  if (indexIssues) {
    body = (
      <IndexErrorScreen
        issues={indexIssues}
        onRetry={() => {
          setIndexIssues(null);
          setAttempt((a) => a + 1);
        }}
      />
    );
  } else if (!zonesLoaded) {
    body = (
      <div className="st-landing st-landing--loading" role="status">
        {t('app.loading')}
      </div>
    );
  } else if (!scene) {
    // URL and scene problems found before any zone opens are listed here too.
    body = (
      <>
        <ZonePicker onAbout={openAbout} />
        <div className="st-landing__errors">
          <ErrorList />
        </div>
      </>
    );
  } else {
    body = <ModeShell scene={scene} getShareUrl={getShareUrl} onAbout={openAbout} feedSlot={feedSlot} />;
  }

  return (
    <>
      {body}
      <RuntimeHost />
      {aboutOpen && (
        <AboutDialog
          scenes={zones.flatMap((z) => (z.scene ? [z.scene] : []))}
          onClose={() => setAboutOpen(false)}
        />
      )}
    </>
  );
}
