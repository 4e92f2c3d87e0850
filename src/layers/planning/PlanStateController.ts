/**
 * Puts the three.js scene into one version of the city (a "state": today or a scheme) right
 * before it is drawn or picked. Scheme content registers under its state id; the existing
 * buildings of the active site are hidden per feature id whenever a scheme state is applied.
 * Applying is cheap (visibility flags and index swaps), so a swipe applies two states per frame.
 * Lives in the zone's React context, never in a store.
 */
import type { Object3D } from 'three';
import { EXISTING_STATE } from '../../state/planningSlice';
import type { ExistingHider } from './ExistingHider';

export class PlanStateController {
  private readonly byState = new Map<string, Set<Object3D>>();
  /** Drawn only in the pane of this state (the diff overlay belongs to the "after" side). */
  private overlay: { object: Object3D; stateId: string | null } | null = null;
  private hider: ExistingHider | null = null;
  private applied: string = EXISTING_STATE;
  /** Which states hide the site's existing buildings (every scheme of that site). */
  private hidingStates: ReadonlySet<string> = new Set();
  /** Kept so a hider created after the ids were set (tiles restarting) gets them too. */
  private pendingIds: ReadonlySet<string> = new Set();

  setHider(hider: ExistingHider | null): void {
    this.hider = hider;
    if (hider) hider.setIds(this.pendingIds);
    this.apply(this.applied);
  }

  /** The existing buildings (ids) that the scheme states hide. */
  hiderIds(ids: ReadonlySet<string>): void {
    this.pendingIds = ids;
    this.hider?.setIds(ids);
  }

  setHidingStates(states: ReadonlySet<string>): void {
    this.hidingStates = states;
    this.apply(this.applied);
  }

  /** Registers scheme content for a state; returns the unregister function. */
  register(stateId: string, object: Object3D): () => void {
    let set = this.byState.get(stateId);
    if (!set) this.byState.set(stateId, (set = new Set()));
    set.add(object);
    object.visible = stateId === this.applied;
    return () => {
      set.delete(object);
      if (set.size === 0) this.byState.delete(stateId);
    };
  }

  setOverlay(object: Object3D | null, stateId: string | null): void {
    if (this.overlay && this.overlay.object !== object) this.overlay.object.visible = false;
    this.overlay = object ? { object, stateId } : null;
    this.apply(this.applied);
  }

  apply(stateId: string): void {
    this.applied = stateId;
    for (const [id, set] of this.byState) for (const o of set) o.visible = id === stateId;
    this.hider?.setActive(stateId !== EXISTING_STATE && this.hidingStates.has(stateId));
    if (this.overlay) this.overlay.object.visible = this.overlay.stateId !== null && this.overlay.stateId === stateId;
  }

  /** Scheme content registered for a state (for picking in that state). */
  objectsOf(stateId: string): Object3D[] {
    return [...(this.byState.get(stateId) ?? [])];
  }

  get current(): string {
    return this.applied;
  }

  get hiddenExistingFeatures(): number {
    return this.hider?.hiddenFeatureCount ?? 0;
  }

  /** For the test hook: what the view holds, read on demand. */
  diagnostics(): Record<string, unknown> {
    const shown: Record<string, number> = {};
    for (const [id, set] of this.byState) shown[id] = set.size;
    return {
      applied: this.applied,
      hiddenExistingFeatures: this.hiddenExistingFeatures,
      hideableExistingFeatures: this.hider?.preparedFeatureCount ?? 0,
      schemeObjects: shown,
      overlayState: this.overlay?.stateId ?? null,
    };
  }
}
