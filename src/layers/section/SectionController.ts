/**
 * The section as the renderer uses it: the current section (the committed one, or a draft while
 * a handle is dragged) and its planes as three.js Plane objects, rewritten in place whenever the
 * section changes, so the clipping, the caps and the handles share one set and nothing is
 * allocated per frame. Lives in the section layer's React state, never in a store. An invalid
 * section is refused (nothing is clipped) and its problems kept for the test hook.
 */
import { Plane } from 'three';
import { describeProblem, validateSection } from '../../analysis/section/validate';
import type { ClipPlane, Section } from '../../analysis/section/types';
import { capClipPlanes, CAP_FLOOR_UP_M, flipPlane, threeClipPlanes } from './model';

const MAX_PLANES = 6;

export interface SectionRenderStats {
  /** Clipping planes applied to the whole scene (0 without a section). */
  planes: number;
  /** Whether cut faces are capped (a section is active and the canvas has a stencil buffer). */
  capped: boolean;
  /** Drag handles drawn. */
  handles: number;
}

function setPlane(target: Plane, p: ClipPlane): void {
  target.normal.set(p.normal[0], p.normal[1], p.normal[2]);
  target.constant = p.constant;
}

export class SectionController {
  private current: Section | null = null;
  private refused: string[] = [];
  private readonly pool = Array.from({ length: MAX_PLANES }, () => new Plane());
  /** The section's planes (kept side), three.js frame: what gl.clippingPlanes holds while active. */
  readonly planes: Plane[] = [];
  /** Per plane i, that plane flipped: the stencil pass keeps only the camera's side of it. */
  readonly flipped: Plane[][] = Array.from({ length: MAX_PLANES }, () => [new Plane()]);
  /** Per plane i, what trims its cap quad: the other planes and the floor. */
  readonly capClips: Plane[][] = Array.from({ length: MAX_PLANES }, () => []);
  private readonly capPool = Array.from({ length: MAX_PLANES }, () => Array.from({ length: MAX_PLANES }, () => new Plane()));
  private readonly listeners = new Set<() => void>();
  /** Bumped on every change, for per-frame readers that compare instead of subscribing. */
  version = 0;
  private capsReady = false;
  private handleCount = 0;
  /** Caps drawn in the last pane rendered (0–3 for a box, 0–1 for a plane). */
  cappedLastPass = 0;

  constructor(private readonly floorUpM = CAP_FLOOR_UP_M) {}

  get section(): Section | null {
    return this.current;
  }

  /** Sets the section (null for none); returns false, clipping nothing, if it is invalid. */
  set(section: Section | null): boolean {
    const problems = section ? validateSection(section) : [];
    this.refused = problems.map(describeProblem);
    this.current = problems.length === 0 ? section : null;
    const s = this.current;
    const clip = s ? threeClipPlanes(s) : [];
    this.planes.length = 0;
    clip.forEach((p, i) => {
      const target = this.pool[i]!;
      setPlane(target, p);
      this.planes.push(target);
      setPlane(this.flipped[i]![0]!, flipPlane(p));
      const trims = capClipPlanes(clip, i, this.floorUpM);
      const list = this.capClips[i]!;
      list.length = 0;
      trims.forEach((t, j) => {
        const target2 = this.capPool[i]![j]!;
        setPlane(target2, t);
        list.push(target2);
      });
    });
    this.version++;
    this.notify();
    return problems.length === 0;
  }

  /** The caps say whether they can draw (a stencil buffer exists); the handles say how many. */
  setCapsReady(ready: boolean): void {
    if (ready === this.capsReady) return;
    this.capsReady = ready;
    this.notify();
  }

  setHandleCount(n: number): void {
    if (n === this.handleCount) return;
    this.handleCount = n;
    this.notify();
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stats(): SectionRenderStats {
    return { planes: this.planes.length, capped: this.capsReady && this.current !== null, handles: this.current ? this.handleCount : 0 };
  }

  /** For the test hook: the render stats and why a section was refused, read on demand. */
  diagnostics(): Record<string, unknown> {
    return { ...this.stats(), cappedLastPass: this.cappedLastPass, kind: this.current?.kind ?? null, refused: this.refused };
  }
}
