/** The app's one vanilla store, composed from typed slices. Plain data only: no three.js objects or sockets. */
import { createStore } from 'zustand/vanilla';
import { createAlertsSlice, type AlertsSlice } from './alertsSlice';
import { createDrillsSlice, type DrillsSlice } from './drillsSlice';
import { createErrorsSlice, type ErrorsSlice } from './errorsSlice';
import { createFeedSlice, type FeedSlice } from './feedSlice';
import { createLayersSlice, type LayersSlice } from './layersSlice';
import { createModeSlice, type ModeSlice } from './modeSlice';
import { createLiveSelectionSlice, type LiveSelectionSlice } from './liveSelectionSlice';
import { createRuntimeSlice, type RuntimeSlice } from './runtimeSlice';
import { createPlanningSlice, type PlanningSlice } from './planningSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createSunlightSlice, type SunlightSlice } from './sunlightSlice';
import { createTilesSlice, type TilesSlice } from './tilesSlice';
import { createTimeMachineSlice, type TimeMachineSlice } from './timeMachineSlice';
import { createToolsSlice, type ToolsSlice } from './toolsSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';
import { createVitalsSlice, type VitalsSlice } from './vitalsSlice';
import { createZoneSlice, type ZoneSlice } from './zoneSlice';

export type AppState = ZoneSlice & ViewSlice & LayersSlice & SelectionSlice & TilesSlice & ErrorsSlice & FeedSlice &
  LiveSelectionSlice & AlertsSlice & VitalsSlice & PlanningSlice & DrillsSlice & SunlightSlice & ToolsSlice & ModeSlice & RuntimeSlice & TimeMachineSlice;

export function createAppStore() {
  return createStore<AppState>()((...a) => ({
    ...createZoneSlice(...a),
    ...createViewSlice(...a),
    ...createLayersSlice(...a),
    ...createSelectionSlice(...a),
    ...createTilesSlice(...a),
    ...createErrorsSlice(...a),
    ...createFeedSlice(...a),
    ...createLiveSelectionSlice(...a),
    ...createAlertsSlice(...a),
    ...createVitalsSlice(...a),
    ...createPlanningSlice(...a),
    ...createDrillsSlice(...a),
    ...createSunlightSlice(...a),
    ...createToolsSlice(...a),
    ...createModeSlice(...a),
    ...createRuntimeSlice(...a),
    ...createTimeMachineSlice(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app-wide instance. Tests create their own with createAppStore(). */
export const appStore = createAppStore();
