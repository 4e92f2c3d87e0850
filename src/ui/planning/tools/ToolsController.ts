/**
 * Runs the planner tools' analyses: when the active tool finishes (phase 'done'), computes its
 * values on the analysed state's full-detail buildings, keeps them as a result (plus its payload),
 * and starts the tool again for the next measurement. Imported results are recomputed here too,
 * so a loaded file never carries a finding the geometry does not give. No React: the panel and
 * tests drive it through the store.
 */
import { EXISTING_STATE, type Plot } from '../../../analysis/planning/types';
import { toolStateId } from '../../../state/toolsSlice';
import type { AppStore } from '../../../state/store';
import { computeTool, type ToolComputeContext } from '../../../tools/compute/computeTool';
import { retainToolPayloads, setToolPayload } from '../../../tools/compute/payloads';
import { toolInputs } from '../../../tools/machine';
import type { ResultDraft } from '../../../tools/results';
import type { AnyToolInputs, ToolKind } from '../../../tools/toolTypes';
import { cityOfState, type CityBuilding } from '../sunlight/analysisInputs';

export interface ToolsControllerDeps {
  /** Today's buildings of the zone at full detail (plan/footprints.json). */
  loadZone(): Promise<CityBuilding[]>;
  /** A default name for the n-th result of a kind, in the UI's language. */
  nameFor?(kind: ToolKind, n: number): string;
  now?(): number;
}

export class ToolsController {
  private readonly store: AppStore;
  private readonly deps: ToolsControllerDeps;
  private readonly unsubscribe: () => void;
  private disposed = false;

  constructor(store: AppStore, deps: ToolsControllerDeps) {
    this.store = store;
    this.deps = deps;
    this.unsubscribe = store.subscribe((s, prev) => {
      if (s.tool && s.tool.phase === 'done' && prev.tool?.phase !== 'done') void this.finish();
      if (s.toolResults !== prev.toolResults) retainToolPayloads(s.toolResults.items.map((r) => r.id));
    });
    // A link can finish a tool before the panel (and so this controller) is mounted.
    if (store.getState().tool?.phase === 'done') queueMicrotask(() => void this.finish());
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
  }

  private async context(seq: number): Promise<ToolComputeContext> {
    const s = this.store.getState();
    const zone = await this.deps.loadZone();
    const stateId = toolStateId(s.toolStateChoice, s.planView);
    const buildings = cityOfState(zone, { plan: s.plan, imported: s.importedSchemes, siteId: s.activeSiteId }, stateId);
    if (!buildings) throw new Error(`state "${stateId}" is not in this zone's plan`);
    const plots: Plot[] = s.plan?.plots ?? [];
    return {
      buildings,
      // The same array for today, so a skyline of today is not compared with itself.
      existing: stateId === EXISTING_STATE ? buildings : zone,
      plots,
      groundZ: 0,
      onProgress: (share) => this.store.getState().endToolCompute(seq, { progress: Math.min(1, Math.max(0, share)) }),
      shouldCancel: () => this.disposed || this.store.getState().toolCompute.seq !== seq,
    };
  }

  /** Computes one set of inputs; null (with the failure in toolCompute) when it does not work out. */
  async compute(inputs: AnyToolInputs): Promise<{ values: ResultDraft['values']; payload: Parameters<typeof setToolPayload>[1] } | null> {
    const seq = this.store.getState().beginToolCompute();
    try {
      const out = await computeTool(inputs, await this.context(seq));
      if (this.disposed) return null;
      if (!out.ok) {
        this.store.getState().endToolCompute(seq, { status: out.code === 'cancelled' ? 'idle' : 'failed', error: out.message });
        return null;
      }
      this.store.getState().endToolCompute(seq, { status: 'done', progress: 1, error: null });
      return { values: out.values, payload: out.payload };
    } catch (e) {
      this.store.getState().endToolCompute(seq, { status: 'failed', error: e instanceof Error ? e.message : String(e) });
      return null;
    }
  }

  private add(inputs: AnyToolInputs, values: ResultDraft['values'], payload: Parameters<typeof setToolPayload>[1], name?: string): string | null {
    const s = this.store.getState();
    const n = s.toolResults.items.filter((r) => r.kind === inputs.kind).length + 1;
    const draft: ResultDraft = { inputs, values, createdAt: (this.deps.now ?? Date.now)(), name: name ?? this.deps.nameFor?.(inputs.kind, n) };
    // The payload first: the view draws the new result as soon as it is selected.
    const id = `r${s.toolResults.nextId}`;
    // Always written (null clears), so a result never shows a payload an older result left.
    setToolPayload(id, payload);
    const [added] = s.addToolResults([draft]);
    if (added !== id && payload) {
      setToolPayload(id, null);
      if (added) setToolPayload(added, payload);
    }
    return added ?? null;
  }

  private async finish(): Promise<void> {
    const tool = this.store.getState().tool;
    const inputs = tool ? toolInputs(tool) : null;
    if (!tool || !inputs) return;
    const out = await this.compute(inputs);
    if (!out) return;
    this.add(inputs, out.values, out.payload);
    // Ready for the next one, with the same parameters (a planner measures in series).
    const now = this.store.getState().tool;
    if (now && now.kind === tool.kind && now.phase === 'done') this.store.getState().toolEvent({ type: 'start' });
  }

  /** Loads results from a file: each is recomputed on the current state, in order. */
  async importResults(drafts: readonly ResultDraft[]): Promise<{ added: number; failed: number }> {
    let added = 0, failed = 0;
    for (const d of drafts) {
      const out = await this.compute(d.inputs);
      if (!out || !this.add(d.inputs, out.values, out.payload, d.name)) failed++;
      else added++;
    }
    return { added, failed };
  }
}
