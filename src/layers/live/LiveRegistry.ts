/**
 * What the live layers of one zone share without going through the store (which holds plain
 * data only): their meshes, for counting live draw calls, and their pickers, for clicks. Created
 * per zone scene; layers register in their effects and unregister in the cleanups.
 */
import type { Object3D } from 'three';
import { LabelSpace } from './LabelOverlay';
import type { ScreenHit } from './model';

export type LiveKind = 'vehicle' | 'sensor' | 'stop' | 'signal';

export interface Picker {
  kind: LiveKind;
  /** Nearest pickable thing to the pointer; id is the thing's feed id. */
  pick(viewProj: ArrayLike<number>, widthPx: number, heightPx: number, x: number, y: number, radiusPx: number): (ScreenHit & { id: string }) | null;
  /** Where the thing with this id is drawn now, ENU metres into out; false when unknown. */
  locate(id: string, out: number[]): boolean;
}

export class LiveRegistry {
  /** Objects whose meshes the live layers draw (a mesh, or a group of them). */
  readonly meshes = new Set<Object3D>();
  readonly pickers = new Set<Picker>();
  /** Screen space of close-up labels, shared so layers' labels do not overlap. */
  readonly labels = new LabelSpace();
  /** Per-layer figures for the test hook and benchmarks (instances drawn, labels shown, …). */
  readonly stats: Record<string, Record<string, unknown>> = {};

  addMesh(o: Object3D): () => void {
    this.meshes.add(o);
    return () => this.meshes.delete(o);
  }

  addPicker(p: Picker): () => void {
    this.pickers.add(p);
    return () => this.pickers.delete(p);
  }

  /** Position of a live thing of a kind, from whichever layer draws it. */
  locate(kind: LiveKind, id: string, out: number[]): boolean {
    for (const p of this.pickers) if (p.kind === kind && p.locate(id, out)) return true;
    return false;
  }

  /**
   * One draw call per visible mesh that has something to draw (instanced meshes: count > 0), over
   * every registered object and its descendants.
   */
  drawCalls(): number {
    let n = 0;
    for (const root of this.meshes) {
      if (!isShown(root)) continue;
      root.traverseVisible((o) => {
        if (!(o as { isMesh?: boolean }).isMesh) return;
        const count = (o as { count?: number }).count;
        if (count === undefined || count > 0) n++;
      });
    }
    return n;
  }
}

function isShown(o: Object3D): boolean {
  for (let p: Object3D | null = o; p; p = p.parent) if (!p.visible) return false;
  return o.parent !== null;
}
