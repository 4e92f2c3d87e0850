/**
 * Pure logic of the ground layer: which sub-layer (water, road, green, land use) a tile mesh
 * belongs to, from the names the tiler gives its meshes, and whether it is shown.
 */
import { isLayerVisible } from '../../state/layersSlice';

export const GROUND_KINDS = ['water', 'road', 'green', 'landuse'] as const;
export type GroundKind = (typeof GROUND_KINDS)[number];

/**
 * Stacking order within the ground (drawn bottom to top): land use under green under water under
 * roads. The tiler already cuts each ground polygon by those above it (GROUND_STACK in
 * src/tiler/groundLayering.ts, which a test holds equal to this), so only the lifted road
 * surfaces overlap anything; drawing them last keeps them on top at any depth precision.
 */
export const GROUND_RENDER_ORDER: Record<GroundKind, number> = { landuse: 0, green: 1, water: 2, road: 3 };

/**
 * Kind of a mesh from its own name and its ancestors' names (nearest first). GLTFLoader names
 * single-primitive meshes after the node and multi-primitive children `<mesh>_<n>`, so a prefix
 * followed by a separator also counts.
 */
export function groundKindOf(names: readonly string[]): GroundKind | null {
  for (const raw of names) {
    const name = raw.toLowerCase();
    for (const kind of GROUND_KINDS) {
      if (name === kind || name.startsWith(`${kind}_`) || name.startsWith(`${kind}.`) || name.startsWith(`${kind}-`)) return kind;
    }
  }
  return null;
}

/** A ground mesh shows when both the ground tileset and its own sub-layer are on. */
export function isGroundKindVisible(layerVisible: Record<string, boolean>, tilesetId: string, kind: GroundKind | null): boolean {
  if (!isLayerVisible(layerVisible, tilesetId)) return false;
  return kind === null || isLayerVisible(layerVisible, kind);
}
