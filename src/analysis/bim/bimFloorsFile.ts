/**
 * public/tiles/<zone>/bim/floors.json: the floor list of every CIM5 (BIM) building of the zone,
 * written by the tiler (src/tiler/bim/zoneBimFloors.ts) from the same levels it builds the slabs
 * from. A floor's `index` is the `_FLOOR` vertex value of its slab in the CIM5 tile. Fetched by
 * the browser, so it is untrusted like any tile: a broken file is refused with a reason, and what
 * passes is consistent enough that floorAt and the exploded offsets can never produce NaN.
 */
import { z } from 'zod';
import { LAND_USE_CLASSES, type LandUseClass } from '../../core/landUse';
import type { Bilingual } from '../planning/types';

export const BIM_FLOORS_FILE = 'bim/floors.json';
export const BIM_FLOORS_FORMAT = 'shentwin-bim-floors';
/** The vertex attribute in the CIM5 glb that holds each vertex's floor index. */
export const BIM_FLOOR_ATTRIBUTE = '_FLOOR';
/** Elevations are written to the millimetre; consecutive levels must meet within this. */
export const BIM_LEVEL_TOLERANCE_M = 0.002;

export type BimFloorKind = 'storey' | 'roof';

export interface BimFloorUse extends Bilingual {
  code: string;
  /** Always true: no source says what these floors hold (示意). */
  illustrative: true;
}

export interface BimFloor {
  /** 0 = lowest storey; the roof is last. Equals the `_FLOOR` value of this floor's slab. */
  index: number;
  kind: BimFloorKind;
  /** 1F, 2F, … / 屋面 (Roof). */
  name: Bilingual;
  /** Zone ENU z of the storey's foot (the bottom of its slab); for the roof, the roof's top. */
  elevationM: number;
  /** Floor-to-floor height (层高); 0 for the roof. */
  heightM: number;
  slabBottomM: number;
  slabTopM: number;
  /** Area of the slab polygon (outer ring less courtyards), m². */
  slabAreaM2: number;
  /** Gross floor area (建筑面积) per GB/T 50353-2013, m²; 0 for the roof. */
  grossFloorAreaM2: number;
  use: BimFloorUse;
}

export interface BimBuilding {
  id: string;
  name: Bilingual;
  landUse: LandUseClass;
  /** The CIM5 tile, relative to the zone directory. */
  content: string;
  baseM: number;
  topM: number;
  heightM: number;
  storeys: number;
  slabThicknessM: number;
  footprintAreaM2: number;
  grossFloorAreaM2: number;
  /** storeys + 1 entries: the storeys bottom-up, then the roof. */
  floors: BimFloor[];
}

export interface BimFloorsFile {
  format: typeof BIM_FLOORS_FORMAT;
  version: 1;
  zoneId: string;
  floorAttribute: typeof BIM_FLOOR_ATTRIBUTE;
  areaRule: string;
  illustrative: true;
  note: Bilingual;
  /** Sorted by id. */
  buildings: BimBuilding[];
}

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });

const floorSchema = z.object({
  index: z.number().int().nonnegative(),
  kind: z.enum(['storey', 'roof']),
  name: bilingual,
  elevationM: finite,
  heightM: finite.nonnegative(),
  slabBottomM: finite,
  slabTopM: finite,
  slabAreaM2: finite.positive(),
  grossFloorAreaM2: finite.nonnegative(),
  use: z.object({ code: z.string().min(1), zh: z.string().min(1), en: z.string().min(1), illustrative: z.literal(true) }),
});

