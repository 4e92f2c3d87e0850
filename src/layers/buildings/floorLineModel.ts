/**
 * How floor lines are drawn, as pure numbers the line shader mirrors.
 *
 * Two defects shaped this model. Lines are one pixel wide at any range, so once storeys are only
 * a few pixels apart they alias into moiré; the fade is therefore set in *pixels between storeys*
 * (which depends on the viewport and the field of view, not on metres alone) and a line has gone
 * before its neighbours crowd it. And an unlit line colour stays bright in shadow and at night; a
 * floor line is therefore not a colour but a darkening of the facade under it (black drawn at
 * `alpha`: result = facade × (1 − alpha)), so it takes the facade's sun, shadow and night for free.
 */

/** Material and node name the tiler gives the floor-line primitive (tiler MATERIALS.floorLines). */
export const FLOOR_LINES_NAME = 'floor-lines';

export const FLOOR_LINE_STYLE = {
  /** A typical storey; drawn storeys are 2 m at the least, most are 3–4 m. */
  storeyM: 3.2,
  /** Storeys at least this many pixels apart are drawn at full strength. */
  fullSpacingPx: 12,
  /** Storeys this close on screen alias into moiré: the lines are gone by here. */
  zeroSpacingPx: 4,
  /** How much a line darkens the facade at full strength. */
  darken: 0.32,
} as const;

export interface FadeRange {
  /** Up to this view distance a line is at full strength. */
  fullM: number;
  /** From this view distance on a line is not drawn at all. */
  zeroM: number;
}

/**
 * View distances of the fade for a perspective camera. `projectionYScale` is element [5] of the
 * projection matrix (1 / tan(fovY / 2), times zoom); `viewportHeightPx` is in device pixels, since
 * aliasing happens on device pixels. Bad inputs give a zero range: no lines rather than NaN.
 */
export function floorLineFadeRange(viewportHeightPx: number, projectionYScale: number): FadeRange {
  if (!(viewportHeightPx > 0) || !(projectionYScale > 0) || !Number.isFinite(viewportHeightPx * projectionYScale)) {
    return { fullM: 0, zeroM: 0 };
  }
  const S = FLOOR_LINE_STYLE;
  const focalPx = 0.5 * viewportHeightPx * projectionYScale;
  return { fullM: (S.storeyM * focalPx) / S.fullSpacingPx, zeroM: (S.storeyM * focalPx) / S.zeroSpacingPx };
}

/** Pixels between two storeys `distanceM` from the camera. */
export function storeySpacingPx(distanceM: number, viewportHeightPx: number, projectionYScale: number): number {
  return (FLOOR_LINE_STYLE.storeyM * 0.5 * viewportHeightPx * projectionYScale) / Math.max(distanceM, 1e-6);
}

function smoothstep(e0: number, e1: number, x: number): number {
  if (!(e1 > e0)) return x < e0 ? 0 : 1;
  const t = Math.min(Math.max((x - e0) / (e1 - e0), 0), 1);
  return t * t * (3 - 2 * t);
}

/** Darkening strength of a line at `distanceM` (0 = not drawn). The shader computes the same. */
export function floorLineAlpha(distanceM: number, range: FadeRange): number {
  if (!Number.isFinite(distanceM)) return 0;
  return FLOOR_LINE_STYLE.darken * (1 - smoothstep(range.fullM, range.zeroM, distanceM));
}

/**
 * What the blend writes where a line crosses a facade pixel of linear colour `facade`: the
 * facade, darkened. Never brighter than the facade, so never brighter than its shadow or its night.
 */
export function shadeFloorLine(facade: readonly [number, number, number], alpha: number): [number, number, number] {
  const k = 1 - Math.min(Math.max(alpha, 0), 1);
  return [facade[0] * k, facade[1] * k, facade[2] * k];
}
