/**
 * Covers the view while its WebGL context is lost, so a frozen or blank canvas is never mistaken
 * for live data. The view restores or reloads by itself; the button reloads at once (the URL
 * carries the view, so nothing is lost). The view's restore timeout is not imported here: that
 * module pulls three.js into the shell's first chunk.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/hooks';

export function WebGlLostOverlay() {
  const { t } = useTranslation();
  const lost = useAppStore((s) => s.webglLost);
  if (!lost) return null;
  return (
    <div className="st-webgl-lost" role="alert" data-testid="webgl-lost">
      <div className="st-panel st-message">
        <h2>{t('view.webglLostTitle')}</h2>
        <p>{t('view.webglLost')}</p>
        <button type="button" className="st-btn" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>
      </div>
    </div>
  );
}
