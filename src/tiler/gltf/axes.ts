/**
 * glTF is y-up; 3D Tiles is z-up. Tile content is written in glTF axes and every 3D Tiles client
 * (CesiumJS, 3d-tiles-renderer) rotates it by +90° about x before applying the tile transforms:
 *   glTF (x, y, z) → tileset (x, -z, y)
 * So an ENU point (east, north, up) is stored as glTF (east, up, -north), which maps back exactly.
 */
export function enuToGltf(e: number, n: number, u: number): [number, number, number] {
  return [e, u, -n];
}

/** The standard y-up → z-up rotation that 3D Tiles clients apply to glTF content. */
export function gltfToEnu(x: number, y: number, z: number): [number, number, number] {
  return [x, -z, y];
}

/**
 * Bulk form of enuToGltf for vertex arrays (xyz triples), minus an optional ENU origin.
 * Written out rather than calling enuToGltf per vertex: tiles hold millions of vertices.
 */
export function enuArrayToGltf(src: ArrayLike<number>, origin: readonly [number, number, number] | null, out: Float32Array): Float32Array {
  const ox = origin ? origin[0] : 0, oy = origin ? origin[1] : 0, oz = origin ? origin[2] : 0;
  for (let i = 0; i + 2 < src.length; i += 3) {
    out[i] = src[i]! - ox;
    out[i + 1] = src[i + 2]! - oz;
    out[i + 2] = oy - src[i + 1]!;
  }
  return out;
}
