/**
 * bim/floors.json (format: src/analysis/bim/bimFloorsFile.ts): the floor list of every signature
 * building's CIM5 model, from the same levels and rings bimModel builds the slabs from, so floor
 * `index` k is exactly the `_FLOOR` value of slab k in the tile. Lengths are written to the
 * millimetre and areas to 0.01 m²; sorted by id (the prepared order), so the bytes are deterministic.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BimBuilding, BimFloor, BimFloorsFile } from '../../analysis/bim/bimFloorsFile';
import { bimLevels, GLASS_OFFSET_M, SLAB_THICKNESS_M, slabBottomM } from '../geometry/bimModel';
import { signedArea } from '../geometry/footprint';
import { offsetRing } from '../geometry/offsetRing';
import type { PreparedBuilding } from '../lod/prepareBuildings';
import { FLOOR_ATTRIBUTE } from './floorTags';
import { FLOOR_USES, illustrativeFloorUse } from './floorUse';

export const BIM_FLOORS_PATH = join('bim', 'floors.json');
/**
 * 建筑面积 per GB/T 50353-2013: a storey with a structural height of 2.20 m or more counts in
 * full, a lower one at half (3.0.1); a curtain wall that encloses the building is measured at its
 * outer line, which here is the glass plane GLASS_OFFSET_M outside the slab edge.
 */
export const AREA_RULE = 'GB/T 50353-2013';
export const FULL_AREA_MIN_STOREY_M = 2.2;

const mm = (v: number): number => Math.round(v * 1000) / 1000 || 0;
const cm2 = (v: number): number => Math.round(v * 100) / 100 || 0;

/** Area of the slab polygon: the outer ring less its courtyards (holes are clockwise, so negative). */
export function slabPolygonAreaM2(b: PreparedBuilding): number {
  return b.holes.reduce((s, h) => s + signedArea(h), signedArea(b.outer));
}

/** Area inside the curtain wall of one full-height storey. */
export function enclosedAreaM2(b: PreparedBuilding): number {
  return b.holes.reduce((s, h) => s + signedArea(h), signedArea(offsetRing(b.outer, GLASS_OFFSET_M)));
}

/** Content of the signature building's CIM5 tile: planBuildingTiles numbers them in prepared order. */
function cim5Content(ordinal: number): string {
  return `buildings/sig${ordinal}-cim5.glb`;
}

export function bimFloorsOf(b: PreparedBuilding): BimFloor[] {
  const levels = bimLevels(b);
  const storeys = levels.length - 1;
  const slabAreaM2 = cm2(slabPolygonAreaM2(b));
  const enclosed = enclosedAreaM2(b);
  return levels.map((level, k) => {
    const roof = k === storeys;
    // Rounded first: 6.6 m / 3 storeys is 2.1999… in floating point, and 2.20 m counts in full.
    const heightM = roof ? 0 : mm(levels[k + 1]! - level);
    const bottom = slabBottomM(levels, k);
    const use = illustrativeFloorUse(b.input.landUse, k, roof ? 'roof' : 'storey');
    return {
      index: k,
      kind: roof ? 'roof' : 'storey',
      name: roof ? { zh: '屋面', en: 'Roof' } : { zh: `${k + 1}F`, en: `${k + 1}F` },
      elevationM: mm(level),
      heightM,
      slabBottomM: mm(bottom),
      slabTopM: mm(bottom + SLAB_THICKNESS_M),
      slabAreaM2,
      grossFloorAreaM2: roof ? 0 : cm2(heightM >= FULL_AREA_MIN_STOREY_M ? enclosed : enclosed / 2),
      use: { code: use, ...FLOOR_USES[use], illustrative: true },
    };
  });
}

export function bimBuildingOf(b: PreparedBuilding, ordinal: number): BimBuilding {
  const floors = bimFloorsOf(b);
  return {
    id: b.input.id,
    name: { zh: b.input.name, en: b.input.nameEn },
    landUse: b.input.landUse,
    content: cim5Content(ordinal),
    baseM: mm(b.baseM),
    topM: mm(b.topM),
    heightM: mm(b.heightM),
    storeys: floors.length - 1,
    slabThicknessM: SLAB_THICKNESS_M,
    footprintAreaM2: cm2(slabPolygonAreaM2(b)),
    grossFloorAreaM2: cm2(floors.reduce((s, f) => s + f.grossFloorAreaM2, 0)),
    floors,
  };
}

export function zoneBimFloors(zoneId: string, prepared: readonly PreparedBuilding[]): BimFloorsFile {
  return {
    format: 'shentwin-bim-floors',
    version: 1,
    zoneId,
    floorAttribute: FLOOR_ATTRIBUTE,
    areaRule: AREA_RULE,
    illustrative: true,
    note: {
      zh: '楼层由 CIM5 模型生成；各层功能为示意，非实际使用情况。',
      en: 'Floors are generated with the CIM5 model; floor uses are illustrative, not actual.',
    },
    buildings: prepared.filter((b) => b.input.signature).map((b, ordinal) => bimBuildingOf(b, ordinal)),
  };
}

function finiteOnly(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`bim/floors.json: non-finite number at "${key}"`);
  return value;
}

/** Writes <zoneDir>/bim/floors.json (also when the zone has no signature building) and returns its bytes. */
export async function writeZoneBimFloors(zoneId: string, prepared: readonly PreparedBuilding[], zoneDir: string): Promise<number> {
  const text = `${JSON.stringify(zoneBimFloors(zoneId, prepared), finiteOnly)}\n`;
  await mkdir(join(zoneDir, 'bim'), { recursive: true });
  await writeFile(join(zoneDir, BIM_FLOORS_PATH), text);
  return Buffer.byteLength(text);
}
