/**
 * The exhibition kiosk (展厅触摸屏): the 3D view with a touch-first HUD of few, large choices
 * (zones, stories, 回到首页, language), camera limits that keep a visitor in the zone, and idle
 * handling: after the idle time a "still there?" countdown, then everything goes back to the home
 * state and an attract loop plays the zone's first story until someone touches the screen. The
 * touch that ends the attract loop does nothing else.
 *
 * The page never zooms or scrolls here: the viewport meta (index.html), touch-action none on the
 * shell (kiosk.css; the lists scroll with pan-y), the page zoom guard's non-passive listeners
 * (app/pageZoomGuard.ts), and no context menu on a long press.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { FeedHost } from '../../app/FeedHost';
import { ViewHost } from '../../app/ViewHost';
import { enterZone } from '../../app/zoneActions';
import type { Scene } from '../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { LiveHost } from '../../ui/live/LiveHost';
import { StoryHost } from '../../ui/stories/StoryHost';
import { StoryPicker } from '../../ui/stories/StoryPicker';
import { WebGlLostOverlay } from '../../ui/WebGlLostOverlay';
import { applyHomeReset, homeResetPlan, kioskHome } from './homeReset';
import { DEFAULT_IDLE_MS } from './idleMachine';
import { KioskAttract } from './KioskAttract';
import { TimeSlider } from '../../ui/timeline/TimeSlider';
import { KioskAttribution } from './KioskAttribution';
import { kioskCameraLimits } from './kioskCamera';
import { KioskIdleNotice } from './KioskIdleNotice';
import { KioskTopBar, type KioskPanel } from './KioskTopBar';
import { KioskZonePanel } from './KioskZonePanel';
import { useKioskIdle } from './useKioskIdle';
import './kiosk.css';

export function KioskShell({ scene }: { scene: Scene }) {
  const store = useAppStoreApi();
  const rootRef = useRef<HTMLDivElement>(null);
  const [panel, setPanel] = useState<KioskPanel>(null);
  // Where and how the kiosk started is its home; a shared story link is someone looking at it.
  const [home] = useState(() => kioskHome(store.getState(), scene.id));
  const [startIn] = useState<'active' | 'attract'>(() => (store.getState().story ? 'active' : 'attract'));
  const idleMs = useAppStore((s) => s.modeSettings.idleMs) ?? DEFAULT_IDLE_MS;
  const storyId = useAppStore((s) => s.story?.id ?? null);
  const otherZones = useAppStore((s) => s.zones.filter((z) => z.scene && z.id !== s.currentZoneId).length);

  const goHome = useCallback(
    (keepLanguage: boolean) => {
      const s = store.getState();
      const homeScene = s.zones.find((z) => z.id === home.zoneId)?.scene ?? scene;
      applyHomeReset(store, homeScene, homeResetPlan(home, homeScene, s, { keepLanguage }));
      setPanel(null);
    },
    [store, home, scene],
  );

  const idle = useKioskIdle(rootRef, { idleMs, startIn, onReset: () => goHome(false) });
  const attract = idle.state === 'attract';

  useEffect(() => {
    store.getState().setCameraLimits(kioskCameraLimits(scene));
    return () => store.getState().setCameraLimits(null);
  }, [scene, store]);

  // The attract loop plays the zone's first story; the touch that ends the loop stops it.
  useEffect(() => {
    if (!attract) return;
    const first = scene.stories?.[0];
    if (first) store.getState().setStory({ id: first.id, step: 0 });
    return () => store.getState().setStory(null);
  }, [attract, scene, store]);

  const pickZone = (zoneId: string) => {
    const next = store.getState().zones.find((z) => z.id === zoneId)?.scene;
    setPanel(null);
    if (!next) return;
    store.getState().setStory(null);
    enterZone(store, next);
  };

  return (
    <FeedHost scene={scene}>
      <div
        ref={rootRef}
        className="st-kiosk"
        data-zone={scene.id}
        data-idle={idle.state}
        onContextMenu={(e) => e.preventDefault()}
      >
        <ViewHost scene={scene} />
        <LiveHost scene={scene} />
        <WebGlLostOverlay />
        <div className="st-kiosk__hud">
          <KioskTopBar scene={scene} panel={panel} onPanel={setPanel} onHome={() => goHome(true)} otherZones={otherZones} />
          <div className="st-kiosk__middle">
            {panel === 'zones' && <KioskZonePanel onPick={pickZone} onClose={() => setPanel(null)} />}
            {panel === 'stories' && (
              <StoryPicker
                variant="kiosk"
                stories={scene.stories ?? []}
                currentId={storyId}
                onClose={() => setPanel(null)}
                onPick={(id) => {
                  setPanel(null);
                  store.getState().setStory({ id, step: 0 });
                }}
              />
            )}
          </div>
          <div className="st-kiosk__bottom">
            <StoryHost scene={scene} atEnd={attract ? 'loop' : 'stop'} variant="kiosk" closable={!attract} />
            <TimeSlider scene={scene} variant="kiosk" />
            <KioskAttribution scene={scene} />
          </div>
        </div>
        {idle.state === 'warning' && <KioskIdleNotice secondsLeft={idle.secondsLeft} />}
        {(attract || idle.swallowing) && <KioskAttract />}
      </div>
    </FeedHost>
  );
}
