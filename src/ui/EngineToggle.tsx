/**
 * 三维 / 地球 toggle. The globe engine is a separate lazy chunk, so it costs nothing until chosen.
 * Switching hands the current camera pose to the new engine, so the view does not jump.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../state/hooks';
import type { ViewEngine } from '../state/viewSlice';

const ENGINES: { engine: ViewEngine; key: 'topbar.engine3d' | 'topbar.engineGlobe' }[] = [
  { engine: 'three', key: 'topbar.engine3d' },
  { engine: 'globe', key: 'topbar.engineGlobe' },
];

export function EngineToggle() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const engine = useAppStore((s) => s.engine);
  const choose = (next: ViewEngine) => {
    const s = store.getState();
    if (next === s.engine) return;
    const pose = s.cameraPose;
    s.setEngine(next);
    if (pose) s.flyToPose(pose, true);
  };
  return (
    <div className="st-segmented" role="group" aria-label={t('topbar.engine')}>
      {ENGINES.map((e) => (
        <button
          key={e.engine}
          type="button"
          className="st-segmented__btn"
          aria-pressed={engine === e.engine}
          onClick={() => choose(e.engine)}
        >
          {t(e.key)}
        </button>
      ))}
    </div>
  );
}
