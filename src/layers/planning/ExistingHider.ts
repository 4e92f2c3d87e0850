/**
 * Hides a set of existing buildings (a scheme's site) in the streamed buildings tileset, per
 * feature id, in every LOD tile that draws them. For each affected tile mesh it keeps two index
 * buffers, the original and one without the hidden buildings, and swaps between them: the swap
 * is a pointer assignment, so a swipe can show "with" on one side and "without" on the other in
 * the same frame. Tiles streamed in later are prepared as they load.
 */
import { BufferAttribute, type BufferGeometry, type Object3D } from 'three';
import type { TilesRenderer } from '3d-tiles-renderer/three';
import { buildingIdsOfMesh, featureSourceOf } from '../buildings/featureMetadata';
import { indexWithout } from './hideModel';

interface Entry {
  geometry: BufferGeometry;
  full: BufferAttribute | null;
  reduced: BufferAttribute;
  hiddenFeatures: number;
}

export class ExistingHider {
  private ids: ReadonlySet<string> = new Set();
  private readonly entries = new Map<Object3D, Entry>();
  private active = false;

  constructor(private readonly tiles: TilesRenderer) {
    tiles.addEventListener('load-model', this.onLoad);
    tiles.addEventListener('dispose-model', this.onDispose);
  }

  /** The building ids to hide when active. Rebuilds the reduced indices of loaded tiles. */
  setIds(ids: ReadonlySet<string>): void {
    const wasActive = this.active;
    this.setActive(false);
    this.entries.clear();
    this.ids = ids;
    if (ids.size > 0) this.tiles.forEachLoadedModel((scene: Object3D) => this.prepare(scene));
    this.setActive(wasActive);
  }

  setActive(on: boolean): void {
    if (on === this.active) return;
    this.active = on;
    for (const e of this.entries.values()) e.geometry.setIndex(on ? e.reduced : e.full);
  }

  get isActive(): boolean {
    return this.active;
  }

  /** Features currently dropped from the drawn tiles (counts a building once per LOD tile). */
  get hiddenFeatureCount(): number {
    return this.active ? this.preparedFeatureCount : 0;
  }

  /** Features that activating would hide, over the loaded tiles. */
  get preparedFeatureCount(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e.hiddenFeatures;
    return n;
  }

  dispose(): void {
    this.setActive(false);
    this.entries.clear();
    this.tiles.removeEventListener('load-model', this.onLoad);
    this.tiles.removeEventListener('dispose-model', this.onDispose);
  }

  private readonly onLoad = (e: { scene: Object3D }): void => {
    if (this.ids.size > 0) this.prepare(e.scene);
  };

  private readonly onDispose = (e: { scene: Object3D }): void => {
    // Put the original index back so the tile's own dispose frees the buffer it uploaded.
    e.scene.traverse((o) => {
      const entry = this.entries.get(o);
      if (!entry) return;
      entry.geometry.setIndex(entry.full);
      this.entries.delete(o);
    });
  };

  private prepare(scene: Object3D): void {
    scene.traverse((o) => {
      const geometry = (o as { geometry?: BufferGeometry }).geometry;
      const kind = (o as { isMesh?: boolean }).isMesh ? 3 : (o as { isLineSegments?: boolean }).isLineSegments ? 2 : 0;
      if (!geometry || kind === 0 || this.entries.has(o)) return;
      const source = featureSourceOf(o);
      const position = geometry.getAttribute('position');
      const ids = source?.attributeName ? geometry.getAttribute(source.attributeName) : undefined;
      if (!position || !ids) return;
      const hidden = new Set<number>();
      for (const { featureId, buildingId } of buildingIdsOfMesh(o)) if (this.ids.has(buildingId)) hidden.add(featureId);
      const full = geometry.index;
      const reduced = indexWithout(full, position.count, ids, hidden, kind);
      if (!reduced) return;
      const entry: Entry = { geometry, full, reduced: new BufferAttribute(reduced, 1), hiddenFeatures: hidden.size };
      this.entries.set(o, entry);
      if (this.active) geometry.setIndex(entry.reduced);
    });
  }
}
