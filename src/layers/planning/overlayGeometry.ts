/**
 * Uploads the pure overlay arrays (meshModel.ts) into a three.js geometry. The caller owns the
 * geometry and disposes it in the same effect that made it.
 */
import { BufferAttribute, BufferGeometry } from 'three';
import type { TriangleArrays } from './meshModel';

export const ITEM_ID_ATTRIBUTE = '_feature_id_0';

export function overlayGeometry(a: TriangleArrays, withNormals = false): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(a.positions, 3));
  g.setAttribute('color', new BufferAttribute(a.colors, 3));
  // Named like a tile's feature-id attribute, so the buildings highlight shader works on it too.
  g.setAttribute(ITEM_ID_ATTRIBUTE, new BufferAttribute(a.itemIds, 1));
  g.setIndex(new BufferAttribute(a.index, 1));
  if (withNormals) g.computeVertexNormals();
  g.computeBoundingSphere();
  return g;
}
