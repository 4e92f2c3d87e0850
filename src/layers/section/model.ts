/**
 * The section layer's numbers, pure: the clipping planes in three.js's frame, where each cap quad
 * goes, which planes need a cap from where the camera stands, the box outline, handle sizes on
 * screen and which handle a pointer ray hits. ENU metres in, three.js axes out
 * (x = east, y = up, z = −north, see views/three/enuThree): the frame change is a rotation about
 * the shared origin, so a plane's normal turns with the axes and its constant stays the same.
 */
import type { Vec3 } from '../../core/geodesy';
import { sectionHandles } from '../../analysis/section/handles';
import { sectionPlanes } from '../../analysis/section/planes';
import type { ClipPlane, Section } from '../../analysis/section/types';
import { enuToThree } from '../../views/three/enuThree';
import { schemeTilesetId } from '../planning/schemeTilesets';

/** The cut faces' colour: a light neutral that reads as "solid material" against the facades. */
export const CAP_COLOR = '#d9d4c7';
/** The box outline and handle colours. */
export const OUTLINE_COLOR = '#ff9800';
export const HANDLE_COLOR = '#ff9800';
export const HANDLE_HOVER_COLOR = '#ffe0b2';
/**
 * Buildings stand on z = 0 and their tiles have no floor faces (src/tiler/geometry/prism.ts), so
 * below this height the cap test cannot tell inside from outside; caps are cut off here.
 */
export const CAP_FLOOR_UP_M = 0;
/** Half the side of the quad that caps a single plane: past the farthest camera distance. */
export const PLANE_CAP_HALF_EXTENT_M = 40_000;
/** A box face's cap quad is this much larger than the face; the other planes trim it exactly. */
export const BOX_CAP_MARGIN = 1.02;
/** Half the side of the square outline drawn around a plane's handle. */
export const PLANE_OUTLINE_HALF_M = 150;
/** Drawn handle diameter, and the hit target's (the 44 px touch minimum), in CSS pixels. */
export const HANDLE_DRAW_PX = 20;
export const HANDLE_HIT_PX = 44;
/** Handles closer than this on screen count as on the same spot. */
const SAME_SPOT_PX = 1;
/** Edges of a box outline, and floats its buffer holds (12 edges × 2 ends × xyz). */
export const BOX_EDGE_COUNT = 12;
export const OUTLINE_FLOATS = BOX_EDGE_COUNT * 2 * 3;

/** A section's clipping planes in three.js's frame, keeping what the section keeps. */
export function threeClipPlanes(section: Section): ClipPlane[] {
  return sectionPlanes(section).map((p) => {
    const n = enuToThree(p.normal[0], p.normal[1], p.normal[2]);
    // `+ 0` turns the −0 of a negated zero north into +0.
    return { normal: [n[0] + 0, n[1] + 0, n[2] + 0], constant: p.constant };
  });
}

/** The same plane keeping the other side. */
export function flipPlane(p: ClipPlane): ClipPlane {
  return { normal: [0 - p.normal[0], 0 - p.normal[1], 0 - p.normal[2]], constant: 0 - p.constant };
}

/** Keeps three.js y ≥ floorUpM (what stands above the ground). */
export function floorPlane(floorUpM: number): ClipPlane {
  return { normal: [0, 1, 0], constant: -floorUpM };
}

/**
 * For plane i: the planes its cap quad is trimmed by (every other plane, and the floor). Its own
 * plane is left out: the quad lies on it, and a plane clipping its own surface flickers.
 */
export function capClipPlanes(planes: readonly ClipPlane[], i: number, floorUpM: number): ClipPlane[] {
  const out = planes.filter((_, j) => j !== i);
  out.push(floorPlane(floorUpM));
  return out;
}

/**
 * Whether the cap on a plane can be seen from the camera: only from the cut-away side. From the
 * kept side the cut face lies behind the kept part of whatever it cuts, so it needs no passes
 * (a camera outside a box caps at most three of its faces).
 */
export function capFacesCamera(normal: Vec3 | readonly number[], constant: number, cam: Vec3 | readonly number[]): boolean {
  return (normal[0] ?? 0) * (cam[0] ?? 0) + (normal[1] ?? 0) * (cam[1] ?? 0) + (normal[2] ?? 0) * (cam[2] ?? 0) + constant < 0;
}

