/**
 * Named viewpoints of the zone. The one the camera currently rests at is marked, by comparing the
 * published camera pose with the viewpoints, so the mark stays true after the user orbits away.
 */
import { useTranslation } from 'react-i18next';
import { matchViewpoint } from '../app/urlState';
import type { Scene } from '../scene/schema';
import { useAppStore } from '../state/hooks';

export function ViewpointBar({ scene }: { scene: Scene }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const pose = useAppStore((s) => s.cameraPose);
  const flyToViewpoint = useAppStore((s) => s.flyToViewpoint);
  const current = matchViewpoint(pose, scene.viewpoints);
  return (
    <nav className="st-viewpoints st-panel" aria-label={t('viewpoints.label')}>
      <span className="st-viewpoints__title" aria-hidden="true">
        {t('viewpoints.label')}
      </span>
      <ul className="st-viewpoints__list">
        {scene.viewpoints.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              className="st-chip"
              aria-current={current === v.id ? 'location' : undefined}
              title={t('viewpoints.flyTo', { name: v.name[lang] })}
              onClick={() => flyToViewpoint(v.id)}
            >
              {v.name[lang]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
