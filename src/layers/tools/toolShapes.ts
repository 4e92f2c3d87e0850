/**
 * What a tool's points and parameters look like in the scene, before (or without) a computed
 * payload: the measured line with its horizontal and vertical legs, a polygon ring, the sight
 * lines from the raised eye, a viewshed's range outline, a skyline's field of view, a height
 * limit's prism, a section's box. One function serves the tool being drawn (with the rubber-band
 * point appended) and a kept result (its inputs); the role only picks the colours.
 */
import { HEIGHT_LIMIT_COLOR } from '../buildings/highlightMaterial';
import { PLANE_OUTLINE_HALF_M } from '../section/model';
import { boxAxes, unit } from '../../tools/toolKindsSection';
import type { ParamsOf, ToolKind, Vec3 } from '../../tools/toolTypes';
import { SKYLINE_DRAW_M } from './model';
import { srgbHex, type PointBuffer, type Rgb, type SegmentBuffer } from './sceneBuffers';

/** The tool being drawn, the selected result, any other result. */
export type Role = 'active' | 'selected' | 'result';

export const ROLE_COLORS: Readonly<Record<Role, { main: Rgb; hint: Rgb }>> = {
  active: { main: srgbHex(0x00e5ff), hint: srgbHex(0x80deea) },
  selected: { main: srgbHex(0xffb300), hint: srgbHex(0xffe082) },
  result: { main: srgbHex(0x90a4ae), hint: srgbHex(0x607d8b) },
};
export const HOVER_COLOR = srgbHex(0xffffff);
export const HANDLE_COLOR = srgbHex(0xffffff);
export const VISIBLE_COLOR = srgbHex(0x22c55e);
export const HIDDEN_COLOR = srgbHex(0xef4444);
export const BLOCKER_COLOR = srgbHex(0xffeb3b);
export const SKYLINE_EXISTING_COLOR = srgbHex(0x9e9e9e);
export const SKYLINE_SCHEME_COLOR = srgbHex(0xff9800);
export const LIMIT_COLOR = srgbHex(HEIGHT_LIMIT_COLOR);

/** Segments of a range circle (a 300 m circle stays round to a few centimetres). */
export const CIRCLE_SEGMENTS = 96;

export type Shape = { [K in ToolKind]: { kind: K; params: ParamsOf<K> } }[ToolKind];

export interface ShapeOut {
  lines: SegmentBuffer;
  points: PointBuffer;
  role: Role;
  groundZ: number;
}

const DEG = Math.PI / 180;
const raise = (p: Vec3, dz: number): Vec3 => [p[0], p[1], p[2] + dz];

/** An arc (or, for 360°, a circle) of radius r around (x, y) at height z, compass degrees. */
function arc(out: SegmentBuffer, x: number, y: number, z: number, r: number, fromDeg: number, spanDeg: number, c: Rgb): void {
  const n = Math.max(2, Math.ceil((CIRCLE_SEGMENTS * Math.min(360, spanDeg)) / 360));
  let px = x + r * Math.sin(fromDeg * DEG), py = y + r * Math.cos(fromDeg * DEG);
  for (let i = 1; i <= n; i++) {
    const a = (fromDeg + (spanDeg * i) / n) * DEG;
    const qx = x + r * Math.sin(a), qy = y + r * Math.cos(a);
    out.push(px, py, z, qx, qy, z, c);
    px = qx;
    py = qy;
  }
}

/** A sector's arc and its two radii; a full circle for 360°. */
function fan(out: SegmentBuffer, o: Vec3, z: number, r: number, headingDeg: number, fovDeg: number, c: Rgb): void {
  if (!(r > 0)) return;
  if (fovDeg >= 360) {
    arc(out, o[0], o[1], z, r, 0, 360, c);
    return;
  }
  const from = headingDeg - fovDeg / 2;
  arc(out, o[0], o[1], z, r, from, fovDeg, c);
  for (const a of [from, from + fovDeg]) out.push(o[0], o[1], z, o[0] + r * Math.sin(a * DEG), o[1] + r * Math.cos(a * DEG), z, c);
}

/** The horizontal leg from a to under b, and the vertical one up to b: the slant's triangle. */
function legs(out: SegmentBuffer, a: Vec3, b: Vec3, c: Rgb): void {
  out.push(a[0], a[1], a[2], b[0], b[1], a[2], c);
  out.push(b[0], b[1], a[2], b[0], b[1], b[2], c);
}

/**
 * A height limit's prism over a ring: the ring at the limit height and the verticals up to it
 * from `baseZ`, plus the ring at `baseZ` in `base` when given (a drawn ring already shows there).
 */
export function limitPrism(
  out: SegmentBuffer, ring: readonly (readonly [number, number])[], closed: boolean, baseZ: number, topZ: number, top: Rgb, base: Rgb | null,
): void {
  const n = ring.length;
  const edges = closed && n >= 3 ? n : n - 1;
  for (let i = 0; i < edges; i++) {
    const a = ring[i]!, b = ring[(i + 1) % n]!;
    out.push(a[0], a[1], topZ, b[0], b[1], topZ, top);
    if (base) out.push(a[0], a[1], baseZ, b[0], b[1], baseZ, base);
  }
  for (const a of ring) out.push(a[0], a[1], baseZ, a[0], a[1], topZ, top);
}