/** Writes a column-major 4×4 taking the unit quad (XY, −0.5..0.5, facing +z) to (c, u·w, v·h, n). */
function writeQuadMatrix(out: number[] | Float32Array | Float64Array, c: Vec3, u: Vec3, w: number, n: Vec3, h: number): void {
  // v = n × u keeps the matrix right-handed, so the quad's front faces along n.
  const vx = n[1] * u[2] - n[2] * u[1];
  const vy = n[2] * u[0] - n[0] * u[2];
  const vz = n[0] * u[1] - n[1] * u[0];
  out[0] = u[0] * w; out[1] = u[1] * w; out[2] = u[2] * w; out[3] = 0;
  out[4] = vx * h; out[5] = vy * h; out[6] = vz * h; out[7] = 0;
  out[8] = n[0]; out[9] = n[1]; out[10] = n[2]; out[11] = 0;
  out[12] = c[0]; out[13] = c[1]; out[14] = c[2]; out[15] = 1;
}

const scratchC: Vec3 = [0, 0, 0];
const scratchU: Vec3 = [0, 0, 0];
const scratchN: Vec3 = [0, 0, 0];

/**
 * The matrix of the cap quad on plane i, three.js frame, facing the cut-away side. A box face's
 * quad covers the face; a lone plane's quad is PLANE_CAP_HALF_EXTENT_M around the camera's foot
 * on the plane, so it covers the view wherever the camera goes. Allocation-free: it runs in the
 * render pass for a lone plane.
 */
export function writeCapMatrix(section: Section, i: number, cam: Vec3 | readonly number[], out: number[] | Float32Array | Float64Array): void {
  if (section.kind === 'plane') {
    enuToThree(section.normal[0], section.normal[1], section.normal[2], scratchN);
    const p = enuToThree(section.point[0], section.point[1], section.point[2], scratchC);
    const d = scratchN[0] * ((cam[0] ?? 0) - p[0]) + scratchN[1] * ((cam[1] ?? 0) - p[1]) + scratchN[2] * ((cam[2] ?? 0) - p[2]);
    p[0] = (cam[0] ?? 0) - scratchN[0] * d;
    p[1] = (cam[1] ?? 0) - scratchN[1] * d;
    p[2] = (cam[2] ?? 0) - scratchN[2] * d;
    // Any unit vector across the normal: crossed with the world axis least along it.
    const ax = Math.abs(scratchN[0]), ay = Math.abs(scratchN[1]), az = Math.abs(scratchN[2]);
    const k = ax <= ay && ax <= az ? 0 : ay <= az ? 1 : 2;
    const e0 = k === 0 ? 1 : 0, e1 = k === 1 ? 1 : 0, e2 = k === 2 ? 1 : 0;
    let ux = scratchN[1] * e2 - scratchN[2] * e1;
    let uy = scratchN[2] * e0 - scratchN[0] * e2;
    let uz = scratchN[0] * e1 - scratchN[1] * e0;
    const len = Math.hypot(ux, uy, uz) || 1;
    ux /= len; uy /= len; uz /= len;
    scratchU[0] = ux; scratchU[1] = uy; scratchU[2] = uz;
    const side = 2 * PLANE_CAP_HALF_EXTENT_M;
    writeQuadMatrix(out, p, scratchU, side, scratchN, side);
    return;
  }
  // Box face i (BOX_FACES order: +x −x +y −y +z −z): outward normal along local axis a, the quad
  // spans the other two local axes with their sizes.
  const h = (section.headingDeg * Math.PI) / 180;
  const cos = Math.cos(h), sin = Math.sin(h);
  const a = i >> 1;
  const sign = i % 2 === 0 ? 1 : -1;
  const axis = (k: number, out3: Vec3): Vec3 =>
    k === 0 ? enuToThree(cos, -sin, 0, out3) : k === 1 ? enuToThree(sin, cos, 0, out3) : enuToThree(0, 0, 1, out3);
  axis(a, scratchN);
  scratchN[0] *= sign; scratchN[1] *= sign; scratchN[2] *= sign;
  const half = section.size[a]! / 2;
  const c = enuToThree(section.centre[0], section.centre[1], section.centre[2], scratchC);
  c[0] += scratchN[0] * half; c[1] += scratchN[1] * half; c[2] += scratchN[2] * half;
  const ka = a === 0 ? 1 : 0;
  const kb = a === 2 ? 1 : 2;
  axis(ka, scratchU);
  writeQuadMatrix(out, c, scratchU, section.size[ka]! * BOX_CAP_MARGIN, scratchN, section.size[kb]! * BOX_CAP_MARGIN);
}

/**
 * The section's outline as line-segment ends, three.js frame: a box's 12 edges, or a square
 * around a plane's handle (4 edges). Returns the number of vertices written.
 */
