/**
 * Prepares each buildings tile as it is parsed (3d-tiles-renderer `processTileModel` hook, which
 * runs before the renderer records the tile's materials for disposal, so materials made here are
 * freed with the tile): buildings cast and receive shadows, every mesh with feature ids gets its
 * own highlight-capable material, and floor lines get a material that darkens the lit facade and
 * fades out with distance instead of GLTFLoader's unlit grey (floorLineModel says why).
 */
import type { Line, Material, Mesh, Object3D } from 'three';
import { featureSourceOf } from './featureMetadata';
import { createFloorLineMaterial, createFloorLineUniforms, type FloorLineUniforms } from './floorLineMaterial';
import { FLOOR_LINES_NAME } from './floorLineModel';
import { installHighlight } from './highlightMaterial';

function isFloorLines(line: Line): boolean {
  const m = line.material;
  return !Array.isArray(m) && (m.name === FLOOR_LINES_NAME || line.name === FLOOR_LINES_NAME);
}

export class BuildingTilePlugin {
  readonly name = 'SHENTWIN_BUILDING_TILES';
  /** One fade for every tile of this tileset: all are drawn by the same camera. */
  readonly floorLineUniforms: FloorLineUniforms = createFloorLineUniforms();

  processTileModel(scene: Object3D): void {
    const used = new Set<Material>();
    scene.traverse((object) => {
      const line = object as Line;
      if (line.isLine) {
        if (!isFloorLines(line)) return;
        // The loader's material may be cached and shared between tiles; this one is the tile's own.
        line.material = createFloorLineMaterial(this.floorLineUniforms, FLOOR_LINES_NAME);
        return;
      }
      const mesh = object as Mesh;
      if (!mesh.isMesh) return;
      mesh.castShadow = true;
      mesh.receiveShadow = true;
      const source = featureSourceOf(mesh);
      if (!source?.attributeName || Array.isArray(mesh.material)) return;
      // Highlight uniforms are per material; a material shared by two meshes would highlight both.
      if (used.has(mesh.material)) mesh.material = mesh.material.clone();
      used.add(mesh.material);
      installHighlight(mesh.material, source.attributeName);
    });
  }
}
