/**
 * The right-hand live column: the selected thing's panel, the city vital signs and the alert list.
 * The column folds (vital signs and alerts hide), but the selected thing's panel stays: what the
 * user picked is never folded away with the column. On the globe, which does not draw the live
 * layers, a note says so and offers the 3D view, instead of leaving switches that do nothing.
 */
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { AlertList } from './AlertList';
import { LiveDetail } from './LiveDetail';
import { VitalsPanel } from './VitalsPanel';
import './live.css';

interface Props {
  scene: Scene;
  /** Id of the folding part, for the toggle's aria-controls. */
  panelsId?: string;
  open?: boolean;
}

export function LiveSidebar({ scene, panelsId, open = true }: Props) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const onGlobe = useAppStore((s) => s.engine === 'globe');
  const open3d = () => {
    const s = store.getState();
    const pose = s.cameraPose;
    s.setEngine('three');
    // The same hand-over as the engine toggle: the 3D view opens where the globe was looking.
    if (pose) s.flyToPose(pose, true);
  };
  return (
    <div className="st-live-side">
      <LiveDetail scene={scene} />
      <div id={panelsId} className="st-live-side__panels" hidden={!open}>
        {onGlobe && (
          <p className="st-panel st-note st-live-side__globe" role="note" data-testid="live-globe-note">
            {t('hud.liveGlobeNote')}{' '}
            <button type="button" className="st-link-btn" onClick={open3d}>
              {t('hud.liveGlobeOpen3d')}
            </button>
          </p>
        )}
        <VitalsPanel />
        <AlertList />
      </div>
    </div>
  );
}
