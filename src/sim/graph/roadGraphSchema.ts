/**
 * Runtime validation of roads.json. The file comes from the tiler but crosses a network and a
 * disk, so the simulator treats it like any other outside input: validate, then keep what is usable.
 */
import { z } from 'zod';
import type { RoadGraph } from '../../core/roadGraph';

const MAX_ABS_ENU_M = 200_000;
const coord = z.number().min(-MAX_ABS_ENU_M).max(MAX_ABS_ENU_M);

const nodeSchema = z.object({
  id: z.number().int(),
  x: coord,
  y: coord,
  signalised: z.boolean(),
  osmSignalId: z.string().optional(),
});

const edgeSchema = z.object({
  id: z.number().int(),
  from: z.number().int(),
  to: z.number().int(),
  points: z.array(z.tuple([coord, coord])).min(2),
  lengthM: z.number().nonnegative(),
  lanes: z.number().int().min(1).max(8),
  oneway: z.boolean(),
  speedLimitKmh: z.number().min(5).max(130),
  roadClass: z.enum(['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'residential', 'service']),
  name: z.string(),
  nameEn: z.string(),
  source: z.enum(['osm', 'skeleton']),
  osmWayId: z.string().optional(),
  structure: z.enum(['bridge', 'tunnel']).optional(),
});

const roadGraphSchema = z.object({
  version: z.literal(1),
  zoneId: z.string().min(1),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
});

export type RoadGraphResult =
  | { ok: true; graph: RoadGraph; warnings: string[] }
  | { ok: false; error: string };

/**
 * Validates structure, then drops edges that reference missing nodes (a partial graph still drives)
 * and reports them as warnings rather than failing the whole zone.
 */
export function parseRoadGraph(raw: unknown): RoadGraphResult {
  const r = roadGraphSchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    const where = first ? first.path.join('.') || '(root)' : '(root)';
    return { ok: false, error: `roads.json invalid at ${where}: ${first?.message ?? 'unknown'}` };
  }
  const g = r.data;
  const nodeIds = new Set(g.nodes.map((n) => n.id));
  const warnings: string[] = [];
  const edges = g.edges.filter((e) => {
    const ok = nodeIds.has(e.from) && nodeIds.has(e.to) && e.from !== e.to;
    if (!ok) warnings.push(`edge ${e.id} skipped: bad end nodes ${e.from}→${e.to}`);
    return ok;
  });
  if (edges.length === 0) return { ok: false, error: 'roads.json has no usable edges' };
  return { ok: true, graph: { ...g, edges } as RoadGraph, warnings };
}
