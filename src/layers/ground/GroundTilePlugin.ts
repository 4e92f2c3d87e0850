/**
 * Prepares each ground tile as it is parsed (3d-tiles-renderer `processTileModel` hook): tags
 * meshes with their sub-layer kind, draws the stacked layers in a fixed order, lets them receive
 * (not cast) shadows, and colours water, roads and green space from the scene file. Land-use
 * blocks keep the tiler's per-class colours.
 */
import { Color, type Material, type Mesh, type Object3D } from 'three';
import { GROUND_RENDER_ORDER, groundKindOf, type GroundKind } from './model';

const SCENE_COLOURED: readonly GroundKind[] = ['water', 'road', 'green'];

function namesUpFrom(object: Object3D, root: Object3D): string[] {
  const names: string[] = [];
  for (let o: Object3D | null = object; o; o = o.parent) {
    names.push(o.name, typeof o.userData.name === 'string' ? o.userData.name : '');
    if (o === root) break;
  }
  return names;
}

export class GroundTilePlugin {
  readonly name = 'SHENTWIN_GROUND_TILES';
  private readonly colours: Partial<Record<GroundKind, Color>> = {};

  constructor(coloursHex: Partial<Record<GroundKind, string>>) {
    for (const kind of SCENE_COLOURED) {
      const hex = coloursHex[kind];
      if (hex) this.colours[kind] = new Color(hex);
    }
  }

  processTileModel(scene: Object3D): void {
    const used = new Set<Material>();
    scene.traverse((object) => {
      const mesh = object as Mesh;
      if (!mesh.isMesh) return;
      const kind = groundKindOf(namesUpFrom(mesh, scene));
      mesh.userData.groundKind = kind;
      mesh.castShadow = false;
      mesh.receiveShadow = true;
      if (kind) mesh.renderOrder = GROUND_RENDER_ORDER[kind];
      const colour = kind ? this.colours[kind] : undefined;
      if (!colour || Array.isArray(mesh.material)) return;
      if (used.has(mesh.material)) mesh.material = mesh.material.clone();
      used.add(mesh.material);
      const m = mesh.material as Material & { color?: Color; vertexColors?: boolean };
      if (m.color && !m.vertexColors) m.color.copy(colour);
    });
  }
}
