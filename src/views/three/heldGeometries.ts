/**
 * How many of the geometries on the GPU (renderer.info) something still holds: the drawn scene,
 * or a tile in the cache (a cached tile that is not drawn right now is out of the scene graph).
 * The rest were never disposed, or are three's own (a background's plane): a count that grows
 * is a leak whatever set of tiles the view holds, which is how the memory-budget fault test tells
 * a leak from a different load order.
 *
 * "On the GPU" is read from the listener three's WebGLGeometries adds to a geometry's 'dispose'
 * event when it first uploads it (three 0.187, WebGLGeometries.get); nothing in this app adds one.
 */
import type { BufferGeometry, Object3D } from 'three';

interface TileLike {
  engineData?: { scene?: Object3D | null };
}

function uploaded(g: BufferGeometry): boolean {
  const listeners = (g as unknown as { _listeners?: Record<string, unknown[] | undefined> })._listeners;
  return (listeners?.dispose?.length ?? 0) > 0;
}

export function heldUploadedGeometryCount(scene: Object3D, cachedTiles: Iterable<object>): number {
  const held = new Set<BufferGeometry>();
  const collect = (o: Object3D) => {
    const g = (o as { geometry?: BufferGeometry }).geometry;
    if (g?.isBufferGeometry && uploaded(g)) held.add(g);
  };
  scene.traverse(collect);
  for (const tile of cachedTiles) (tile as TileLike).engineData?.scene?.traverse(collect);
  return held.size;
}
