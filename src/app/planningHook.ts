/**
 * The `planning` part of the ?test=1 hook (docs/test-hook.md): schemes, the compared view, every
 * site's indicators and compliance per state, and the diff counts of the current pair. Computed
 * on read from the same pure functions the board and the 3D diff use, so a test comparing the
 * hook with the screen compares two readers of one computation.
 */
import { siteBoard } from '../analysis/planning/board';
import { diffStates } from '../analysis/planning/diff';
import { buildingsOfState, currentPair } from '../analysis/planning/statePair';
import { readDiagnostics } from '../state/diagnostics';
import { allSchemes } from '../state/planningSlice';
import type { AppState } from '../state/store';

export function planningHook(s: AppState): Record<string, unknown> {
  const plan = s.plan;
  const schemes = allSchemes(s).map((x) => ({ id: x.id, siteId: x.siteId, name: x.name, source: x.source, buildings: x.buildings.length }));
  const sites = (plan?.sites ?? []).map((site) => {
    const board = plan ? siteBoard(plan, s.importedSchemes, site.id) : null;
    const indicators: Record<string, unknown> = {};
    const compliance: Record<string, Record<string, string>> = {};
    for (const st of board?.states ?? []) {
      indicators[st.stateId] = st.indicators;
      compliance[st.stateId] = Object.fromEntries(st.compliance.map((r) => [r.indicator, r.verdict]));
    }
    return { id: site.id, plotId: site.plotId, existing: site.existing.length, limits: board?.limits ?? null, indicators, compliance };
  });
  const pair = currentPair(s.planView, s.activeSiteId);
  let diff = { added: 0, removed: 0, taller: 0, lower: 0, unchanged: 0 };
  if (pair) {
    const d = diffStates(buildingsOfState(plan, s.importedSchemes, pair.siteId, pair.a), buildingsOfState(plan, s.importedSchemes, pair.siteId, pair.b));
    diff = { added: d.added, removed: d.removed, taller: d.taller, lower: d.lower, unchanged: d.unchanged };
  }
  const { mode, left, right, layout, dividerX, toggleSide } = s.planView;
  return {
    status: s.planStatus,
    plots: plan?.plots.length ?? 0,
    controlLines: plan?.controlLines.length ?? 0,
    activeSiteId: s.activeSiteId,
    selectedPlotId: s.selectedPlotId,
    schemes,
    view: { mode, left, right, layout, dividerX, toggleSide },
    sites,
    diff,
    render: readDiagnostics().planning ?? null,
  };
}
