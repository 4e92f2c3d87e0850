/**
 * The operation-centre big screen (大屏), `mode=screen`: the same feed, views and live state as the
 * planner, under a fixed-layout HUD instead of the planner's panels. The 3D view fills the window
 * at native device pixels (ThreeView reads the render-scale cap); only the HUD is laid out on the
 * design canvas and scaled, so the canvas is never inside a CSS-scaled box and stays sharp.
 * Problems (a bad link, a refused feed token) show unscaled at the bottom, where whoever set the
 * screen up will look.
 */
import type { Scene } from '../../scene/schema';
import { FeedHost } from '../../app/FeedHost';
import { ViewHost } from '../../app/ViewHost';
import { ErrorList } from '../../ui/ErrorList';
import { FeedSignIn } from '../../ui/live/FeedSignIn';
import { LiveHost } from '../../ui/live/LiveHost';
import { WebGlLostOverlay } from '../../ui/WebGlLostOverlay';
import { ScreenHud } from './ScreenHud';
import { useTourController } from './useTourController';
import './screen.css';

export function ScreenShell({ scene }: { scene: Scene; getShareUrl: () => string }) {
  const { hud, controls } = useTourController(scene);
  return (
    <FeedHost scene={scene}>
      <div className="st-screen" data-zone={scene.id} data-testid="screen-shell">
        <ViewHost scene={scene} />
        <LiveHost scene={scene} />
        <WebGlLostOverlay />
        <ScreenHud scene={scene} tour={hud} controls={controls} />
        <div className="st-screen__notices">
          <FeedSignIn />
          <ErrorList />
        </div>
      </div>
    </FeedHost>
  );
}
