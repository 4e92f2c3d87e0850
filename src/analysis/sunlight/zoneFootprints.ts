/**
 * public/tiles/<zone>/plan/footprints.json: every building of the zone's own tiles as a plain
 * footprint, height and base, written by the tiler (src/tiler/plan/zoneFootprintsFile.ts). The
 * sunlight analysis loads its casters from here at full detail, whatever tiles the camera has
 * streamed in. Fetched by the browser, so validated like any tile: a broken file is refused with
 * a message and never reaches the BVH as NaN.
 */
import { z } from 'zod';
import { LAND_USE_CLASSES, type LandUseClass } from '../../core/landUse';
import type { Bilingual, Ring } from '../planning/types';

export const ZONE_FOOTPRINTS_FILE = 'plan/footprints.json';

export interface ZoneFootprint {
  id: string;
  name: Bilingual;
  /** ENU metres, cm-rounded, open, counter-clockwise. */
  footprint: Ring;
  /** Clockwise courtyards. */
  holes?: Ring[];
  /** Height above the base, metres. */
  heightM: number;
  /** Ground elevation of the base above the zone origin's height, metres. */
  baseM: number;
  floors: number;
  landUse: LandUseClass;
}

export interface ZoneFootprints {
  version: 1;
  zoneId: string;
  origin: { lonDeg: number; latDeg: number; heightM: number };
  /** Sorted by id. */
  buildings: ZoneFootprint[];
}

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const ring = z.array(z.tuple([finite, finite])).min(3);

export const zoneFootprintsSchema = z.object({
  version: z.literal(1),
  zoneId: z.string().min(1),
  origin: z.object({ lonDeg: finite.min(-180).max(180), latDeg: finite.min(-90).max(90), heightM: finite }),
  buildings: z.array(
    z.object({
      id: z.string().min(1),
      name: z.object({ zh: z.string(), en: z.string() }),
      footprint: ring,
      holes: z.array(ring).optional(),
      heightM: finite.positive(),
      baseM: finite,
      floors: finite.nonnegative(),
      landUse: z.enum(LAND_USE_CLASSES),
    }),
  ),
});

export type FootprintsParse = { ok: true; footprints: ZoneFootprints } | { ok: false; message: string };

export function parseZoneFootprints(text: string, expectedZoneId?: string): FootprintsParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `footprints.json: invalid JSON: ${(e as Error).message}` };
  }
  const r = zoneFootprintsSchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    return { ok: false, message: `footprints.json: ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'} (${r.error.issues.length} problem(s))` };
  }
  if (expectedZoneId !== undefined && r.data.zoneId !== expectedZoneId) {
    return { ok: false, message: `footprints.json is for zone "${r.data.zoneId}", expected "${expectedZoneId}"` };
  }
  const seen = new Set<string>();
  for (const b of r.data.buildings) {
    if (seen.has(b.id)) return { ok: false, message: `footprints.json: duplicate building id "${b.id}"` };
    seen.add(b.id);
  }
  return { ok: true, footprints: r.data as ZoneFootprints };
}
