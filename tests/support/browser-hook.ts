/**
 * The shape of `window.__shentwin`, the app's read-only test hook (present with `?test=1`), as
 * the browser tests rely on it. Only what the tests read is declared; a snapshot is plain data
 * (the function `projectEnu` is called inside the page, never copied out).
 */
import type { FeedSummary } from '../../src/feed/summary';

export type ErrorCategory = 'scene' | 'tileset' | 'tile' | 'feed' | 'url' | 'webgl' | 'import';

export interface HookTilesetStatus {
  root: 'loading' | 'ready' | 'failed';
  loaded: number;
  failed: number;
  inFlight: number;
  settled: boolean;
  cachedBytes: number;
  detailReduced: boolean;
}

export interface HookError {
  category: ErrorCategory;
  source: string;
  message: string;
}

export interface HookSelection {
  id: string;
  properties: Record<string, string | number>;
  point: [number, number, number];
}

export interface HookGlobe {
  zoneId: string;
  /** Primitives in Cesium's scene: one per loaded tileset of the current zone. */
  primitives: number;
  tilesetsReady: number;
  tilesLoaded: number;
  tilesFailed: number;
  allTilesLoaded: boolean;
  errors: string[];
}

export interface HookSnapshot {
  ready: boolean;
  zoneId: string | null;
  engine: 'three' | 'globe';
  zones: { id: string; file: string; ok: boolean; issues: { file: string; path: string; message: string }[] }[];
  tilesets: Record<string, HookTilesetStatus>;
  tiles: { loaded: number; failed: number; inFlight: number; settled: boolean };
  errors: HookError[];
  errorCounts: Record<ErrorCategory, number>;
  lastError: HookError | null;
  selected: HookSelection | null;
  hoveredBuildingId: string | null;
  render: Record<string, number> & { drawCalls: number; triangles: number };
  /** The shadow-map cache (src/views/three/ShadowCache.tsx); null without the three.js view. */
  shadows: { rendered: number; reused: number; signatureLength: number } | null;
  firstPicture: { state: 'waiting' | 'shown'; reason?: 'content' | 'nothing-to-wait-for' | 'timeout' | null; heldMs?: number | null };
  globe: HookGlobe | null | undefined;
  cameraPose: { position: [number, number, number]; target: [number, number, number] } | null;
  layerVisible: Record<string, boolean>;
  language: 'zh' | 'en';
  feed: FeedSummary;
}

/** The live hook inside the page: the snapshot's fields plus its one function. */
export interface ShenTwinHook extends HookSnapshot {
  /** Canvas CSS pixels; null when no view that can project is mounted. */
  projectEnu(e: number, n: number, u: number): { x: number; y: number; visible: boolean } | null;
}

declare global {
  interface Window {
    __shentwin?: ShenTwinHook;
  }
}

export const SNAPSHOT_KEYS: readonly (keyof HookSnapshot)[] = [
  'ready', 'zoneId', 'engine', 'zones', 'tilesets', 'tiles', 'errors', 'errorCounts', 'lastError',
  'selected', 'hoveredBuildingId', 'render', 'globe', 'cameraPose', 'layerVisible', 'language', 'feed', 'firstPicture',
];