export const bimFloorsSchema = z.object({
  format: z.literal(BIM_FLOORS_FORMAT),
  version: z.literal(1),
  zoneId: z.string().min(1),
  floorAttribute: z.literal(BIM_FLOOR_ATTRIBUTE),
  areaRule: z.string(),
  illustrative: z.literal(true),
  note: bilingual,
  buildings: z.array(
    z.object({
      id: z.string().min(1),
      name: z.object({ zh: z.string(), en: z.string() }),
      landUse: z.enum(LAND_USE_CLASSES),
      content: z.string().min(1),
      baseM: finite,
      topM: finite,
      heightM: finite.positive(),
      storeys: z.number().int().min(1).max(300),
      slabThicknessM: finite.positive(),
      footprintAreaM2: finite.positive(),
      grossFloorAreaM2: finite.nonnegative(),
      floors: z.array(floorSchema).min(2),
    }),
  ),
});

export type BimFloorsParse = { ok: true; file: BimFloorsFile } | { ok: false; message: string };

const near = (a: number, b: number): boolean => Math.abs(a - b) <= BIM_LEVEL_TOLERANCE_M;

/** The first way a building's floor list contradicts itself, or null. */
function buildingProblem(b: BimBuilding): string | null {
  if (b.floors.length !== b.storeys + 1) return `has ${b.floors.length} floors for ${b.storeys} storeys (expected storeys + roof)`;
  if (!near(b.topM - b.baseM, b.heightM)) return `topM − baseM is ${b.topM - b.baseM}, heightM ${b.heightM}`;
  for (let i = 0; i < b.floors.length; i++) {
    const f = b.floors[i]!;
    const at = `floors[${i}]`;
    if (f.index !== i) return `${at}.index is ${f.index}, expected ${i}`;
    const roof = i === b.storeys;
    if (f.kind !== (roof ? 'roof' : 'storey')) return `${at}.kind is "${f.kind}", expected "${roof ? 'roof' : 'storey'}"`;
    if (!(f.slabTopM > f.slabBottomM)) return `${at}: slab top ${f.slabTopM} is not above its bottom ${f.slabBottomM}`;
    if (roof) {
      if (!near(f.elevationM, b.topM)) return `${at}: roof elevation ${f.elevationM} is not the top ${b.topM}`;
      if (f.heightM !== 0 || f.grossFloorAreaM2 !== 0) return `${at}: the roof has no height or floor area`;
      continue;
    }
    if (!(f.heightM > 0)) return `${at}: a storey needs a positive height`;
    const expected = i === 0 ? b.baseM : b.floors[i - 1]!.elevationM + b.floors[i - 1]!.heightM;
    if (!near(f.elevationM, expected)) return `${at}: elevation ${f.elevationM} does not meet the storey below (${expected})`;
  }
  const lastStorey = b.floors[b.storeys - 1]!;
  if (!near(lastStorey.elevationM + lastStorey.heightM, b.topM)) return `the top storey ends at ${lastStorey.elevationM + lastStorey.heightM}, not at the top ${b.topM}`;
  return null;
}

/** Validates already-parsed JSON (e.g. a fetch response's json()). */
export function readBimFloors(raw: unknown, expectedZoneId?: string): BimFloorsParse {
  const r = bimFloorsSchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    return { ok: false, message: `floors.json: ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'} (${r.error.issues.length} problem(s))` };
  }
  const file = r.data as BimFloorsFile;
  if (expectedZoneId !== undefined && file.zoneId !== expectedZoneId) {
    return { ok: false, message: `floors.json is for zone "${file.zoneId}", expected "${expectedZoneId}"` };
  }
  const seen = new Set<string>();
  for (const [k, b] of file.buildings.entries()) {
    if (seen.has(b.id)) return { ok: false, message: `floors.json: duplicate building id "${b.id}"` };
    seen.add(b.id);
    const problem = buildingProblem(b);
    if (problem) return { ok: false, message: `floors.json: buildings.${k} ("${b.id}") ${problem}` };
  }
  return { ok: true, file };
}

/** Parses and validates the file's text. */
export function parseBimFloors(text: string, expectedZoneId?: string): BimFloorsParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `floors.json: invalid JSON: ${(e as Error).message}` };
  }
  return readBimFloors(raw, expectedZoneId);
}
