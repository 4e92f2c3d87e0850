/**
 * When the 3D view paints its first picture. Until every tileset of the zone has its first content
 * in (or has failed, or has nothing to load for this view), the view draws nothing and the page
 * shows "Loading the 3D view…": the first picture is the city, not bare ground with the buildings
 * popping in a moment later.
 *
 * On a software rasteriser this is also what makes the city appear sooner. Each frame drawn before
 * the tiles arrive costs the GPU process 0.1–0.2 s there (shadow pass, first use of every program),
 * and the tiles' own first frame queues behind them. Measured on 2 cores with SwiftShader,
 * interleaved runs, medians of the first settled time: Jiading's overview 1.35 s with those frames,
 * 1.16 s without (9 runs each); the West Bund Long Museum view 2.18 s and 1.93 s (5 runs each).
 * On a GPU the wait is a frame or two.
 *
 * It never holds longer than FIRST_PICTURE_MAX_WAIT_MS: slow tiles show what has arrived then.
 * Pure; the renderer counters, store status and clock are passed in.
 */
import type { TilesetStatus } from '../../state/tilesSlice';

export const FIRST_PICTURE_MAX_WAIT_MS = 2000;

export interface FirstPictureTileset {
  /** Tiles the renderer has parsed so far, read from it directly (the store's copy is up to 250 ms old); null while it is not mounted. */
  loaded: number | null;
  /** The tileset's published status, undefined before its first report. */
  status: TilesetStatus | undefined;
}

export type FirstPictureReason = 'content' | 'nothing-to-wait-for' | 'timeout';

/** Why the view may paint now; null: keep waiting. */
export function firstPictureVerdict(tilesets: readonly FirstPictureTileset[], elapsedMs: number, maxWaitMs = FIRST_PICTURE_MAX_WAIT_MS): FirstPictureReason | null {
  if (tilesets.length === 0) return 'nothing-to-wait-for';
  const done = (t: FirstPictureTileset) => (t.loaded !== null && t.loaded > 0) || t.status?.root === 'failed' || t.status?.settled === true;
  if (tilesets.every(done)) return tilesets.some((t) => t.loaded !== null && t.loaded > 0) ? 'content' : 'nothing-to-wait-for';
  // A non-finite clock reading (a broken injected clock) must not hold the view forever.
  if (!(elapsedMs < maxWaitMs)) return 'timeout';
  return null;
}
