/**
 * Hiding existing buildings per feature id inside a batched tile, by dropping their primitives
 * from the index. Unlike clipping or a discarding shader, a dropped triangle is gone for every
 * consumer at once: the colour pass, the shadow pass and the raycaster all read the same index.
 */
import type { ScalarReader } from '../buildings/model';

/**
 * The index without the primitives whose first vertex belongs to a hidden feature, or null when
 * nothing in this mesh is hidden (so the caller keeps the original and allocates nothing).
 * `perPrimitive` is 3 for triangles, 2 for line segments. A non-indexed mesh gets an explicit index.
 */
export function indexWithout(
  index: ScalarReader | null,
  vertexCount: number,
  featureIds: ScalarReader,
  hidden: ReadonlySet<number>,
  perPrimitive: 2 | 3,
): Uint32Array | null {
  if (hidden.size === 0) return null;
  const n = index ? index.count : vertexCount;
  const vertexAt = (i: number) => (index ? index.getX(i) : i);
  let kept = 0;
  let dropped = 0;
  for (let i = 0; i + perPrimitive <= n; i += perPrimitive) {
    const v = vertexAt(i);
    if (v >= 0 && v < featureIds.count && hidden.has(featureIds.getX(v))) dropped++;
    else kept++;
  }
  if (dropped === 0) return null;
  const out = new Uint32Array(kept * perPrimitive);
  let o = 0;
  for (let i = 0; i + perPrimitive <= n; i += perPrimitive) {
    const v = vertexAt(i);
    if (v >= 0 && v < featureIds.count && hidden.has(featureIds.getX(v))) continue;
    for (let k = 0; k < perPrimitive; k++) out[o++] = vertexAt(i + k);
  }
  return out;
}

/** Feature ids of a tile whose building id is in `ids`, from the tile's id-per-feature lookup. */
export function featuresOf(buildingIdOfFeature: (featureId: number) => string | null, featureCount: number, ids: ReadonlySet<string>): Set<number> {
  const out = new Set<number>();
  if (ids.size === 0) return out;
  for (let f = 0; f < featureCount; f++) {
    const id = buildingIdOfFeature(f);
    if (id !== null && ids.has(id)) out.add(f);
  }
  return out;
}
