/**
 * Pure helpers shared by the live layers: screen-size maths for markers that must stay readable
 * from a 4K wall's overview down to street level, and screen-space picking of small moving things
 * (a 5 m car is under a pixel from 10 km away, so ray casting its triangles would never hit it).
 */

/**
 * World metres covered by one screen pixel per metre of distance from the camera, for a vertical
 * field of view and a viewport height in device pixels.
 */
export function metresPerPixelPerMetre(fovDeg: number, viewportHeightPx: number): number {
  if (!(viewportHeightPx > 0) || !(fovDeg > 0)) return 0;
  return (2 * Math.tan(((fovDeg * Math.PI) / 180) / 2)) / viewportHeightPx;
}

/**
 * Scale factor a marker of `sizeM` needs at `distanceM` to cover at least `minPx` pixels: never
 * below 1 (close up, things keep their true size). The shaders compute the same on the GPU.
 */
export function screenScale(distanceM: number, mPerPxPerM: number, minPx: number, sizeM: number): number {
  if (!(sizeM > 0)) return 1;
  return Math.max(1, (distanceM * mPerPxPerM * minPx) / sizeM);
}

/** Result of a screen-space pick: the candidate's index, its pixel distance and its clip depth. */
export interface ScreenHit {
  index: number;
  distPx: number;
  depth: number;
}

/**
 * Nearest candidate to the pointer (CSS px, from the canvas's top-left) within radiusPx, by
 * projecting ENU points (x, y, u) with a column-major view-projection matrix of three.js axes.
 * Points behind the camera or off screen are skipped; `include(i)` filters candidates.
 */
export function pickNearest(
  count: number,
  xAt: (i: number) => number,
  yAt: (i: number) => number,
  upM: number,
  include: (i: number) => boolean,
  viewProj: ArrayLike<number>,
  widthPx: number,
  heightPx: number,
  pointerX: number,
  pointerY: number,
  radiusPx: number,
): ScreenHit | null {
  const m = viewProj;
  let best: ScreenHit | null = null;
  for (let i = 0; i < count; i++) {
    if (!include(i)) continue;
    // ENU (e, n, u) → three (e, u, −n).
    const tx = xAt(i), ty = upM, tz = -yAt(i);
    if (!Number.isFinite(tx) || !Number.isFinite(tz)) continue;
    const cw = m[3]! * tx + m[7]! * ty + m[11]! * tz + m[15]!;
    if (!(cw > 1e-6)) continue;
    const cx = (m[0]! * tx + m[4]! * ty + m[8]! * tz + m[12]!) / cw;
    const cy = (m[1]! * tx + m[5]! * ty + m[9]! * tz + m[13]!) / cw;
    const cz = (m[2]! * tx + m[6]! * ty + m[10]! * tz + m[14]!) / cw;
    if (cz < -1 || cz > 1) continue;
    const sx = ((cx + 1) / 2) * widthPx;
    const sy = ((1 - cy) / 2) * heightPx;
    const d = Math.hypot(sx - pointerX, sy - pointerY);
    if (d > radiusPx) continue;
    // Within a couple of pixels of each other, the one nearer the camera wins.
    if (!best || d < best.distPx - 2 || (Math.abs(d - best.distPx) <= 2 && cz < best.depth)) best = { index: i, distPx: d, depth: cz };
  }
  return best;
}

/** Candidates that are nearest to a point (camera target or position), up to `max`, within `maxDistM`. */
export function nearestIndices(
  count: number,
  xAt: (i: number) => number,
  yAt: (i: number) => number,
  include: (i: number) => boolean,
  cx: number,
  cy: number,
  maxDistM: number,
  max: number,
  out: number[],
): number[] {
  out.length = 0;
  const d2max = maxDistM * maxDistM;
  const dists: number[] = [];
  for (let i = 0; i < count; i++) {
    if (!include(i)) continue;
    const dx = xAt(i) - cx, dy = yAt(i) - cy;
    const d2 = dx * dx + dy * dy;
    if (!(d2 <= d2max)) continue;
    out.push(i);
    dists[i] = d2;
  }
  out.sort((a, b) => dists[a]! - dists[b]!);
  if (out.length > max) out.length = max;
  return out;
}
