/**
 * Which version of the city (state) is drawn where, for the planner's comparison: one state
 * over the whole view, a swipe (one camera, a vertical divider), or a split (two halves side by
 * side with one linked camera). Pure, so the render loop and picking agree by construction.
 */
import { EXISTING_STATE, type PlanView } from '../../state/planningSlice';

export interface Pane {
  stateId: string;
  /** Left edge and width as shares of the view width, 0..1. */
  x0: number;
  width: number;
  /** Whether this pane squeezes the camera (split) or crops it (swipe). */
  ownAspect: boolean;
}

/** The panes a view mode draws, left to right. States that no longer exist fall back to today. */
export function panesOf(view: PlanView, knownStates: ReadonlySet<string>): Pane[] {
  const known = (id: string) => (id === EXISTING_STATE || knownStates.has(id) ? id : EXISTING_STATE);
  if (view.mode === 'existing') return [{ stateId: EXISTING_STATE, x0: 0, width: 1, ownAspect: false }];
  if (view.mode === 'scheme') return [{ stateId: known(view.right), x0: 0, width: 1, ownAspect: false }];
  const left = known(view.left);
  const right = known(view.right);
  if (view.layout === 'toggle') {
    return [{ stateId: view.toggleSide === 'left' ? left : right, x0: 0, width: 1, ownAspect: false }];
  }
  if (view.layout === 'split') {
    return [
      { stateId: left, x0: 0, width: 0.5, ownAspect: true },
      { stateId: right, x0: 0.5, width: 0.5, ownAspect: true },
    ];
  }
  const d = Math.min(1, Math.max(0, view.dividerX));
  return [
    { stateId: left, x0: 0, width: d, ownAspect: false },
    { stateId: right, x0: d, width: 1 - d, ownAspect: false },
  ];
}

/** The pane under a pointer at `xShare` (0..1 of the view width). */
export function paneAt(panes: readonly Pane[], xShare: number): Pane | null {
  if (panes.length === 0) return null;
  for (const p of panes) if (xShare >= p.x0 && xShare < p.x0 + p.width) return p;
  return panes[panes.length - 1] ?? null;
}

/**
 * Normalised device x of a pointer inside its pane. A split pane has its own projection over
 * its half, so the pointer is re-mapped into it; a swipe pane shares the full-view projection.
 */
export function paneNdcX(pane: Pane, xShare: number): number {
  if (!pane.ownAspect || pane.width <= 0) return xShare * 2 - 1;
  return ((xShare - pane.x0) / pane.width) * 2 - 1;
}

/** The scheme states the panes need drawn, for loading what is about to be shown. */
export function statesShown(panes: readonly Pane[]): string[] {
  return [...new Set(panes.map((p) => p.stateId))];
}
