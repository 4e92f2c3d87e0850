import { describe, expect, it } from 'vitest';
import { bimModelBatches } from './geometryHelpers';
import { cleanRing, isSelfIntersecting, ringCentroid, signedArea } from '../../../src/tiler/geometry/footprint';
import { floorLineHeights, appendDetailBuilding } from '../../../src/tiler/geometry/detailBuilding';
import { gableShape } from '../../../src/tiler/geometry/gableRoof';
import { MeshBatch } from '../../../src/tiler/geometry/meshBatch';
import { minAreaRect } from '../../../src/tiler/geometry/orientedBox';
import { offsetRing } from '../../../src/tiler/geometry/offsetRing';
import { triangulatePolygon } from '../../../src/tiler/geometry/triangulate';
import { prepareBuilding } from '../../../src/tiler/lod/prepareBuildings';
import type { BuildingInput, Ring } from '../../../src/tiler/types';

const square: Ring = [[0, 0], [10, 0], [10, 10], [0, 10]];

function input(over: Partial<BuildingInput>): BuildingInput {
  return {
    id: 'b', name: '', nameEn: '', footprint: square, heightM: 12, baseM: 0, floors: 4, landUse: 'R',
    status: 'existing', source: 'generated', osmId: '', roof: 'flat', signature: false, ...over,
  };
}

describe('cleanRing', () => {
  it('drops the closing point and duplicates, and winds as asked', () => {
    const cw: Ring = [[0, 0], [0, 10], [0, 10], [10, 10], [10, 0], [0, 0]];
    const ccw = cleanRing(cw, { orientation: 'ccw' })!;
    expect(ccw).toHaveLength(4);
    expect(signedArea(ccw)).toBeCloseTo(100);
    expect(signedArea(cleanRing(cw, { orientation: 'cw' })!)).toBeCloseTo(-100);
  });

  it('removes collinear points and spikes', () => {
    const r = cleanRing([[0, 0], [5, 0], [10, 0], [10, 10], [10, 15], [10, 10], [0, 10]], { orientation: 'ccw' })!;
    expect(r).toHaveLength(4);
    expect(signedArea(r)).toBeCloseTo(100);
  });

  it('rejects fewer than 3 distinct points, zero area, NaN and bow-ties', () => {
    expect(cleanRing([[0, 0], [1, 1], [0, 0]], { orientation: 'ccw' })).toBeNull();
    expect(cleanRing([[0, 0], [5, 0], [10, 0]], { orientation: 'ccw' })).toBeNull();
    expect(cleanRing([[0, 0], [Number.NaN, 0], [5, 5]], { orientation: 'ccw' })).toBeNull();
    expect(cleanRing([[0, 0], [1e-4, 0], [0, 1e-4]], { orientation: 'ccw' })).toBeNull();
    const bowtie: Ring = [[0, 0], [10, 10], [10, 0], [0, 10]];
    expect(isSelfIntersecting(bowtie)).toBe(true);
    expect(cleanRing(bowtie, { orientation: 'ccw', rejectSelfIntersection: true })).toBeNull();
  });

  it('finds the area centroid of an L shape', () => {
    const l: Ring = [[0, 0], [20, 0], [20, 10], [10, 10], [10, 20], [0, 20]];
    const [x, y] = ringCentroid(l);
    expect(x).toBeCloseTo(25 / 3);
    expect(y).toBeCloseTo(25 / 3);
  });
});

describe('shapes', () => {
  it('fits a minimum-area rectangle with the long side as major axis', () => {
    const r = minAreaRect([[0, 0], [40, 30], [34, 38], [-6, 8]]);
    expect(r.halfLength).toBeCloseTo(25, 6);
    expect(r.halfWidth).toBeCloseTo(5, 6);
    expect(Math.abs(r.ux)).toBeCloseTo(0.8, 6);
  });

  it('offsets a CCW ring outward', () => {
    const o = offsetRing(square, 1);
    expect(signedArea(o)).toBeCloseTo(144, 6);
  });

  it('triangulates holes with counter-clockwise triangles covering the area', () => {
    const hole: Ring = [[3, 3], [3, 7], [7, 7], [7, 3]];
    const t = triangulatePolygon(square, [hole]);
    let area = 0;
    for (let k = 0; k < t.triangles.length; k += 3) {
      const [a, b, c] = [t.points[t.triangles[k]!]!, t.points[t.triangles[k + 1]!]!, t.points[t.triangles[k + 2]!]!];
      const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
      expect(cross).toBeGreaterThan(0);
      area += cross / 2;
    }
    expect(area).toBeCloseTo(84, 6);
  });
});

describe('building geometry', () => {
  it('spaces floor lines by the floor count, never closer than 2 m', () => {
    expect(floorLineHeights(0, 12, 4)).toEqual([3, 6, 9]);
    expect(floorLineHeights(0, 6, 10)).toEqual([2, 4]);
    expect(floorLineHeights(5, 8, 1)).toEqual([]);
  });

  it('puts the gable ridge at the full height and the eaves lower', () => {
    const b = prepareBuilding(input({ footprint: [[0, 0], [20, 0], [20, 8], [0, 8]], roof: 'gable', heightM: 10 }));
    if (!b.ok) throw new Error('not prepared');
    const shape = gableShape(b.building.rect, 0, 10);
    expect(shape.ridgeM).toBe(10);
    expect(shape.eaveM).toBeCloseTo(10 - 4 * 0.577, 6);
    expect(shape.heightAt(10, 4)).toBeCloseTo(10, 6);
    expect(shape.heightAt(10, 0)).toBeCloseTo(shape.eaveM, 6);
    const batches = { walls: new MeshBatch('triangles', { normals: true, colors: true }), roof: new MeshBatch('triangles', { normals: true, colors: true }), floorLines: new MeshBatch('lines', { normals: false, colors: false }) };
    appendDetailBuilding(batches, b.building, 0);
    expect(batches.roof.max[2]).toBeCloseTo(10, 6);
    expect(batches.roof.min[2]).toBeCloseTo(shape.eaveM, 6);
    expect(batches.walls.max[2]).toBeCloseTo(10, 6);
    expect(batches.floorLines.max[2]).toBeLessThan(shape.eaveM);
  });

  it('builds the CIM5 model from slabs, a core inside the footprint, glass and a facade grid', () => {
    const t = bimModelBatches(input({ footprint: [[0, 0], [40, 0], [40, 30], [0, 30]], heightM: 60, floors: 15, signature: true }));
    // 14 floor slabs plus ground and roof slab, each with two caps of 4 vertices and 4 edge quads.
    expect(t.slabs.vertexCount).toBe(16 * (8 + 16));
    expect(t.core.vertexCount).toBe(4 * 4 + 4);
    expect(t.core.min[0]).toBeGreaterThan(0);
    expect(t.core.max[0]).toBeLessThan(40);
    expect(t.glass.vertexCount).toBe(16);
    expect(t.glass.min[0]).toBeCloseTo(-0.15, 6);
    expect(t.mullions.topology).toBe('lines');
    expect(t.mullions.max[2]).toBeCloseTo(60, 6);
  });
});
