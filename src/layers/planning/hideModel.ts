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
  // Per-feature mask: a typed-array read per primitive instead of a Set lookup through getX.
  let maxHidden = -1;
  for (const f of hidden) if (Number.isInteger(f) && f > maxHidden) maxHidden = f;
  if (maxHidden < 0) return null;
  const mask = new Uint8Array(maxHidden + 1);
  for (const f of hidden) if (Number.isInteger(f) && f >= 0) mask[f] = 1;
  const ids = valuesOf(featureIds);
  const idCount = featureIds.count;
  const idx = index ? valuesOf(index) : null;
  const n = index ? index.count : vertexCount;
  const isHidden = (i: number): boolean => {
    const v = idx ? idx(i) : i;
    if (v < 0 || v >= idCount) return false;
    const f = ids(v);
    return f >= 0 && f <= maxHidden && mask[f] === 1;
  };
  let kept = 0;
  let dropped = 0;
  for (let i = 0; i + perPrimitive <= n; i += perPrimitive) {
    if (isHidden(i)) dropped++;
    else kept++;
  }
  if (dropped === 0) return null;
  const out = new Uint32Array(kept * perPrimitive);
  let o = 0;
  for (let i = 0; i + perPrimitive <= n; i += perPrimitive) {
    if (isHidden(i)) continue;
    for (let k = 0; k < perPrimitive; k++) out[o++] = idx ? idx(i + k) : i + k;
  }
  return out;
}

interface PlainAttributeLike extends ScalarReader {
  array?: ArrayLike<number>;
  itemSize?: number;
  normalized?: boolean;
  isInterleavedBufferAttribute?: boolean;
}

/**
 * Element reader of a scalar attribute: its array directly when it is a plain, unnormalised,
 * one-component BufferAttribute (what tiles hold), else the attribute's own getX.
 */
function valuesOf(reader: ScalarReader): (i: number) => number {
  const a = reader as PlainAttributeLike;
  const array = a.array;
  if (array && a.itemSize === 1 && !a.normalized && !a.isInterleavedBufferAttribute && array.length >= reader.count) {
    return (i) => array[i]!;
  }
  return (i) => reader.getX(i);
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
