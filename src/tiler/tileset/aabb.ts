/** Axis-aligned boxes in the zone's ENU frame (x east, y north, z up), metres. */
export interface Aabb {
  min: [number, number, number];
  max: [number, number, number];
}

export function emptyAabb(): Aabb {
  return { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity] };
}

export function isEmptyAabb(b: Aabb): boolean {
  return !(b.min[0] <= b.max[0] && b.min[1] <= b.max[1] && b.min[2] <= b.max[2]);
}

export function expandAabb(target: Aabb, other: Aabb): Aabb {
  for (let k = 0; k < 3; k++) {
    if (other.min[k]! < target.min[k]!) target.min[k] = other.min[k]!;
    if (other.max[k]! > target.max[k]!) target.max[k] = other.max[k]!;
  }
  return target;
}

export function expandAabbPoint(target: Aabb, x: number, y: number, z: number): Aabb {
  if (x < target.min[0]) target.min[0] = x;
  if (y < target.min[1]) target.min[1] = y;
  if (z < target.min[2]) target.min[2] = z;
  if (x > target.max[0]) target.max[0] = x;
  if (y > target.max[1]) target.max[1] = y;
  if (z > target.max[2]) target.max[2] = z;
  return target;
}

export function containsAabb(outer: Aabb, inner: Aabb, toleranceM = 1e-6): boolean {
  for (let k = 0; k < 3; k++) {
    if (inner.min[k]! < outer.min[k]! - toleranceM || inner.max[k]! > outer.max[k]! + toleranceM) return false;
  }
  return true;
}
