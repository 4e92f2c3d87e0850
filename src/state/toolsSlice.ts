/**
 * The planner tools (issue 9): the one active tool's state machine (src/tools/machine.ts), the
 * shared results list (src/tools/results.ts), the state the tools analyse, and the BIM floor view.
 * Plain data: points, parameters and result values; geometry payloads too large for the store
 * (a viewshed grid, a skyline profile) live in src/tools/compute/payloads.ts, keyed by result id.
 */
import type { StateCreator } from 'zustand';
import { EXISTING_STATE, type PlanView } from '../analysis/planning/types';
import { createTool, MAX_HISTORY, setToolParams, toolReducer, toolWantsPointer, type AnyToolState } from '../tools/machine';
import {
  addResults,
  clearResults,
  deleteResult,
  EMPTY_RESULTS,
  renameResult,
  selectResult,
  type ResultDraft,
  type ResultsList,
} from '../tools/results';
import type { ParamsOf, ToolEvent, ToolKind, Vec3 } from '../tools/toolTypes';

/** 'shown': whatever the view shows (today, the scheme, or the left state of a comparison). */
export type ToolStateChoice = 'shown' | string;

export type ToolComputeStatus = 'idle' | 'computing' | 'done' | 'failed';

export interface ToolCompute {
  status: ToolComputeStatus;
  /** 0..1 for the long analyses (viewshed, skyline). */
  progress: number;
  /** Untranslated detail of the last failure. */
  error: string | null;
  /** Bumped per computation so that a late answer for a replaced tool is dropped. */
  seq: number;
}

export interface BimView {
  /** The signature building whose floors are shown, or null. */
  buildingId: string | null;
  /** Isolated floor index (others ghosted), or null for all floors. */
  isolatedFloor: number | null;
  /** Exploded-view gap between floors, metres (0 = assembled). */
  explodeM: number;
}

export interface ToolsSlice {
  tool: AnyToolState | null;
  toolResults: ResultsList;
  toolStateChoice: ToolStateChoice;
  toolCompute: ToolCompute;
  /** True while the active tool takes clicks on the 3D view (selection then leaves them alone). */
  toolOwnsPointer: boolean;
  bimView: BimView;
  /** Opens a tool (replacing any other) and starts placing. */
  startTool<K extends ToolKind>(kind: K, params?: Partial<ParamsOf<K>>): void;
  /** Feeds the active tool: pointer events, keys and the panel's commands. */
  toolEvent(ev: ToolEvent): void;
  setActiveToolParams(patch: Record<string, unknown>): void;
  /**
   * An edit made outside the machine's pointer path (the section's own drag handles): new points
   * and parameters at once, as one undoable step. Only while the tool is in its editing phase.
   */
  applyToolEdit(edit: { points?: readonly Vec3[]; params?: Record<string, unknown> }): void;
  closeTool(): void;
  setToolStateChoice(choice: ToolStateChoice): void;
  beginToolCompute(): number;
  endToolCompute(seq: number, patch: Partial<Omit<ToolCompute, 'seq'>>): void;
  /** Keeps results (the last one selected when `select`); returns the new ids (fewer when the list is full). */
  addToolResults(drafts: readonly ResultDraft[], select?: boolean): string[];
  selectToolResult(id: string | null): void;
  renameToolResult(id: string, name: string): void;
  deleteToolResult(id: string): void;
  clearToolResults(): void;
  setBimView(patch: Partial<BimView>): void;
  /** Entering another zone: the tool and the results go (their points are another zone's metres). */
  resetTools(): void;
}

export const IDLE_TOOL_COMPUTE: ToolCompute = { status: 'idle', progress: 0, error: null, seq: 0 };
export const DEFAULT_BIM_VIEW: BimView = { buildingId: null, isolatedFloor: null, explodeM: 0 };
export const BIM_EXPLODE_MAX_M = 30;

/** The state a tool analyses, from the choice and what the view shows. */
export function toolStateId(choice: ToolStateChoice, planView: Pick<PlanView, 'mode' | 'left' | 'right'>): string {
  if (choice !== 'shown') return choice;
  if (planView.mode === 'scheme') return planView.right;
  if (planView.mode === 'compare') return planView.left;
  return EXISTING_STATE;
}

