/**
 * Quantised positions (KHR_mesh_quantization, `bits` per axis over the tile's own volume) land up
 * to half a grid step from the authored ones, so a vertex on the face of its bounding box can round
 * just outside it. Padding every box by one full step of its largest extent keeps the box a true
 * bound (3D Tiles requires content inside its tile's volume; culling and picking rely on it).
 * A parent's box is at least its child's, so its pad is too, and containment survives.
 */
import type { TileNode } from './tilesetJson';

export function quantisationPadM(box: TileNode['box'], bits: number): number {
  const extent = Math.max(box.max[0] - box.min[0], box.max[1] - box.min[1], box.max[2] - box.min[2]);
  return extent > 0 ? extent / (2 ** bits - 1) : 0;
}

export function padTileTree(node: TileNode, bits: number): TileNode {
  const pad = quantisationPadM(node.box, bits);
  return {
    ...node,
    box: {
      min: [node.box.min[0] - pad, node.box.min[1] - pad, node.box.min[2] - pad],
      max: [node.box.max[0] + pad, node.box.max[1] + pad, node.box.max[2] + pad],
    },
    children: node.children.map((c) => padTileTree(c, bits)),
  };
}
