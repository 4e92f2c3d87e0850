/** Floor files as the tiler writes them, for the BIM floors tests. */
import type { BimFloorsFile } from '../../../src/analysis/bim/bimFloorsFile';
import { zoneBimFloors } from '../../../src/tiler/bim/zoneBimFloors';
import { prepareBuildings } from '../../../src/tiler/lod/prepareBuildings';
import type { BuildingInput } from '../../../src/tiler/types';

export function tower(over: Partial<BuildingInput>): BuildingInput {
  return {
    id: 'gen:test:tower', name: '测试塔楼', nameEn: 'Test tower', footprint: [[0, 0], [40, 0], [40, 30], [0, 30]],
    heightM: 60, baseM: 2, floors: 15, landUse: 'B', status: 'existing', source: 'generated', osmId: '', roof: 'flat',
    signature: true, ...over,
  };
}

/** Tower (15 storeys of 4 m from z = 2, roof at 62) and a 5-storey museum of 3.6 m storeys. */
export function floorsFile(): BimFloorsFile {
  const museum = tower({ id: 'osm:way/1', name: '美术馆', nameEn: 'Museum', heightM: 18, baseM: 0, floors: 5, landUse: 'A', footprint: [[100, 0], [160, 0], [160, 40], [100, 40]] });
  return zoneBimFloors('test', prepareBuildings([tower({}), museum]).buildings);
}

/** A deep copy to break. */
export function mutable(): any {
  return JSON.parse(JSON.stringify(floorsFile()));
}
