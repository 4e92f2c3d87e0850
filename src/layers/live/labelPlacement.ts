/**
 * Where close-up labels may go: pure screen-box logic, in CSS px of the view. A label is placed
 * only where it overlaps nothing already claimed this frame, no UI panel (a label under a panel is
 * unreadable and hides the panel's edge) and not the selected or hovered thing (a label over the
 * building one is looking at hides exactly what one wants to see). Boxes are flat x0, y0, x1, y1
 * runs in plain arrays: no allocation per label per frame.
 */

/** Keeps labels this far from a panel's edge, so they never touch it. */
export const PANEL_MARGIN_PX = 6;
/** Clear space around the selected building's projected box. */
export const SELECTION_MARGIN_PX = 8;
/** Clear radius around the pointer while it hovers a building (the building under it is unknown in size). */
export const HOVER_CLEAR_PX = 80;
/** Clear radius around a selected live thing (vehicle, sensor, stop) on screen. */
export const LIVE_SELECTION_CLEAR_PX = 36;

/** `.st-live-label` font size in rem (live.css) and the px size estimateLabelSize assumes. */
export const LABEL_FONT_REM = 0.72;
export const ESTIMATE_FONT_PX = 11;

/** How much larger real labels are than the estimate, for a root font size in px. */
export function labelFontScale(rootFontPx: number): number {
  return Number.isFinite(rootFontPx) && rootFontPx > 0 ? (rootFontPx * LABEL_FONT_REM) / ESTIMATE_FONT_PX : 1;
}

export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** True when the box overlaps any box of `boxes` (flat x0, y0, x1, y1 runs). */
export function overlapsAny(boxes: ArrayLike<number>, x0: number, y0: number, x1: number, y1: number): boolean {
  for (let i = 0; i + 3 < boxes.length; i += 4) {
    if (x0 < boxes[i + 2]! && x1 > boxes[i]! && y0 < boxes[i + 3]! && y1 > boxes[i + 1]!) return true;
  }
  return false;
}

/**
 * Claims the box in `placed` unless it overlaps a placed label or any of the `blocked` lists.
 * Returns whether the label may be drawn.
 */
export function claimLabelBox(
  placed: number[],
  blocked: readonly ArrayLike<number>[],
  x0: number, y0: number, x1: number, y1: number,
): boolean {
  if (!(x1 > x0) || !(y1 > y0)) return false;
  if (overlapsAny(placed, x0, y0, x1, y1)) return false;
  for (const b of blocked) if (overlapsAny(b, x0, y0, x1, y1)) return false;
  placed.push(x0, y0, x1, y1);
  return true;
}

/**
 * Panel rectangles (client coordinates, e.g. getBoundingClientRect) as boxes in the view's own
 * coordinates (`origin` is the view's client rect), grown by `marginPx`. Empty and non-finite
 * rectangles (hidden panels) are skipped. Replaces the contents of `out`.
 */
export function panelBoxes(rects: Iterable<RectLike>, origin: { left: number; top: number }, marginPx: number, out: number[]): number[] {
  out.length = 0;
  for (const r of rects) {
    if (!(r.right > r.left) || !(r.bottom > r.top)) continue;
    const x0 = r.left - origin.left - marginPx, y0 = r.top - origin.top - marginPx;
    const x1 = r.right - origin.left + marginPx, y1 = r.bottom - origin.top + marginPx;
    if (![x0, y0, x1, y1].every(Number.isFinite)) continue;
    out.push(x0, y0, x1, y1);
  }
  return out;
}

/**
 * Appends the screen bounds of projected points (flat x, y pairs in CSS px; a NaN pair is a point
 * behind the camera and is skipped), grown by `marginPx`. Nothing is appended when no point is usable.
 */
export function appendBounds(points: ArrayLike<number>, marginPx: number, out: number[]): void {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i]!, y = points[i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  if (x0 > x1) return;
  out.push(x0 - marginPx, y0 - marginPx, x1 + marginPx, y1 + marginPx);
}

/** Appends a square of half-size `radiusPx` around a screen point. */
export function appendAround(x: number, y: number, radiusPx: number, out: number[]): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return;
  out.push(x - radiusPx, y - radiusPx, x + radiusPx, y + radiusPx);
}

/**
 * ENU corners of a box standing around a selected building's pick point: the pick point lies on
 * its surface, so the box reaches `halfWidthM` around it and from the ground to its top.
 * Half-width follows the building's height (towers are wider than sheds), within sane bounds.
 */
export function selectionCorners(point: readonly [number, number, number], heightM: number, out: number[]): number[] {
  const h = Number.isFinite(heightM) && heightM > 0 ? heightM : 20;
  const r = Math.min(Math.max(0.5 * h, 12), 50);
  const top = Math.max(point[2], h);
  out.length = 0;
  for (const dx of [-r, r]) for (const dy of [-r, r]) for (const z of [0, top]) out.push(point[0] + dx, point[1] + dy, z);
  return out;
}
