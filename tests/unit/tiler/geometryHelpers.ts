import { appendBimBuilding, type BimBatches } from '../../../src/tiler/geometry/bimModel';
import { MeshBatch } from '../../../src/tiler/geometry/meshBatch';
import { prepareBuilding } from '../../../src/tiler/lod/prepareBuildings';
import type { BuildingInput } from '../../../src/tiler/types';

export function bimModelBatches(b: BuildingInput): BimBatches {
  const p = prepareBuilding(b);
  if (!p.ok) throw new Error(`cannot prepare ${b.id}: ${p.reason}`);
  const t: BimBatches = {
    slabs: new MeshBatch('triangles', { normals: true, colors: false }),
    core: new MeshBatch('triangles', { normals: true, colors: false }),
    glass: new MeshBatch('triangles', { normals: true, colors: false }),
    mullions: new MeshBatch('lines', { normals: false, colors: false }),
  };
  appendBimBuilding(t, p.building, 0);
  return t;
}
