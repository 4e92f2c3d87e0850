/**
 * Chooses the working mode's shell for an open zone: the planner's workspace, the operation
 * centre's big screen or the exhibition kiosk. They are separate shells over the same views, state
 * and layers, not restyled copies of one screen. A scene can name its mode (a wall's or kiosk's
 * scene), which applies unless the link or the user chose one.
 */
import { useEffect, type ReactNode } from 'react';
import type { Scene } from '../scene/schema';
import { useAppStore, useAppStoreApi } from '../state/hooks';
import type { AppMode } from '../state/modeSlice';
import { KioskShell } from '../modes/kiosk/KioskShell';
import { ScreenShell } from '../modes/screen/ScreenShell';
import { WallSync } from '../modes/wall/WallSync';
import { Workspace } from './Workspace';

interface Props {
  scene: Scene;
  getShareUrl: () => string;
  onAbout: () => void;
  feedSlot?: ReactNode;
}

export function ModeShell({ scene, getShareUrl, onAbout, feedSlot }: Props) {
  const store = useAppStoreApi();
  const mode = useAppStore((s) => s.mode);
  useEffect(() => {
    if (scene.mode) store.getState().setMode(scene.mode, 'scene');
  }, [scene, store]);
  // Any mode can be a video-wall screen: the sync wraps whichever shell runs.
  return <WallSync>{shellFor(mode, { scene, getShareUrl, onAbout, feedSlot })}</WallSync>;
}

function shellFor(mode: AppMode, { scene, getShareUrl, onAbout, feedSlot }: Props): ReactNode {
  if (mode === 'screen') return <ScreenShell scene={scene} getShareUrl={getShareUrl} />;
  if (mode === 'kiosk') return <KioskShell scene={scene} />;
  return <Workspace scene={scene} getShareUrl={getShareUrl} onAbout={onAbout} feedSlot={feedSlot} />;
}