const owns = (tool: AnyToolState | null): boolean => tool !== null && toolWantsPointer(tool);

export const createToolsSlice: StateCreator<ToolsSlice, [], [], ToolsSlice> = (set, get) => ({
  tool: null,
  toolResults: EMPTY_RESULTS,
  toolStateChoice: 'shown',
  toolCompute: IDLE_TOOL_COMPUTE,
  toolOwnsPointer: false,
  bimView: DEFAULT_BIM_VIEW,
  startTool: (kind, params) => {
    const tool = toolReducer(createTool(kind, params) as AnyToolState, { type: 'start' });
    set((s) => ({ tool, toolOwnsPointer: owns(tool), toolCompute: { ...IDLE_TOOL_COMPUTE, seq: s.toolCompute.seq + 1 } }));
  },
  toolEvent: (ev) => {
    const cur = get().tool;
    if (!cur) return;
    const tool = toolReducer(cur, ev);
    if (tool === cur) return;
    set({ tool, toolOwnsPointer: owns(tool) });
  },
  setActiveToolParams: (patch) => {
    const cur = get().tool;
    if (!cur) return;
    const tool = setToolParams(cur, patch as Partial<AnyToolState['params']>);
    if (tool !== cur) set({ tool });
  },
  applyToolEdit: (edit) => {
    const cur = get().tool;
    if (!cur || cur.phase !== 'editing' || cur.drag) return;
    const withParams = edit.params ? setToolParams(cur, edit.params as Partial<AnyToolState['params']>) : cur;
    // setToolParams already kept the old state in the history when the parameters changed.
    const history = withParams === cur ? [...cur.history, { points: cur.points, params: cur.params }].slice(-MAX_HISTORY) : withParams.history;
    const points = edit.points ? edit.points.map((p) => ({ point: [p[0], p[1], p[2]] as Vec3, kind: 'ground' as const })) : withParams.points;
    set({ tool: { ...withParams, points, history } as AnyToolState });
  },
  closeTool: () => set((s) => ({ tool: null, toolOwnsPointer: false, toolCompute: { ...IDLE_TOOL_COMPUTE, seq: s.toolCompute.seq + 1 } })),
  setToolStateChoice: (choice) => set({ toolStateChoice: choice }),
  beginToolCompute: () => {
    const seq = get().toolCompute.seq + 1;
    set({ toolCompute: { status: 'computing', progress: 0, error: null, seq } });
    return seq;
  },
  endToolCompute: (seq, patch) =>
    set((s) => (s.toolCompute.seq === seq ? { toolCompute: { ...s.toolCompute, ...patch, seq } } : {})),
  addToolResults: (drafts, select = true) => {
    const { list, added } = addResults(get().toolResults, drafts);
    if (added === 0) return [];
    const ids = list.items.slice(list.items.length - added).map((r) => r.id);
    set({ toolResults: select ? selectResult(list, ids[ids.length - 1]!) : list });
    return ids;
  },
  selectToolResult: (id) => set((s) => ({ toolResults: selectResult(s.toolResults, id) })),
  renameToolResult: (id, name) => set((s) => ({ toolResults: renameResult(s.toolResults, id, name) })),
  deleteToolResult: (id) => set((s) => ({ toolResults: deleteResult(s.toolResults, id) })),
  clearToolResults: () => set((s) => ({ toolResults: clearResults(s.toolResults) })),
  setBimView: (patch) =>
    set((s) => {
      const next = { ...s.bimView, ...patch };
      next.explodeM = Number.isFinite(next.explodeM) ? Math.min(BIM_EXPLODE_MAX_M, Math.max(0, next.explodeM)) : 0;
      if (next.isolatedFloor !== null && !(Number.isInteger(next.isolatedFloor) && next.isolatedFloor >= 0)) next.isolatedFloor = null;
      return { bimView: next };
    }),
  resetTools: () =>
    set((s) => ({
      tool: null,
      toolOwnsPointer: false,
      toolResults: EMPTY_RESULTS,
      toolCompute: { ...IDLE_TOOL_COMPUTE, seq: s.toolCompute.seq + 1 },
      bimView: DEFAULT_BIM_VIEW,
    })),
});
