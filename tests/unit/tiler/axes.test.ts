import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Matrix4, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { writeBuildingsTileset } from '../../../src/tiler/buildingsTileset';
import { enuArrayToGltf, enuToGltf, gltfToEnu } from '../../../src/tiler/gltf/axes';
import type { BuildingInput } from '../../../src/tiler/types';
import { floatArray, readDocument, tempDir } from './tilerSupport';

const origin = { lonDeg: 121.47, latDeg: 31.23, heightM: 5 };
/** Far from the origin, an odd shape, so a swapped or mirrored axis cannot hide. */
const footprint: [number, number][] = [[1200, -800], [1260, -800], [1260, -770], [1230, -750], [1200, -770]];
const building: BuildingInput = {
  id: 'gen:axes:1', name: '轴测试', nameEn: 'Axis test', footprint, heightM: 33, baseM: 2, floors: 10,
  landUse: 'B', status: 'existing', source: 'generated', osmId: '', roof: 'flat', signature: false,
};

describe('glTF y-up content in a z-up tileset', () => {
  it('round-trips ENU through the documented glTF axes', () => {
    expect(enuToGltf(1, 2, 3)).toEqual([1, 3, -2]);
    expect(gltfToEnu(...enuToGltf(7, -4, 9))).toEqual([7, -4, 9]);
    const bulk = enuArrayToGltf([11, 12, 13, 1, 2, 3], [1, 2, 3], new Float32Array(6));
    expect(Array.from(bulk)).toEqual([...enuToGltf(10, 10, 10), ...enuToGltf(0, 0, 0)].map((v) => v + 0));
  });

  it("maps a building's GLB vertices back to its ENU footprint under the client's +90° x rotation", async () => {
    const dir = await tempDir('axes');
    await writeBuildingsTileset([building], origin, dir);
    const doc = await readDocument(new Uint8Array(await readFile(join(dir, 'dr.glb'))));
    // What 3d-tiles-renderer (and CesiumJS) apply to glTF content before the tile transform.
    const upRotation = new Matrix4().makeRotationAxis(new Vector3(1, 0, 0), Math.PI / 2);
    const roofNode = doc.getRoot().listNodes().find((n) => n.getName() === 'roof')!;
    const world = new Matrix4().fromArray(roofNode.getWorldMatrix());
    const pos = floatArray(roofNode.getMesh()!.listPrimitives()[0]!.getAttribute('POSITION')!);
    const corners = new Set<string>();
    for (let i = 0; i < pos.length; i += 3) {
      const v = new Vector3(pos[i], pos[i + 1], pos[i + 2]).applyMatrix4(world).applyMatrix4(upRotation);
      expect(v.z).toBeCloseTo(35, 3);
      corners.add(`${v.x.toFixed(2)},${v.y.toFixed(2)}`);
    }
    expect([...corners].sort()).toEqual(footprint.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).sort());
  });

  it('orients wall normals outward and roof normals up after the rotation', async () => {
    const dir = await tempDir('axes-normals');
    await writeBuildingsTileset([building], origin, dir);
    const doc = await readDocument(new Uint8Array(await readFile(join(dir, 'dr.glb'))));
    const upRotation = new Matrix4().makeRotationAxis(new Vector3(1, 0, 0), Math.PI / 2);
    const cx = 1230, cy = -780;
    for (const node of doc.getRoot().listNodes()) {
      const prim = node.getMesh()?.listPrimitives()[0];
      const nrmAcc = prim?.getAttribute('NORMAL');
      const normals = nrmAcc ? floatArray(nrmAcc) : null;
      if (!prim || !normals) continue;
      const pos = floatArray(prim.getAttribute('POSITION')!);
      const world = new Matrix4().fromArray(node.getWorldMatrix());
      for (let i = 0; i < normals.length; i += 3) {
        const n = new Vector3(normals[i], normals[i + 1], normals[i + 2]).normalize().applyMatrix4(upRotation);
        const p = new Vector3(pos[i], pos[i + 1], pos[i + 2]).applyMatrix4(world).applyMatrix4(upRotation);
        if (node.getName() === 'roof') expect(n.z).toBeCloseTo(1, 6);
        else expect((p.x - cx) * n.x + (p.y - cy) * n.y).toBeGreaterThan(0);
      }
    }
  });
});
