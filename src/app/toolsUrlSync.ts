/**
 * Between the tool's part of a link (toolsUrl.ts) and the store. Written: the open tool with its
 * points, or, once it has produced a result and started over, the selected result of that kind
 * (so a shared sight line still names its two points). Applied once the zone's plan is known:
 * the tool opens, the points are placed through the tool's own machine (which refuses what it
 * would refuse from a pointer), and the tool finishes, so the controller recomputes the result.
 */
import { toolInputs } from '../tools/machine';
import { definitionOf } from '../tools/toolKinds';
import type { AppState, AppStore } from '../state/store';
import type { ToolsUrlState } from './toolsUrl';

export function toolsUrlFromState(s: AppState): ToolsUrlState | undefined {
  const t = s.tool;
  if (!t) return undefined;
  const own = t.points.length > 0 ? (toolInputs(t) ?? { points: t.points.map((p) => p.point), params: t.params }) : null;
  if (own) return { kind: t.kind, points: own.points.map((p) => [p[0], p[1], p[2]]), params: { ...own.params } };
  const r = s.toolResults.items.find((x) => x.id === s.toolResults.selectedId);
  if (r && r.kind === t.kind) return { kind: r.kind, points: r.inputs.points.map((p) => [p[0], p[1], p[2]]), params: { ...r.inputs.params } };
  return { kind: t.kind, points: [], params: { ...t.params } };
}

export function applyToolsUrl(store: AppStore, u: ToolsUrlState): void {
  const s = store.getState();
  s.startTool(u.kind, u.params);
  for (const point of u.points) store.getState().toolEvent({ type: 'place', hit: { point, kind: 'ground' } });
  // Placing → editing → done: a shared analysis is recomputed at once. A section stays in editing,
  // where its handles are, because the box itself is what was shared.
  // A tool that needs no points (a plot's height limit) finishes on its parameters alone.
  const ready = u.points.length > 0 || definitionOf(u.kind).minPoints(store.getState().tool!.params as never) === 0;
  for (let i = 0; i < 2 && ready; i++) {
    const t = store.getState().tool;
    if (!t || t.phase === 'done' || (t.phase === 'editing' && t.kind === 'section')) break;
    store.getState().toolEvent({ type: 'finish' });
  }
  const after = store.getState().tool;
  if (after?.problem) s.reportError('url', 'tpts', `the ${u.kind} tool refused the link's points (${after.problem})`);
}
