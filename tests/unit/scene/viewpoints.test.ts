/**
 * Issue 15 item 6: every scene viewpoint frames a real, named thing. The Long Museum viewpoint
 * used to look at generated boxes, and the Yangpu Bridge one at a point 126 m off the bridge.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scene } from '../../../src/scene/schema';
import type { ZoneInput } from '../../../src/tiler/types';
import { loadZoneInput, ZONE_IDS } from '../../../src/tiler/zones/index';
import { readZoneScene } from '../../../src/tiler/zones/readSources';
import { inside, type P } from '../zones/polygonChecks';
import { FRAMED_BY_VIEWPOINT } from './viewpointFrames';

const repoRoot = join(__dirname, '../../..');
/** The target lies on the subject or this close to its outline. */
const FRAME_RADIUS_M = 150;
const CJK = /[\u3400-\u9fff]/;

function distToPolyline(p: P, line: readonly P[], closed: boolean): number {
  let best = Infinity;
  const n = closed ? line.length : line.length - 1;
  for (let i = 0; i < n; i++) {
    const a = line[i]!, b = line[(i + 1) % line.length]!;
    const dx = b[0] - a[0], dy = b[1] - a[1], l2 = dx * dx + dy * dy;
    const t = l2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) : 0;
    best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
  }
  return best;
}

interface Subject { names: { zh: string; en?: string }[]; rings: P[][]; lines: P[][] }

function subjectOf(zoneId: string, input: ZoneInput, key: string): Subject {
  const [kind, ...rest] = key.split(':');
  const ref = rest.join(':');
  const out: Subject = { names: [], rings: [], lines: [] };
  const addBuilding = (b: ZoneInput['buildings'][number]) => { out.names.push({ zh: b.name, en: b.nameEn }); out.rings.push(b.footprint); };
  if (kind === 'osm') {
    input.buildings.filter((b) => b.id === `osm:${ref}`).forEach(addBuilding);
    for (const g of input.ground.filter((x) => x.id === `site:${ref}`)) { out.names.push({ zh: g.name }); out.rings.push(g.polygon); }
  } else if (kind === 'model') {
    input.buildings.filter((b) => b.id.startsWith(`model:${zoneId}:${ref}:`)).forEach(addBuilding);
  } else if (kind === 'site' || kind === 'green' || kind === 'water') {
    const match = (g: ZoneInput['ground'][number]) => (kind === 'site' ? g.id === `site:${ref}` : g.kind === kind && g.name === ref);
    for (const g of input.ground.filter(match)) { out.names.push({ zh: g.name }); out.rings.push(g.polygon); }
  } else if (kind === 'road') {
    for (const e of input.roads.edges.filter((x) => x.name === ref)) { out.names.push({ zh: e.name, en: e.nameEn }); out.lines.push(e.points); }
  }
  return out;
}

describe.each(ZONE_IDS)('viewpoints of %s', (zoneId) => {
  let scene: Scene;
  let input: ZoneInput;
  beforeAll(async () => {
    scene = await readZoneScene(repoRoot, zoneId);
    input = await loadZoneInput(zoneId, repoRoot);
  });

  it('say what they frame (tests/unit/scene/viewpointFrames.ts)', () => {
    const listed = Object.keys(FRAMED_BY_VIEWPOINT[zoneId] ?? {}).sort();
    expect(scene.viewpoints.map((v) => v.id).filter((id) => id !== 'overview').sort()).toEqual(listed);
  });

  it('aim at a real, named subject', () => {
    for (const v of scene.viewpoints.filter((x) => x.id !== 'overview')) {
      const s = subjectOf(zoneId, input, FRAMED_BY_VIEWPOINT[zoneId]![v.id]!);
      expect(s.rings.length + s.lines.length, `${v.id}: subject is in the built zone`).toBeGreaterThan(0);
      for (const n of s.names) expect(CJK.test(n.zh) && (n.en === undefined || (n.en.length > 0 && !CJK.test(n.en))), `${v.id}: named ${n.zh}`).toBe(true);
      const t: P = [v.target[0], v.target[1]];
      const d = Math.min(...s.rings.map((r) => (inside(t, r) ? 0 : distToPolyline(t, r, true))), ...s.lines.map((l) => distToPolyline(t, l, false)));
      expect(d, `${v.id}: target ${d.toFixed(0)} m from its subject`).toBeLessThanOrEqual(FRAME_RADIUS_M);
    }
  });

  it('are not blocked by generated buildings, and do not aim into one', () => {
    const filler = input.buildings.filter((b) => b.source === 'generated' && !b.id.startsWith('model:'));
    for (const v of scene.viewpoints.filter((x) => x.id !== 'overview')) {
      const [px, py, pz] = v.position, [tx, ty, tz] = v.target;
      const blockers = new Set<string>();
      for (let k = 1; k < 200; k++) {
        const f = k / 200;
        const x = px + (tx - px) * f, y = py + (ty - py) * f, z = pz + (tz - pz) * f;
        for (const b of filler) if (b.baseM + b.heightM > z && inside([x, y], b.footprint)) blockers.add(b.name);
      }
      expect([...blockers], `${v.id}: sight line`).toEqual([]);
    }
  });
});
