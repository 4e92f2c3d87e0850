/**
 * A small synthetic zone exercising every path of the tiler: rectangles, L-shapes, a courtyard
 * with a hole, gable roofs, signature towers, Chinese names, degenerate inputs, and ground
 * polygons of every kind (one with a hole).
 */
import { createRng } from '../../../src/core/rng';
import type { LandUseClass } from '../../../src/core/landUse';
import type { BuildingInput, GroundInput, Ring, ZoneInput } from '../../../src/tiler/types';

export const SYNTHETIC_ORIGIN = { lonDeg: 121.5205, latDeg: 31.2601, heightM: 4 };

const USES: LandUseClass[] = ['R', 'B', 'A', 'M', 'R', 'B'];

function rect(x: number, y: number, w: number, h: number): Ring {
  return [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
}

function building(over: Partial<BuildingInput> & Pick<BuildingInput, 'id' | 'footprint'>): BuildingInput {
  return {
    name: '', nameEn: '', heightM: 20, baseM: 0, floors: 6, landUse: 'R', status: 'existing',
    source: 'generated', osmId: '', roof: 'flat', signature: false, ...over,
  };
}

export interface SyntheticZoneOptions {
  /** Grid side; side² ordinary buildings. */
  side?: number;
  spacingM?: number;
}

export function syntheticZone(options: SyntheticZoneOptions = {}): ZoneInput {
  const side = options.side ?? 24;
  const spacing = options.spacingM ?? 40;
  const rng = createRng('synthetic-zone');
  const buildings: BuildingInput[] = [];
  const half = (side * spacing) / 2;
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      const n = i * side + j;
      const x = -half + i * spacing, y = -half + j * spacing;
      const w = rng.range(12, 28), h = rng.range(10, 26);
      const heightM = Math.round(rng.range(6, 90) * 10) / 10;
      const lShape = n % 7 === 3;
      const footprint: Ring = lShape
        ? [[x, y], [x + w, y], [x + w, y + h / 2], [x + w / 2, y + h / 2], [x + w / 2, y + h], [x, y + h]]
        : rect(x, y, w, h);
      buildings.push(building({
        id: `gen:test:${n}`,
        name: `测试楼${n}号`,
        nameEn: `Test Building ${n}`,
        footprint,
        heightM,
        floors: Math.max(1, Math.round(heightM / 3.3)),
        landUse: USES[n % USES.length]!,
        roof: n % 5 === 1 ? 'gable' : 'flat',
        status: n % 11 === 0 ? 'planned' : 'existing',
      }));
    }
  }
  // A courtyard block with a clockwise-given outer ring and a counter-clockwise hole: must be fixed up.
  buildings.push(building({
    id: 'osm:way/900001',
    name: '四合院',
    nameEn: 'Courtyard House',
    footprint: rect(half + 60, 0, 60, 50).reverse(),
    holes: [rect(half + 75, 15, 30, 20)],
    heightM: 12.5,
    floors: 3,
    source: 'osm',
    osmId: 'way/900001',
    landUse: 'A',
  }));
  buildings.push(building({
    id: 'osm:way/900002',
    name: '滨江中心',
    nameEn: 'Riverside Centre',
    footprint: [[half + 60, 100], [half + 110, 100], [half + 120, 130], [half + 85, 160], [half + 55, 130]],
    heightM: 180,
    floors: 45,
    source: 'osm',
    osmId: 'way/900002',
    landUse: 'B',
    signature: true,
  }));
  buildings.push(building({
    id: 'gen:test:tower',
    name: '未来塔',
    nameEn: 'Future Tower',
    footprint: rect(-half - 120, -40, 40, 40),
    heightM: 240,
    floors: 60,
    landUse: 'B',
    signature: true,
  }));
  // Degenerate inputs that must be rejected and counted, never drawn.
  buildings.push(building({ id: 'bad:line', footprint: [[0, 0], [10, 0], [20, 0]] }));
  buildings.push(building({ id: 'bad:nan', footprint: [[0, 0], [Number.NaN, 0], [5, 5]] }));
  buildings.push(building({ id: 'bad:two', footprint: [[0, 0], [10, 0], [0, 0]] }));
  buildings.push(building({ id: 'bad:height', footprint: rect(0, 0, 5, 5), heightM: Number.NaN }));

  const ground: GroundInput[] = [
    { id: 'landuse-1', kind: 'landuse', landUse: 'R', name: '居住街坊', polygon: rect(-half, -half, half, half) },
    { id: 'landuse-2', kind: 'landuse', landUse: 'B', name: '商务区', polygon: rect(0, 0, half, half) },
    {
      id: 'green-1', kind: 'green', landUse: 'G', name: '滨江公园',
      polygon: rect(half + 10, -200, 200, 150), holes: [rect(half + 60, -160, 40, 40)],
    },
    { id: 'water-1', kind: 'water', landUse: 'E', name: '黄浦江', polygon: rect(half + 220, -half, 150, 2 * half) },
    { id: 'road-1', kind: 'road', landUse: 'S', name: '杨树浦路', polygon: rect(-half, -half - 30, 2 * half, 20) },
    { id: 'bad-ground', kind: 'road', landUse: 'S', name: '', polygon: [[0, 0], [1, 1]] },
  ];
  return {
    zoneId: 'synthetic',
    origin: SYNTHETIC_ORIGIN,
    buildings,
    ground,
    roads: { version: 1, zoneId: 'synthetic', nodes: [], edges: [] },
  };
}
