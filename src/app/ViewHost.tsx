/**
 * Hosts the 3D view of the current engine. Both views are lazy chunks: the landing screen does
 * not wait for three.js, and Cesium is fetched only when the globe is opened. A view that throws
 * (no WebGL, a driver fault) is caught here, reported, and replaced by a message with a retry,
 * while the panels around it keep working.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../scene/schema';
import { useAppStore, useAppStoreApi } from '../state/hooks';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { loadGlobeView, loadThreeView } from './viewChunks';
import { markViewMounted } from './viewMount';

const ThreeView = lazy(() => loadThreeView().then((m) => ({ default: m.ThreeView })));
const GlobeView = lazy(() => loadGlobeView().then((m) => ({ default: m.GlobeView })));

/** Commits together with the lazy view inside the same Suspense boundary, so it marks a real mount. */
function MountMarker({ viewKey }: { viewKey: string }) {
  useEffect(() => {
    markViewMounted(viewKey);
    return () => markViewMounted(null);
  }, [viewKey]);
  return null;
}

export function ViewHost({ scene }: { scene: Scene }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const engine = useAppStore((s) => s.engine);
  // The watchdog's rebuild step bumps this: the view is unmounted and built afresh.
  const viewEpoch = useAppStore((s) => s.viewEpoch);
  // The three.js view holds its first picture until the tiles are in (FirstPictureGate).
  const holding = useAppStore((s) => s.firstPicture === 'waiting') && engine === 'three';
  const viewKey = `${scene.id}:${engine}`;
  const other = engine === 'three' ? 'globe' : 'three';
  return (
    <div className="st-view" aria-label={t('view.label')} role="region">
      <ErrorBoundary
        resetKey={viewKey}
        onError={(e) => store.getState().reportError('webgl', `view:${engine}`, e.message)}
        fallback={(error, reset) => (
          <div className="st-view__fallback" role="alert">
            <h2>{t('view.failedTitle')}</h2>
            <p className="st-mono">{error.message}</p>
            <div className="st-row">
              <button type="button" className="st-btn" onClick={reset}>
                {t('common.retry')}
              </button>
              <button type="button" className="st-btn" onClick={() => store.getState().setEngine(other)}>
                {other === 'globe' ? t('view.tryGlobe') : t('view.tryThree')}
              </button>
            </div>
          </div>
        )}
      >
        <Suspense fallback={<div className="st-view__loading">{t('view.loading')}</div>}>
          {/* The three.js view is remounted per zone; the globe keeps its widget and swaps zones inside it. */}
          {engine === 'globe' ? <GlobeView key={viewEpoch} scene={scene} /> : <ThreeView key={`${scene.id}:${viewEpoch}`} scene={scene} />}
          <MountMarker viewKey={viewKey} />
        </Suspense>
        {holding && (
          <div className="st-view__loading st-view__loading--over" data-testid="view-first-picture">
            {t('view.loading')}
          </div>
        )}
      </ErrorBoundary>
    </div>
  );
}
