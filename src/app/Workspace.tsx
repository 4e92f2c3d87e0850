/**
 * The screen inside a zone: the view fills the viewport and the panels float over it. The side
 * panel (layers, sun) folds away on narrow kiosk screens so the city stays visible.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../scene/schema';
import { AttributePanel } from '../ui/AttributePanel';
import { Attribution } from '../ui/Attribution';
import { ErrorList } from '../ui/ErrorList';
import { CatalogueTree } from '../ui/planning/CatalogueTree';
import { StatusBar } from '../ui/StatusBar';
import { TimeSlider } from '../ui/timeline/TimeSlider';
import { SunControl } from '../ui/SunControl';
import { TopBar } from '../ui/TopBar';
import { ViewpointBar } from '../ui/ViewpointBar';
import { WebGlLostOverlay } from '../ui/WebGlLostOverlay';
import { FeedStatus } from '../ui/FeedStatus';
import { FeedSignIn } from '../ui/live/FeedSignIn';
import { LiveHost } from '../ui/live/LiveHost';
import { LiveSidebar } from '../ui/live/LiveSidebar';
import { ScenarioPanel } from '../ui/live/ScenarioPanel';
import { useAppStore } from '../state/hooks';
import { FeedHost } from './FeedHost';
import { usePlanLoader } from './usePlanLoader';
import { ViewHost } from './ViewHost';
import { CompareDivider } from '../ui/CompareDivider';
import { PlannerSidebar } from '../ui/planning/PlannerSidebar';
import { useReportCapture } from './useReportCapture';
import { StoriesEntry } from '../ui/stories/StoriesEntry';

/** Below this width (CSS px) the side panel starts folded. Matches the narrow layout in the CSS. */
export const NARROW_SCREEN_PX = 900;

interface Props {
  scene: Scene;
  getShareUrl: () => string;
  onAbout: () => void;
  /** Live-feed status for the status bar, supplied by the feed layer. */
  feedSlot?: ReactNode;
}

export function Workspace({ scene, getShareUrl, onAbout, feedSlot }: Props) {
  const { t } = useTranslation();
  const panelId = useId();
  usePlanLoader(scene);
  const capture = useReportCapture();
  const [sideOpen, setSideOpen] = useState(() => typeof window === 'undefined' || window.innerWidth >= NARROW_SCREEN_PX);
  const liveId = useId();
  // The right-hand live column folds like the side panel; a selection's panel stays regardless.
  const [liveOpen, setLiveOpen] = useState(true);
  // Live layers are drawn by the three.js view only; hud.css hides their map controls on the globe.
  const engine = useAppStore((s) => s.engine);
  return (
    <FeedHost scene={scene}>
    <div className="st-workspace" data-zone={scene.id} data-engine={engine}>
      <ViewHost scene={scene} />
      <CompareDivider />
      <LiveHost scene={scene} />
      <WebGlLostOverlay />
      {/* The HUD lets pointer events through to the view everywhere except on its panels. */}
      <div className="st-hud">
        <TopBar scene={scene} getShareUrl={getShareUrl} onAbout={onAbout} />
        <div className="st-side">
          <button
            type="button"
            className="st-btn st-side__toggle"
            aria-expanded={sideOpen}
            aria-controls={panelId}
            onClick={() => setSideOpen((o) => !o)}
          >
            {sideOpen ? t('layers.hidePanel') : t('layers.showPanel')}
          </button>
          <div id={panelId} className="st-panel st-side__panel" hidden={!sideOpen}>
            <CatalogueTree scene={scene} />
            <SunControl scene={scene} />
            <ScenarioPanel />
          </div>
        </div>
        <div className="st-detail">
          <button
            type="button"
            className="st-btn st-detail__toggle"
            aria-expanded={liveOpen}
            aria-controls={liveId}
            onClick={() => setLiveOpen((o) => !o)}
          >
            {liveOpen ? t('hud.hideLive') : t('hud.showLive')}
          </button>
          <AttributePanel />
          <PlannerSidebar scene={scene} capture={capture} />
          <LiveSidebar scene={scene} panelsId={liveId} open={liveOpen} />
        </div>
        <div className="st-bottom">
          <FeedSignIn />
          <ErrorList />
          <StoriesEntry scene={scene} />
          <div className="st-bottom__row">
            <ViewpointBar scene={scene} />
            <Attribution scene={scene} onAbout={onAbout} />
          </div>
          <TimeSlider scene={scene} variant="planner" />
          <StatusBar scene={scene} feedSlot={feedSlot ?? <FeedStatus />} />
        </div>
      </div>
    </div>
    </FeedHost>
  );
}
