/**
 * A tiny zone for the tools panel tests, on the workbench plan fixture (plot-1 is 0..100 m square
 * with a 60 m height limit; site-1's existing buildings are e1 and e2). Today adds a 90 m tower
 * T inside the plot (30 m over its limit) and a 20 m wall W across the line from (−50, 150) to
 * (50, 150), so a sight line between them is blocked by W. The BIM file holds T with two 4 m storeys.
 */
import type { BimFloorsFile } from '../../../../src/analysis/bim/bimFloorsFile';
import type { Ring } from '../../../../src/analysis/planning/types';
import type { CityBuilding } from '../../../../src/ui/planning/sunlight/analysisInputs';
import type { BimFloorsLoad } from '../../../../src/ui/planning/tools/bimFloorsLoader';

const rect = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];

function city(id: string, zh: string, en: string, ring: Ring, heightM: number, floors: number): CityBuilding {
  return { id, name: { zh, en }, footprint: ring, heightM, floors, baseM: 0, use: 'B', fromScheme: false };
}

export const TOWER = city('T', '塔楼甲', 'Tower A', rect(60, 60, 80, 80), 90, 25);
export const WALL = city('W', '长墙', 'Long wall', rect(-20, 140, 20, 145), 20, 5);
export const ZONE: CityBuilding[] = [
  city('e1', '一号楼', 'e1 building', rect(0, 0, 20, 50), 12, 3),
  city('e2', '仓库', 'e2 building', rect(30, 60, 50, 80), 8, 2),
  TOWER,
  WALL,
];

export const loadZone = (): Promise<CityBuilding[]> => Promise.resolve(ZONE);

function floor(index: number, elevationM: number, heightM: number, roof = false) {
  return {
    index,
    kind: roof ? ('roof' as const) : ('storey' as const),
    name: roof ? { zh: '屋面', en: 'Roof' } : { zh: `${index + 1}F`, en: `${index + 1}F` },
    elevationM,
    heightM,
    slabBottomM: roof ? elevationM - 0.3 : elevationM,
    slabTopM: roof ? elevationM : elevationM + 0.3,
    slabAreaM2: 400,
    grossFloorAreaM2: roof ? 0 : 410,
    use: roof ? { code: 'plant', zh: '屋面设备', en: 'Rooftop plant', illustrative: true as const } : { code: 'office', zh: '办公', en: 'Office', illustrative: true as const },
  };
}

export const BIM_FILE: BimFloorsFile = {
  format: 'shentwin-bim-floors',
  version: 1,
  zoneId: 'westbund',
  floorAttribute: '_FLOOR',
  areaRule: 'GB/T 50353-2013',
  illustrative: true,
  note: { zh: '楼层用途为示意。', en: 'Floor uses are illustrative.' },
  buildings: [
    {
      id: 'T',
      name: { zh: '塔楼甲', en: 'Tower A' },
      landUse: 'B',
      content: 'buildings/sig0-cim5.glb',
      baseM: 0,
      topM: 8,
      heightM: 8,
      storeys: 2,
      slabThicknessM: 0.3,
      footprintAreaM2: 400,
      grossFloorAreaM2: 820,
      floors: [floor(0, 0, 4), floor(1, 4, 4), floor(2, 8, 0, true)],
    },
  ],
};

export const loadBimOk = (): Promise<BimFloorsLoad> => Promise.resolve({ status: 'ok', file: BIM_FILE });
