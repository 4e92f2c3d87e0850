/**
 * 城市四线 except the purple lines: red (道路红线, road boundaries), green (绿线) and blue (蓝线).
 * Red lines are the outlines of the paved road surfaces the ground tiles draw: the pieces of every
 * road with one name (plus its junction pads) are merged, and each connected piece is one line.
 * Sidewalks are not modelled, so a red line here is the carriageway edge.
 */
import { normaliseRing, unionAll, type PolygonRings } from '../../analysis/planning/polygon';
import type { ControlLine, Ring } from '../../analysis/planning/types';
import type { RoadGraph } from '../../core/roadGraph';
import type { GroundInput } from '../types';
import type { ZoneProjection } from '../zones/project';
import type { AreaFile } from '../zones/sourceSchemas';

const LOCAL = { zh: '支路', en: 'Local street' };

interface RoadGroup {
  name: { zh: string; en: string };
  parts: PolygonRings[];
}

function byKey<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const ka = key(a), kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}

function roadGroups(graph: RoadGraph, ground: readonly GroundInput[]): RoadGroup[] {
  const edgeName = new Map(graph.edges.map((e) => [e.id, e.name]));
  const groups = new Map<string, RoadGroup>();
  const groupOf = (name: string, nameEn: string): RoadGroup => {
    let g = groups.get(name);
    if (!g) {
      g = { name: name ? { zh: name, en: nameEn || name } : LOCAL, parts: [] };
      groups.set(name, g);
    }
    return g;
  };
  for (const e of graph.edges) groupOf(e.name, e.nameEn);
  const namesAtNode = new Map<number, Set<string>>();
  for (const e of graph.edges) {
    for (const n of [e.from, e.to]) {
      const set = namesAtNode.get(n) ?? new Set<string>();
      set.add(e.name);
      namesAtNode.set(n, set);
    }
  }
  for (const g of ground) {
    if (g.kind !== 'road') continue;
    const [prefix, id] = g.id.split(':');
    // A junction pad joins the pieces of every road that meets there.
    const names = prefix === 'junction' ? [...(namesAtNode.get(Number(id)) ?? [])] : [edgeName.get(Number(id)) ?? ''];
    for (const name of names) groups.get(name)?.parts.push([normaliseRing(g.polygon, 'outer')]);
  }
  return [...groups.entries()].sort(byKey(([k]) => k)).map(([, g]) => g);
}

function outlines(parts: PolygonRings[]): Ring[] {
  let merged: PolygonRings[];
  try {
    merged = unionAll(parts);
  } catch {
    // The clipping library can give up on near-degenerate input; the unmerged pieces still bound the road.
    merged = parts;
  }
  return merged
    .map((p) => normaliseRing(p[0]!, 'outer'))
    .filter((r) => r.length >= 3)
    .sort(byKey((r) => `${r[0]![0].toFixed(2)},${r[0]![1].toFixed(2)}`));
}

export function redLines(graph: RoadGraph, ground: readonly GroundInput[]): ControlLine[] {
  const out: ControlLine[] = [];
  for (const g of roadGroups(graph, ground)) {
    for (const ring of outlines(g.parts)) out.push({ id: `red:${out.length + 1}`, kind: 'red', name: g.name, ring });
  }
  return out;
}

/** Green lines (绿线) around green.geojson's parks, blue lines (蓝线) around water.geojson. */
export function areaLines(kind: 'green' | 'blue', file: AreaFile, proj: ZoneProjection): ControlLine[] {
  return file.features.map((f, i): ControlLine => ({
    id: `${kind}:${i + 1}`,
    kind,
    name: { zh: f.properties.name, en: f.properties['name:en'] },
    ring: proj.ring(f.geometry.coordinates[0]!),
  }));
}