export function writeOutline(section: Section, out: Float32Array): number {
  const corners: Vec3[] = [];
  if (section.kind === 'box') {
    const h = (section.headingDeg * Math.PI) / 180;
    const ax: Vec3 = [Math.cos(h), -Math.sin(h), 0];
    const ay: Vec3 = [Math.sin(h), Math.cos(h), 0];
    const [sx, sy, sz] = section.size;
    for (const k of [-1, 1]) for (const j of [-1, 1]) for (const i of [-1, 1]) {
      const e = section.centre[0] + (ax[0] * i * sx) / 2 + (ay[0] * j * sy) / 2;
      const n = section.centre[1] + (ax[1] * i * sx) / 2 + (ay[1] * j * sy) / 2;
      corners.push(enuToThree(e, n, section.centre[2] + (k * sz) / 2));
    }
    // Corner index bits: i (x) = 1, j (y) = 2, k (z) = 4; an edge joins corners one bit apart.
    const edges: [number, number][] = [];
    for (let c = 0; c < 8; c++) for (const bit of [1, 2, 4]) if (!(c & bit)) edges.push([c, c | bit]);
    return writeEdges(edges, corners, out);
  }
  const m = new Float64Array(16);
  writeCapMatrix(section, 0, enuToThree(section.point[0], section.point[1], section.point[2]), m);
  // The cap quad's u and v columns are unit × its side; rescale them to the outline's half side.
  const s = PLANE_OUTLINE_HALF_M / (2 * PLANE_CAP_HALF_EXTENT_M);
  for (const [i, j] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
    corners.push([m[12]! + (m[0]! * i + m[4]! * j) * s, m[13]! + (m[1]! * i + m[5]! * j) * s, m[14]! + (m[2]! * i + m[6]! * j) * s]);
  }
  return writeEdges([[0, 1], [1, 2], [2, 3], [3, 0]], corners, out);
}

function writeEdges(edges: readonly [number, number][], corners: readonly Vec3[], out: Float32Array): number {
  let n = 0;
  for (const [a, b] of edges) {
    for (const c of [corners[a]!, corners[b]!]) {
      if (n * 3 + 2 >= out.length) return n;
      out[n * 3] = c[0]; out[n * 3 + 1] = c[1]; out[n * 3 + 2] = c[2];
      n++;
    }
  }
  return n;
}

/** Handle centres in three.js's frame, in BOX_FACES order (one for a plane). */
export function handlePositionsThree(section: Section): Vec3[] {
  return sectionHandles(section).map((h) => enuToThree(h.position[0], h.position[1], h.position[2]));
}

/** Metres that one CSS pixel covers at `distanceM` from a perspective camera. */
export function metresPerPixel(distanceM: number, fovDeg: number, viewportHeightPx: number): number {
  if (!(viewportHeightPx > 0) || !Number.isFinite(distanceM)) return 0;
  return (2 * Math.max(0, distanceM) * Math.tan((fovDeg * Math.PI) / 360)) / viewportHeightPx;
}

/**
 * The handle a pointer ray (unit `dir`) picks: of those whose centre passes within `hitPx / 2`
 * on screen (HANDLE_HIT_PX, the 44 px target), the one nearest the pointer on screen; −1 if none.
 * Handles are drawn over everything, so the one closest to the finger wins; where two are
 * about as close on screen (a top and a bottom handle seen from straight above), the nearer.
 */
export function pickHandle(
  origin: Vec3 | readonly number[],
  dir: Vec3 | readonly number[],
  centres: readonly (Vec3 | readonly number[])[],
  fovDeg: number,
  viewportHeightPx: number,
  hitPx = HANDLE_HIT_PX,
): number {
  let best = -1;
  let bestPx = Infinity;
  let bestT = Infinity;
  centres.forEach((c, i) => {
    const wx = (c[0] ?? 0) - (origin[0] ?? 0), wy = (c[1] ?? 0) - (origin[1] ?? 0), wz = (c[2] ?? 0) - (origin[2] ?? 0);
    const t = wx * (dir[0] ?? 0) + wy * (dir[1] ?? 0) + wz * (dir[2] ?? 0);
    if (!(t > 0)) return;
    const off = Math.sqrt(Math.max(0, wx * wx + wy * wy + wz * wz - t * t));
    const mpp = metresPerPixel(Math.hypot(wx, wy, wz), fovDeg, viewportHeightPx);
    if (!(mpp > 0)) return;
    const px = off / mpp;
    if (px > hitPx / 2) return;
    const tie = Math.abs(px - bestPx) < SAME_SPOT_PX;
    if ((tie && t < bestT) || (!tie && px < bestPx)) {
      best = i;
      bestPx = px;
      bestT = t;
    }
  });
  return best;
}

/**
 * The registry ids of the tilesets that get caps: every buildings tileset of the scene and each
 * scheme's streamed tileset. Ground tilesets are left out: open surfaces would fool the stencil
 * count. Imported scheme meshes are found through the plan-state controller by scheme id.
 */
export function capTilesetIds(tilesets: readonly { id: string; kind: string }[], schemeIds: readonly string[]): string[] {
  return [...tilesets.filter((t) => t.kind === 'buildings').map((t) => t.id), ...schemeIds.map(schemeTilesetId)];
}
