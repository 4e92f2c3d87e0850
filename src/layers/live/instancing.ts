/**
 * Instanced meshes for live layers: one draw call per class or type, matrices and colours written
 * straight into their typed arrays, and only the used range re-uploaded. Instances move every
 * frame, so bounds-based culling is off (a stale bounding sphere would hide live vehicles).
 */
import { Color, DynamicDrawUsage, InstancedBufferAttribute, InstancedMesh, type BufferGeometry, type Material } from 'three';

export function createInstancedMesh(geometry: BufferGeometry, material: Material, capacity: number, name: string): InstancedMesh {
  const mesh = new InstancedMesh(geometry, material, capacity);
  mesh.name = name;
  mesh.instanceMatrix.setUsage(DynamicDrawUsage);
  mesh.instanceColor = new InstancedBufferAttribute(new Float32Array(capacity * 3), 3);
  mesh.instanceColor.setUsage(DynamicDrawUsage);
  mesh.frustumCulled = false;
  mesh.castShadow = false;
  mesh.receiveShadow = false;
  mesh.count = 0;
  return mesh;
}

/** Marks the first n instances for upload and sets the draw count. */
export function commitInstances(mesh: InstancedMesh, n: number, colors = true, extra?: InstancedBufferAttribute): void {
  mesh.count = n;
  if (n === 0) return;
  const m = mesh.instanceMatrix;
  m.clearUpdateRanges();
  m.addUpdateRange(0, n * 16);
  m.needsUpdate = true;
  if (colors && mesh.instanceColor) {
    mesh.instanceColor.clearUpdateRanges();
    mesh.instanceColor.addUpdateRange(0, n * 3);
    mesh.instanceColor.needsUpdate = true;
  }
  if (extra) {
    extra.clearUpdateRanges();
    extra.addUpdateRange(0, n * extra.itemSize);
    extra.needsUpdate = true;
  }
}

/** Linear-space RGB of an sRGB hex colour, computed once (instance colours are linear). */
export function linearRgb(hex: string): [number, number, number] {
  const c = new Color(hex);
  return [c.r, c.g, c.b];
}

export function writeRgb(arr: Float32Array | number[], offset: number, rgb: readonly number[]): void {
  arr[offset] = rgb[0]!;
  arr[offset + 1] = rgb[1]!;
  arr[offset + 2] = rgb[2]!;
}
