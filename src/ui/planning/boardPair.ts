/**
 * The two states whose difference the board's last column shows, as `a − b`: the compared pair
 * (left − right) in compare mode, the shown scheme against today in scheme mode, otherwise the
 * first two schemes of the site, or its only scheme against today.
 */
import type { SiteBoard } from '../../analysis/planning/board';
import { EXISTING_STATE, type PlanView } from '../../analysis/planning/types';

export interface BoardPair {
  a: string;
  b: string;
}

export function boardPair(board: SiteBoard, view: PlanView): BoardPair | null {
  const has = (id: string) => board.states.some((s) => s.stateId === id);
  if (view.mode === 'compare' && view.left !== view.right && has(view.left) && has(view.right)) {
    return { a: view.left, b: view.right };
  }
  if (view.mode === 'scheme' && view.right !== EXISTING_STATE && has(view.right)) return { a: view.right, b: EXISTING_STATE };
  const schemes = board.states.filter((s) => s.stateId !== EXISTING_STATE);
  if (schemes.length >= 2) return { a: schemes[0]!.stateId, b: schemes[1]!.stateId };
  if (schemes.length === 1) return { a: schemes[0]!.stateId, b: EXISTING_STATE };
  return null;
}
