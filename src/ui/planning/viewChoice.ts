/**
 * What the comparison shows after the planner picks a mode or a site: keep the states already
 * chosen where they still belong to the site, otherwise fall back to the site's first schemes.
 * Pure, so every control that changes the mode (panel, plot card) lands on the same states.
 */
import { EXISTING_STATE, type PlanView, type PlanViewMode } from '../../analysis/planning/types';

export function viewForMode(mode: PlanViewMode, view: PlanView, schemeIds: readonly string[]): Partial<PlanView> {
  if (mode === 'existing' || schemeIds.length === 0) return { mode: 'existing' };
  const isScheme = (id: string) => schemeIds.includes(id);
  if (mode === 'scheme') return { mode, right: isScheme(view.right) ? view.right : schemeIds[0]! };
  const left = isScheme(view.left) ? view.left : EXISTING_STATE;
  const right = isScheme(view.right) && view.right !== left ? view.right : (schemeIds.find((id) => id !== left) ?? EXISTING_STATE);
  return { mode, left, right };
}
