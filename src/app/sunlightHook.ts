/**
 * The `analysis.sunlight` part of the ?test=1 hook (docs/test-hook.md): the run's status, profile
 * and progress, the summary of the analysed state and the impact counts, straight from the store
 * (the same numbers the panel shows), plus what the 3D sunlight layer draws.
 */
import { readDiagnostics } from '../state/diagnostics';
import type { AppState } from '../state/store';

export function sunlightHook(s: AppState): Record<string, unknown> {
  const run = s.sunlightRun;
  const set = s.sunlightSettings;
  const sum = run.summary;
  return {
    status: run.status,
    profile: set.profileId,
    overrides: { ...set.overrides },
    mode: set.mode,
    stateId: set.stateId,
    otherStateId: set.otherStateId,
    receiverChoice: { kind: set.receivers.kind, id: set.receivers.id, points: set.receivers.ring?.length ?? 0 },
    progress: run.progress,
    receivers: sum?.receivers ?? 0,
    passed: sum?.passed ?? 0,
    failed: sum?.failed ?? 0,
    minHours: sum?.minHours ?? null,
    maxHours: sum?.maxHours ?? null,
    other: run.otherSummary,
    impact: { worsened: run.impact?.worsened ?? 0, newlyFailing: run.impact?.newlyFailing ?? 0 },
    error: run.error,
    draw: { phase: s.sunlightDraw.phase, points: s.sunlightDraw.points.length },
    render: readDiagnostics().sunlight ?? null,
  };
}
