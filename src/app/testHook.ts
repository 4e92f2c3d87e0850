/**
 * `window.__shentwin`: a read-only window onto the app for browser tests, installed only with
 * `?test=1`. Tests read state here instead of from pixels. Every property is a getter over the
 * live store or the views' diagnostics, so it is always current and costs nothing until read.
 * Documented in docs/test-hook.md.
 */
import type { AppError } from '../state/errorsSlice';
import { readDiagnostics } from '../state/diagnostics';
import type { AppStore } from '../state/store';
import { planningHook } from './planningHook';
import { sunlightHook } from './sunlightHook';
import { toolsHook } from './toolsHook';
import { mountedView } from './viewMount';
import { watchdogHandle } from '../runtime/useWatchdog';

export interface TilesAggregate {
  loaded: number;
  failed: number;
  inFlight: number;
  /** Every tileset of the current zone reports settled (false when no zone is open). */
  settled: boolean;
  tilesets: number;
}

export function tilesAggregate(store: AppStore): TilesAggregate {
  const s = store.getState();
  const scene = s.zones.find((z) => z.id === s.currentZoneId)?.scene;
  const out: TilesAggregate = { loaded: 0, failed: 0, inFlight: 0, settled: false, tilesets: 0 };
  if (!scene) return out;
  let settled = true;
  for (const ref of scene.tilesets) {
    const t = s.tilesets[ref.id];
    out.tilesets++;
    if (!t) {
      settled = false;
      continue;
    }
    out.loaded += t.loaded;
    out.failed += t.failed;
    out.inFlight += t.inFlight;
    settled &&= t.settled;
  }
  out.settled = settled && out.tilesets > 0;
  return out;
}

/** The 3D view's canvas: its CSS box and its drawing-buffer pixels (render scale = pixel / CSS). */
function canvasSize(): { cssW: number; cssH: number; pixelW: number; pixelH: number } | null {
  const c = typeof document === 'undefined' ? null : document.querySelector<HTMLCanvasElement>('.st-view canvas');
  if (!c) return null;
  const r = c.getBoundingClientRect();
  return { cssW: Math.round(r.width), cssH: Math.round(r.height), pixelW: c.width, pixelH: c.height };
}

/** Builds the hook object; separate from installation so it can be unit-tested without a window. */
export function createTestHook(store: AppStore): Record<string, unknown> {
  const st = () => store.getState();
  const hook = {};
  const getters: Record<string, () => unknown> = {
    ready: () => {
      const s = st();
      if (!s.zonesLoaded) return false;
      if (!s.currentZoneId) return true;
      return mountedView() === `${s.currentZoneId}:${s.engine}`;
    },
    zoneId: () => st().currentZoneId,
    engine: () => st().engine,
    language: () => st().language,
    zones: () => st().zones.map((z) => ({ id: z.id, file: z.file, ok: z.scene !== null, issues: z.issues })),
    tilesets: () => st().tilesets,
    tiles: () => tilesAggregate(store),
    errors: () => st().errors,
    errorCounts: () => st().errorCounts,
    lastError: (): AppError | null => st().errors[st().errors.length - 1] ?? null,
    selected: () => st().selected,
    hoveredBuildingId: () => st().hoveredBuildingId,
    cameraPose: () => st().cameraPose,
    layerVisible: () => st().layerVisible,
    feed: () => st().feed,
    render: () => readDiagnostics().three ?? null,
    shadows: () => readDiagnostics().shadows ?? null,
    /** Whether the 3D view still holds its first picture, and why and after how long it painted. */
    firstPicture: () => ({ state: st().firstPicture, ...(readDiagnostics().firstPicture ?? {}) }),
    live: () => readDiagnostics().live ?? null,
    alerts: () => st().alertState.alerts,
    audit: () => st().alertState.audit,
    /** The live alerts even while a replay shows the past ones in `alerts`. */
    liveAlerts: () => (st().liveAlertState ?? st().alertState).alerts,
    timeMachine: () => st().timeMachine,
    vitals: () => st().vitals,
    liveSelected: () => st().liveSelected,
    followVehicle: () => st().followVehicle,
    globe: () => readDiagnostics().globe ?? null,
    globeView: () => readDiagnostics().globeView ?? null,
    planning: () => planningHook(st()),
    analysis: () => ({ sunlight: sunlightHook(st()) }),
    tools: () => toolsHook(st()),
    mode: () => st().mode,
    tour: () => st().modeRuntime.tour,
    kiosk: () => st().modeRuntime.kiosk,
    wall: () => st().modeRuntime.wall,
    story: () => st().story,
    canvas: () => canvasSize(),
    export: () => readDiagnostics().export ?? null,
    watchdog: () => {
      const s = st();
      return { ...s.watchdog, history: [...(watchdogHandle()?.history() ?? [])], feedDownSinceMs: s.feedDownSinceMs, diagOpen: s.diagOpen, feedEpoch: s.feedEpoch, viewEpoch: s.viewEpoch };
    },
  };
  for (const [name, get] of Object.entries(getters)) {
    Object.defineProperty(hook, name, { get, enumerable: true });
  }
  Object.defineProperty(hook, 'projectEnu', {
    enumerable: true,
    value: (e: number, n: number, u: number): unknown => {
      const fn = readDiagnostics().three?.projectEnu;
      return typeof fn === 'function' ? (fn as (e: number, n: number, u: number) => unknown)(e, n, u) : null;
    },
  });
  Object.defineProperty(hook, 'liveVehicles', {
    enumerable: true,
    value: (n: number): unknown => {
      const fn = readDiagnostics().live?.vehiclePoses;
      return typeof fn === 'function' ? (fn as (n: number) => unknown)(n) : null;
    },
  });
  return Object.freeze(hook);
}

export function installTestHook(store: AppStore, win: Window = window): void {
  Object.defineProperty(win, '__shentwin', { value: createTestHook(store), configurable: false, writable: false });
}
