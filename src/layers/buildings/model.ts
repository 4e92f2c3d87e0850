/**
 * Pure logic of the buildings layer: which building a picked triangle belongs to, which tile
 * meshes draw a given building, and turning tile metadata into plain store data.
 */
import type { BuildingProperties } from '../../state/selectionSlice';

/** Uniform value meaning "highlight nothing"; feature ids are never negative. */
export const NO_FEATURE = -1;
export const HIGHLIGHT_HOVER_COLOR = 0xffc83d;
export const HIGHLIGHT_SELECT_COLOR = 0x1f8fff;
/** How far the base colour moves towards the highlight colour (0..1). */
export const HIGHLIGHT_HOVER_MIX = 0.55;
export const HIGHLIGHT_SELECT_MIX = 0.75;
/** Hover picking runs at most this often: a raycast per pointer event is wasted work on 2 cores. */
export const HOVER_PICK_INTERVAL_MS = 60;
/** A press that moves less than this and is released sooner than CLICK_MAX_MS is a click, not a drag. */
export const CLICK_SLOP_PX = 5;
export const CLICK_MAX_MS = 600;

/** Reads scalars by index; three.js attributes (plain or interleaved) satisfy it through getX. */
export interface ScalarReader {
  readonly count: number;
  getX(index: number): number;
}

/**
 * Feature id of a triangle from the mesh's attributes: the `_feature_id_N` value of the face's
 * first vertex (a building's vertices all carry its id). Read through getX, because glTF writers
 * commonly interleave vertex streams and a raw `.array` would then be the interleaved buffer.
 * `featureIds` null means implicit ids (the vertex index). Returns null for out-of-range faces
 * and for the table's "no feature" value.
 */
export function featureIdForFace(
  index: ScalarReader | null,
  featureIds: ScalarReader | null,
  faceIndex: number,
  nullFeatureId: number | null,
  vertexCount: number,
): number | null {
  if (!Number.isInteger(faceIndex) || faceIndex < 0) return null;
  let vertex = faceIndex * 3;
  if (index) {
    if (vertex >= index.count) return null;
    vertex = index.getX(vertex);
  }
  if (!(vertex >= 0 && vertex < vertexCount)) return null;
  if (featureIds && vertex >= featureIds.count) return null;
  const value = featureIds ? featureIds.getX(vertex) : vertex;
  if (!Number.isFinite(value) || value < 0) return null;
  if (nullFeatureId !== null && value === nullFeatureId) return null;
  return value;
}

export interface FeatureRef<T> {
  target: T;
  featureId: number;
}

/**
 * Building id → the (tile mesh, feature id) pairs that draw it. A building appears in several
 * tiles (LOD levels) at once; the index follows tiles as they load and unload.
 */
export class FeatureIndex<T> {
  private readonly byId = new Map<string, FeatureRef<T>[]>();
  private readonly byTarget = new Map<T, string[]>();

  add(buildingId: string, target: T, featureId: number): void {
    const refs = this.byId.get(buildingId) ?? [];
    if (refs.some((r) => r.target === target && r.featureId === featureId)) return;
    refs.push({ target, featureId });
    this.byId.set(buildingId, refs);
    const ids = this.byTarget.get(target) ?? [];
    ids.push(buildingId);
    this.byTarget.set(target, ids);
  }

  removeTarget(target: T): void {
    const ids = this.byTarget.get(target);
    if (!ids) return;
    for (const id of ids) {
      const left = (this.byId.get(id) ?? []).filter((r) => r.target !== target);
      if (left.length > 0) this.byId.set(id, left);
      else this.byId.delete(id);
    }
    this.byTarget.delete(target);
  }

  refs(buildingId: string | null): readonly FeatureRef<T>[] {
    return buildingId === null ? [] : (this.byId.get(buildingId) ?? []);
  }

  /** Feature id of a building in one target, or NO_FEATURE. */
  featureIn(buildingId: string | null, target: T): number {
    if (buildingId === null) return NO_FEATURE;
    return this.byId.get(buildingId)?.find((r) => r.target === target)?.featureId ?? NO_FEATURE;
  }

  get buildingCount(): number {
    return this.byId.size;
  }

  get targetCount(): number {
    return this.byTarget.size;
  }

  clear(): void {
    this.byId.clear();
    this.byTarget.clear();
  }
}

function plainValue(v: unknown): string | number | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return null;
}

/** Metadata row → plain, store-safe values (no typed arrays, BigInts, NaN or nested objects). */
export function toPlainProperties(raw: Record<string, unknown> | null | undefined): BuildingProperties {
  const out: BuildingProperties = {};
  if (!raw) return out;
  for (const [key, value] of Object.entries(raw)) {
    if (Array.isArray(value) || ArrayBuffer.isView(value)) {
      const parts = Array.from(value as ArrayLike<unknown>, plainValue).filter((x) => x !== null);
      out[key] = parts.join(', ');
      continue;
    }
    const p = plainValue(value);
    if (p !== null) out[key] = p;
  }
  return out;
}

/** The building's stable id from its properties, or null when the row has none. */
export function buildingIdOf(props: BuildingProperties): string | null {
  const id = props.id;
  if (typeof id === 'string' && id.length > 0) return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return null;
}
