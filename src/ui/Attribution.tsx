/**
 * Data attribution in the map corner, from the scene's own attribution lines (ODbL requires it on
 * screen). One line each, cut short if long; the About dialog has them in full.
 */
import { useTranslation } from 'react-i18next';
import type { Scene } from '../scene/schema';

export function Attribution({ scene, onAbout }: { scene: Scene; onAbout: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="st-attribution" aria-label={t('about.attributionLabel')}>
      {scene.attribution.map((a) =>
        a.url ? (
          <a key={a.text} href={a.url} target="_blank" rel="noopener noreferrer" title={a.text}>
            {a.text}
          </a>
        ) : (
          <span key={a.text} title={a.text}>
            {a.text}
          </span>
        ),
      )}
      <button type="button" className="st-link-btn" onClick={onAbout}>
        {t('about.open')}
      </button>
    </div>
  );
}
