/**
 * Which buildings the 3D diff draws, and in what colour: added, taller and lower ones as the
 * "after" building, removed ones as a ghost of the "before" building. Pure.
 */
import { DIFF_COLORS } from '../../analysis/planning/colors';
import type { DiffResult, PlanBuilding } from '../../analysis/planning/types';

export interface DiffShape {
  building: PlanBuilding;
  color: string;
  ghost: boolean;
}

export function diffShapes(diff: DiffResult, before: readonly PlanBuilding[], after: readonly PlanBuilding[]): DiffShape[] {
  const a = new Map(before.map((b) => [b.id, b]));
  const b = new Map(after.map((x) => [x.id, x]));
  const out: DiffShape[] = [];
  for (const e of diff.entries) {
    if (e.kind === 'unchanged') continue;
    if (e.kind === 'removed') {
      const bld = a.get(e.id);
      if (bld) out.push({ building: bld, color: DIFF_COLORS.removed, ghost: true });
      continue;
    }
    const id = e.kind === 'added' ? e.id : (e.otherId ?? e.id);
    const bld = b.get(id);
    if (bld) out.push({ building: bld, color: DIFF_COLORS[e.kind], ghost: false });
  }
  return out;
}
