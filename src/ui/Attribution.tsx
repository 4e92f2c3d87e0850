/**
 * Data attribution in the map corner, from the scene's own attribution lines (ODbL requires it on
 * screen). Each line is shown in full, wrapping inside the corner box when long (see panels.css),
 * in the UI language only.
 */
import { useTranslation } from 'react-i18next';
import type { Scene } from '../scene/schema';
import { GLOBE_CREDITS_SLOT_ATTR } from '../views/globe/globeSettings';
import { useAppStore } from '../state/hooks';
import { localText } from './localText';

export function Attribution({ scene, onAbout }: { scene: Scene; onAbout: () => void }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  return (
    <div className="st-attribution" aria-label={t('about.attributionLabel')}>
      {scene.attribution.map((a, i) => {
        const text = localText(a.text, lang);
        return a.url ? (
          <a key={i} href={a.url} target="_blank" rel="noopener noreferrer" title={text}>
            {text}
          </a>
        ) : (
          <span key={i} title={text}>
            {text}
          </span>
        );
      })}
      <button type="button" className="st-link-btn" onClick={onAbout}>
        {t('about.open')}
      </button>
      {/* The globe view puts Cesium's logo and credits here, clear of the status bar. */}
      <div className="st-attribution__engine" {...{ [GLOBE_CREDITS_SLOT_ATTR]: '' }} />
    </div>
  );
}
