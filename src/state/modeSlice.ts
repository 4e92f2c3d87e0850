/**
 * Which working mode the app runs in (planner desk, operation-centre big screen, exhibition kiosk),
 * the deployment settings those modes read (from the link, the scene or the site index), and what
 * each shell reports back for the diagnostics and the test hook. Plain data only.
 */
import type { StateCreator } from 'zustand/vanilla';
import { APP_MODES, type AlertSeverity } from '../scene/schema';

export { APP_MODES };
export type AppMode = (typeof APP_MODES)[number];

export function isAppMode(s: unknown): s is AppMode {
  return typeof s === 'string' && (APP_MODES as readonly string[]).includes(s);
}

/** A video-wall screen's place: which wall, leader or follower, and its tile of the grid. */
export interface WallSettings {
  id: string;
  role: 'leader' | 'follower';
  columns: number;
  rows: number;
  column: number;
  row: number;
  bezelPx: number;
}

/** Deployment settings of the screen and kiosk modes; unchanged while the app runs. */
export interface ModeSettings {
  /** Design canvas of the big-screen HUD, CSS px (default 1920×1080). */
  design: { width: number; height: number } | null;
  /** Cap on the WebGL pixel ratio (4K/8K walls); null = native device pixels. */
  renderScale: number | null;
  /** Tour to play in screen mode; null = the zone's first. */
  tourId: string | null;
  /** Zones the screen carousels through, in order; empty = the current zone only. */
  carousel: string[];
  wall: WallSettings | null;
  /** Kiosk idle time before the "still there?" notice, ms. */
  idleMs: number | null;
  /** Screen mode: how long an alarm holds the tour's camera, ms; null = the tour's default (30 s). */
  holdMs: number | null;
  /** Screen mode: the least severe new alert that interrupts the tour; null = major. */
  alarmAt: AlertSeverity | null;
}

export const DEFAULT_MODE_SETTINGS: ModeSettings = {
  design: null, renderScale: null, tourId: null, carousel: [], wall: null, idleMs: null, holdMs: null, alarmAt: null,
};

export interface StoryPosition {
  id: string;
  /** 0-based step. */
  step: number;
}

/** A wall screen as its sync reports it (src/modes/wall/useWallSync.ts, views/three/WallViewOffset.tsx). */
export interface WallRuntime {
  role: 'leader' | 'follower';
  /** Followers on the wall, as the server last said. */
  peers: number;
  /** This screen's camera.setViewOffset arguments; null until the view has a size. */
  offset: [number, number, number, number, number, number] | null;
  /** The leader's name as the server shows it (`anonymous#<connection>` without --auth); null while the wall has none. */
  leader: string | null;
  /** The whole wall's vertical field of view from the leader's latest state; null before one arrived. */
  fovDeg: number | null;
  /** The tour position from the leader's latest state (a follower's HUD shows it instead of touring itself). */
  tour: { id: string; step: number; state: 'playing' | 'paused' | 'interrupted' } | null;
  /** Follower: has applied a leader state since it last joined. Leader: the server made it the wall's leader. */
  synced: boolean;
}

/** What the shells report for `window.__shentwin` (docs/test-hook.md). */
export interface ModeRuntime {
  tour: { id: string; step: number; state: 'playing' | 'paused' | 'interrupted'; interruptedBy: string | null; zone: string } | null;
  kiosk: { idleMs: number; state: 'active' | 'warning' | 'attract' } | null;
  wall: WallRuntime | null;
}

export interface ModeSlice {
  mode: AppMode;
  /** Where the mode came from: a link beats a scene, a scene beats the site index. */
  modeSource: 'default' | 'site' | 'scene' | 'url' | 'user';
  modeSettings: ModeSettings;
  story: StoryPosition | null;
  modeRuntime: ModeRuntime;
  setMode(mode: AppMode, source: ModeSlice['modeSource']): void;
  setModeSettings(s: Partial<ModeSettings>): void;
  setStory(story: StoryPosition | null): void;
  setModeRuntime(patch: Partial<ModeRuntime>): void;
}

const RANK: Record<ModeSlice['modeSource'], number> = { default: 0, site: 1, scene: 2, url: 3, user: 4 };

export const createModeSlice: StateCreator<ModeSlice, [], [], ModeSlice> = (set, get) => ({
  mode: 'planner',
  modeSource: 'default',
  modeSettings: DEFAULT_MODE_SETTINGS,
  story: null,
  modeRuntime: { tour: null, kiosk: null, wall: null },
  // A weaker source never overrides a stronger one (a scene's default does not undo a link's mode).
  setMode: (mode, source) => {
    if (RANK[source] < RANK[get().modeSource]) return;
    if (mode !== get().mode || source !== get().modeSource) set({ mode, modeSource: source });
  },
  setModeSettings: (s) => set({ modeSettings: { ...get().modeSettings, ...s } }),
  setStory: (story) => {
    const cur = get().story;
    if (cur === story || (cur && story && cur.id === story.id && cur.step === story.step)) return;
    set({ story });
  },
  setModeRuntime: (patch) => set({ modeRuntime: { ...get().modeRuntime, ...patch } }),
});
