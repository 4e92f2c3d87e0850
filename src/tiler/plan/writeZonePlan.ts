/**
 * Writes a zone's planning layers: plan/plan.json (the ZonePlan) and one buildings tileset per
 * shipped scheme at schemes/<id>/, with the same LODs and metadata as the zone's own buildings.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeoOrigin } from '../../core/geodesy';
import type { PlanBuilding, Ring, ZonePlan } from '../../analysis/planning/types';
import { writeBuildingsTileset } from '../buildingsTileset';
import type { TileEncodeOptions } from '../gltf/encodeTileGlb';
import type { ZonePlanInput } from './types';

/** ENU metres to centimetres: finer is noise for planning, and it keeps plan.json small. */
function cm(v: number): number {
  const r = Math.round(v * 100) / 100;
  // -0 would print as 0 anyway; NaN must stay NaN so that finiteOnly() refuses it.
  return r === 0 ? 0 : r;
}

/** Rounded, without the repeated vertices rounding can leave behind. */
export function roundRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: [number, number] = [cm(x), cm(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  return out;
}

const roundHoles = (holes: Ring[] | undefined): { holes?: Ring[] } => (holes && holes.length > 0 ? { holes: holes.map(roundRing) } : {});

function roundBuilding(b: PlanBuilding): PlanBuilding {
  return { ...b, footprint: roundRing(b.footprint), ...roundHoles(b.holes), heightM: cm(b.heightM) };
}

export function roundPlan(plan: ZonePlan): ZonePlan {
  return {
    ...plan,
    plots: plan.plots.map((p) => ({ ...p, ring: roundRing(p.ring), ...roundHoles(p.holes) })),
    controlLines: plan.controlLines.map((l) => ({ ...l, ring: roundRing(l.ring) })),
    sites: plan.sites.map((s) => ({ ...s, existing: s.existing.map(roundBuilding) })),
    schemes: plan.schemes.map((s) => ({ ...s, buildings: s.buildings.map(roundBuilding), green: s.green.map(roundRing) })),
  };
}

/** JSON would silently write a NaN as null; a broken plan must fail the build instead. */
function finiteOnly(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`plan.json: non-finite number at "${key}"`);
  return value;
}

export function formatPlanJson(plan: ZonePlan): string {
  return `${JSON.stringify(roundPlan(plan), finiteOnly)}\n`;
}

export async function writeZonePlan(
  p: ZonePlanInput, origin: GeoOrigin, zoneDir: string, options: TileEncodeOptions = {},
): Promise<{ tiles: number; bytes: number }> {
  const json = formatPlanJson(p.plan);
  await mkdir(join(zoneDir, 'plan'), { recursive: true });
  await writeFile(join(zoneDir, 'plan', 'plan.json'), json);
  let tiles = 0;
  let bytes = Buffer.byteLength(json);
  for (const s of p.schemeTilesets) {
    const r = await writeBuildingsTileset(s.buildings, origin, join(zoneDir, 'schemes', s.schemeId), options);
    // plan.json lists every scheme building; the tileset must hold exactly the same ones.
    if (r.buildings !== s.buildings.length) throw new Error(`scheme "${s.schemeId}": buildings rejected by the tiler: ${JSON.stringify(r.rejected)}`);
    tiles += r.tiles;
    bytes += r.bytes;
  }
  return { tiles, bytes };
}
