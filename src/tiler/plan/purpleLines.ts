/**
 * 紫线 (purple lines): protection boundaries around the real heritage landmarks of a zone, i.e. the
 * OSM features tagged `historic=*` or `heritage=*`. The boundary is the landmark's convex hull grown
 * by the protection margin with rounded corners (a Minkowski sum with a disc), so it is a simple
 * convex ring whatever the footprint: concave courtyards or a single point (a monument node).
 */
import type { ControlLine, Ring } from '../../analysis/planning/types';
import { convexHull } from '../geometry/convexHull';
import type { ZoneProjection } from '../zones/project';
import type { LandmarksFile } from '../zones/sourceSchemas';

/** Corners are rounded in steps of at most this angle. */
const ARC_STEP_RAD = Math.PI / 8;

type Feature = LandmarksFile['features'][number];

function tag(f: Feature, key: string): string | undefined {
  const v = f.properties[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function isHeritage(f: Feature): boolean {
  return tag(f, 'historic') !== undefined || tag(f, 'heritage') !== undefined;
}

function arc(out: Ring, cx: number, cy: number, r: number, from: number, sweep: number): void {
  const steps = Math.max(1, Math.ceil(sweep / ARC_STEP_RAD - 1e-9));
  for (let k = 0; k <= steps; k++) {
    const a = from + (sweep * k) / steps;
    out.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
}

/** A counter-clockwise convex ring (or one or two points) grown by `r` metres. */
export function bufferConvex(hull: Ring, r: number): Ring {
  const n = hull.length;
  const out: Ring = [];
  if (n === 1) {
    const [x, y] = hull[0]!;
    arc(out, x, y, r, 0, 2 * Math.PI);
    out.pop(); // the full circle repeats its first point
    return out;
  }
  for (let i = 0; i < n; i++) {
    const p = hull[(i + n - 1) % n]!, c = hull[i]!, q = hull[(i + 1) % n]!;
    // Outward normal of a CCW edge points to its right: direction angle minus 90°.
    const inAngle = Math.atan2(c[1] - p[1], c[0] - p[0]) - Math.PI / 2;
    const outAngle = Math.atan2(q[1] - c[1], q[0] - c[0]) - Math.PI / 2;
    let sweep = outAngle - inAngle;
    while (sweep <= 0) sweep += 2 * Math.PI;
    while (sweep > 2 * Math.PI) sweep -= 2 * Math.PI;
    arc(out, c[0], c[1], r, inAngle, sweep);
  }
  return out;
}

function points(f: Feature, proj: ZoneProjection): Ring {
  const g = f.geometry;
  if (g.type === 'Point') return [proj.point(g.coordinates[0], g.coordinates[1])];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.flatMap((poly) => proj.line(poly[0]!));
}

const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  monument: { zh: '纪念碑', en: 'Monument' },
  memorial: { zh: '纪念物', en: 'Memorial' },
};

function nameOf(f: Feature, osmId: string): { zh: string; en: string } {
  const zh = tag(f, 'name') ?? tag(f, 'name:zh');
  const en = tag(f, 'name:en');
  const kind = KIND_NAMES[tag(f, 'historic') ?? ''] ?? { zh: '历史建筑', en: 'Heritage building' };
  // Unnamed heritage is named by its kind and OSM id, so every line stays identifiable.
  return { zh: zh ?? `${kind.zh}（OSM ${osmId}）`, en: en ?? (zh ? `${kind.en} ${zh}` : `${kind.en} (OSM ${osmId})`) };
}

export function purpleLines(landmarks: LandmarksFile, proj: ZoneProjection, marginM: number): ControlLine[] {
  const out: ControlLine[] = [];
  for (const f of landmarks.features) {
    if (!isHeritage(f)) continue;
    const osmId = f.properties['@id'];
    const pts = points(f, proj);
    const hull = pts.length >= 3 ? convexHull(pts) : pts;
    if (hull.length === 0) continue;
    out.push({ id: `purple:${osmId}`, kind: 'purple', name: nameOf(f, osmId), ring: bufferConvex(hull, marginM), osmId });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
