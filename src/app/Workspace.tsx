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
import { LayerPanel } from '../ui/LayerPanel';
import { StatusBar } from '../ui/StatusBar';
import { SunControl } from '../ui/SunControl';
import { TopBar } from '../ui/TopBar';
import { ViewpointBar } from '../ui/ViewpointBar';
import { WebGlLostOverlay } from '../ui/WebGlLostOverlay';
import { FeedStatus } from '../ui/FeedStatus';
import { LiveHost } from '../ui/live/LiveHost';
import { LiveSidebar } from '../ui/live/LiveSidebar';
import { ScenarioPanel } from '../ui/live/ScenarioPanel';
import { FeedHost } from './FeedHost';
import { ViewHost } from './ViewHost';

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
  const [sideOpen, setSideOpen] = useState(() => typeof window === 'undefined' || window.innerWidth >= NARROW_SCREEN_PX);
  return (
    <FeedHost scene={scene}>
    <div className="st-workspace" data-zone={scene.id}>
      <ViewHost scene={scene} />
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
            <LayerPanel scene={scene} />
            <SunControl scene={scene} />
            <ScenarioPanel />
          </div>
        </div>
        <div className="st-detail">
          <AttributePanel />
          <LiveSidebar scene={scene} />
        </div>
        <div className="st-bottom">
          <ErrorList />
          <div className="st-bottom__row">
            <ViewpointBar scene={scene} />
            <Attribution scene={scene} onAbout={onAbout} />
          </div>
          <StatusBar scene={scene} feedSlot={feedSlot ?? <FeedStatus />} />
        </div>
      </div>
    </div>
    </FeedHost>
  );
}