function sectionOutline(out: SegmentBuffer, c: Vec3, p: ParamsOf<'section'>, col: Rgb): void {
  if (p.shape === 'box') {
    const [r, f, u] = boxAxes(p.headingDeg);
    const h = [p.sizeM[0] / 2, p.sizeM[1] / 2, p.sizeM[2] / 2];
    const corner = (i: number, j: number, k: number): Vec3 => [
      c[0] + i * r[0] * h[0]! + j * f[0] * h[1]! + k * u[0] * h[2]!,
      c[1] + i * r[1] * h[0]! + j * f[1] * h[1]! + k * u[1] * h[2]!,
      c[2] + i * r[2] * h[0]! + j * f[2] * h[1]! + k * u[2] * h[2]!,
    ];
    for (const s of [-1, 1]) {
      for (const t of [-1, 1]) {
        out.line(corner(-1, s, t), corner(1, s, t), col);
        out.line(corner(s, -1, t), corner(s, 1, t), col);
        out.line(corner(s, t, -1), corner(s, t, 1), col);
      }
    }
    return;
  }
  const n = unit(p.normal);
  if (!n) return;
  // Two axes in the plane: horizontal across it, and the one perpendicular to both.
  const a = unit([n[1], -n[0], 0]) ?? [1, 0, 0];
  const b: Vec3 = [n[1] * a[2] - n[2] * a[1], n[2] * a[0] - n[0] * a[2], n[0] * a[1] - n[1] * a[0]];
  const s = PLANE_OUTLINE_HALF_M;
  const q = (i: number, j: number): Vec3 => [c[0] + (a[0] * i + b[0] * j) * s, c[1] + (a[1] * i + b[1] * j) * s, c[2] + (a[2] * i + b[2] * j) * s];
  out.polyline([q(-1, -1), q(1, -1), q(1, 1), q(-1, 1)], true, col);
}

/**
 * Writes a tool's shape. `pts` are the picked points in order (with the rubber-band point last
 * while placing); `closeRing` closes polygon kinds' rings.
 */
export function drawShape(shape: Shape, pts: readonly Vec3[], closeRing: boolean, o: ShapeOut): void {
  const { lines, points, groundZ } = o;
  const { main, hint } = ROLE_COLORS[o.role];
  const [a, b] = pts;
  switch (shape.kind) {
    case 'measure-distance':
      if (a && b) {
        lines.line(a, b, main);
        legs(lines, a, b, hint);
      }
      break;
    case 'measure-polyline':
      lines.polyline(pts, false, main);
      break;
    case 'measure-area-horizontal':
    case 'measure-area-surface':
      lines.polyline(pts, closeRing, main);
      break;
    case 'measure-height':
      if (a && b) {
        legs(lines, a, b, main);
        lines.line(a, b, hint);
      } else if (a) lines.push(a[0], a[1], groundZ, a[0], a[1], a[2], main);
      break;
    case 'measure-bearing':
      if (a && b) {
        lines.line(a, b, main);
        const l = Math.max(1, Math.hypot(b[0] - a[0], b[1] - a[1]));
        lines.push(a[0], a[1], a[2], a[0], a[1] + l, a[2], hint);
      }
      break;
    case 'height-limit':
      if (shape.params.mode === 'value' && pts.length > 0) {
        lines.polyline(pts, closeRing, main);
        const ring = pts.map((p): [number, number] => [p[0], p[1]]);
        limitPrism(lines, ring, closeRing, groundZ, groundZ + shape.params.limitM, LIMIT_COLOR, null);
      }
      break;
    case 'sight-line':
      if (a) {
        const eye = raise(a, shape.params.eyeHeightM);
        lines.line(a, eye, hint);
        points.point(eye, main);
        for (let i = 1; i < pts.length; i++) lines.line(eye, raise(pts[i]!, shape.params.targetHeightM), main);
      }
      break;
    case 'viewshed':
      if (a) {
        const p = shape.params;
        const eye = raise(a, p.eyeHeightM);
        lines.line(a, eye, hint);
        points.point(eye, main);
        fan(lines, a, a[2], p.distanceM, p.headingDeg, p.mode === 'cone' ? p.horizontalFovDeg : 360, hint);
      }
      break;
    case 'skyline':
      if (a) {
        const p = shape.params;
        const eye = p.source === 'pick' ? raise(a, p.eyeHeightM) : a;
        if (p.source === 'pick') lines.line(a, eye, hint);
        points.point(eye, main);
        fan(lines, eye, eye[2], SKYLINE_DRAW_M, p.headingDeg, p.horizontalFovDeg, hint);
      }
      break;
    case 'section':
      // The active or selected section is the section layer's, with its own outline and handles.
      if (a && o.role === 'result') sectionOutline(lines, a, shape.params, main);
      break;
  }
}
