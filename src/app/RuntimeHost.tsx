/**
 * The self-healing runtime's place in the app: runs the watchdog in every mode, shows the
 * 数据中断 banner when the live feed goes silent, and the diagnostics panel (Ctrl+Shift+D, or
 * `diag=1`). Link parameters `diag`, `reloadAt` and `watchdogWarmup` are read here once.
 */
import { useEffect, useMemo } from 'react';
import { parseRuntimeParams, watchdogConfigFor } from '../runtime/runtimeUrl';
import { useWatchdog, WATCHDOG_SAMPLE_MS } from '../runtime/useWatchdog';
import { useAppStore, useAppStoreApi } from '../state/hooks';
import { DEFAULT_TILE_BUDGET_MB } from '../views/three/tileBudget';
import { DiagnosticsPanel } from '../ui/runtime/DiagnosticsPanel';
import { FeedOutageBanner } from '../ui/runtime/FeedOutageBanner';
import { ReplayBanner } from '../ui/timeline/TimeSlider';

export function RuntimeHost() {
  const store = useAppStoreApi();
  const budgetMB = useAppStore((s) => s.tileBudgetMB) ?? DEFAULT_TILE_BUDGET_MB;
  const runtimeUrl = useMemo(
    () => parseRuntimeParams(window.location.search, (param, reason) => store.getState().reportError('url', param, reason)),
    [store],
  );
  const config = useMemo(() => watchdogConfigFor(runtimeUrl, budgetMB, WATCHDOG_SAMPLE_MS), [runtimeUrl, budgetMB]);
  useWatchdog(store, { config });
  const open = useAppStore((s) => s.diagOpen);

  useEffect(() => {
    if (runtimeUrl.diag) store.getState().setDiagOpen(true);
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.shiftKey && !e.altKey && (e.key === 'D' || e.key === 'd')) {
        e.preventDefault();
        store.getState().setDiagOpen(!store.getState().diagOpen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, runtimeUrl]);

  return (
    <>
      <FeedOutageBanner />
      <ReplayBanner />
      {open && <DiagnosticsPanel onClose={() => store.getState().setDiagOpen(false)} />}
    </>
  );
}
