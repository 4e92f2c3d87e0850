/**
 * The `tools` part of the ?test=1 hook (docs/test-hook.md): the active planner tool and its
 * phase, the points placed so far, the compute status, every kept result with its values, the
 * BIM floor view, and what the 3D tools layer draws. Straight from the store, so the numbers are
 * the ones the panel shows.
 */
import { readDiagnostics } from '../state/diagnostics';
import type { AppState } from '../state/store';
import { toolStateId } from '../state/toolsSlice';
import { getToolPayload } from '../tools/compute/payloads';

export function toolsHook(s: AppState): Record<string, unknown> {
  const t = s.tool;
  const selected = s.toolResults.selectedId;
  const payload = getToolPayload(selected);
  return {
    active: t?.kind ?? null,
    state: t?.phase ?? null,
    points: t?.points.length ?? 0,
    problem: t?.problem ?? null,
    paramProblems: t?.paramProblems.map((p) => p.param) ?? [],
    analysedState: toolStateId(s.toolStateChoice, s.planView),
    compute: { status: s.toolCompute.status, progress: s.toolCompute.progress, error: s.toolCompute.error },
    results: s.toolResults.items.map((r) => ({ id: r.id, kind: r.kind, name: r.name, values: { ...r.values } })),
    selectedId: selected,
    // The selected height limit's buildings, as the panel's table lists them.
    heightLimit: payload?.kind === 'height-limit'
      ? payload.report.exceedances.map((e) => ({ id: e.id, heightM: e.heightM, excessM: e.excessM }))
      : null,
    bim: { ...s.bimView },
    render: readDiagnostics().tools ?? null,
    section: readDiagnostics().section ?? null,
    bimRender: readDiagnostics().bim ?? null,
  };
}
