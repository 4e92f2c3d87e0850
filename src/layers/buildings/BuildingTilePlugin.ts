/**
 * Prepares each buildings tile as it is parsed (3d-tiles-renderer `processTileModel` hook, which
 * runs before the renderer records the tile's materials for disposal, so materials made here are
 * freed with the tile): buildings cast and receive shadows, and every mesh with feature ids gets
 * its own highlight-capable material.
 */
import type { Material, Mesh, Object3D } from 'three';
import { featureSourceOf } from './featureMetadata';
import { installHighlight } from './highlightMaterial';

export class BuildingTilePlugin {
  readonly name = 'SHENTWIN_BUILDING_TILES';

  processTileModel(scene: Object3D): void {
    const used = new Set<Material>();
    scene.traverse((object) => {
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
