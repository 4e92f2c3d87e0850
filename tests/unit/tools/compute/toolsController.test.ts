/**
 * The tools' path through the store: a link opens a tool with its points, the machine finishes
 * it, the controller computes on the state's buildings and keeps the result (which is what the
 * link then carries); a scheme state analyses the scheme's buildings instead of the site's.
 */
import { describe, expect, it } from 'vitest';
import { parseToolsParams, toolsUrlParts } from '../../../../src/app/toolsUrl';
import { applyToolsUrl, toolsUrlFromState } from '../../../../src/app/toolsUrlSync';
import { createAppStore } from '../../../../src/state/store';
import { getToolPayload } from '../../../../src/tools/compute/payloads';
import { ToolsController } from '../../../../src/ui/planning/tools/ToolsController';
import type { CityBuilding } from '../../../../src/ui/planning/sunlight/analysisInputs';

const rect = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
const city = (id: string, r: [number, number][], heightM: number): CityBuilding =>
  ({ id, name: { zh: id, en: id }, footprint: r, heightM, floors: Math.round(heightM / 3), baseM: 0, use: 'B', fromScheme: false });
const ZONE = [city('tower', rect(40, -10, 60, 10), 60)];

function setup() {
  const store = createAppStore();
  const controller = new ToolsController(store, { loadZone: async () => ZONE, nameFor: (k, n) => `${k} ${n}`, now: () => 1 });
  return { store, controller };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
async function until(fn: () => boolean) {
  for (let i = 0; i < 200 && !fn(); i++) await settle();
  expect(fn()).toBe(true);
}

describe('tools from a link through the controller', () => {
  it('restores a sight line, recomputes it, and the link then carries the result', async () => {
    const { store, controller } = setup();
    const errors: string[] = [];
    const parsed = parseToolsParams(new URLSearchParams('tool=sight-line&tpts=0_0_0~100_0_0&tprm=targetHeightM:1.6'), (p, r) => errors.push(`${p}: ${r}`));
    expect(errors).toEqual([]);
    applyToolsUrl(store, parsed!);
    await until(() => store.getState().toolResults.items.length === 1);
    const r = store.getState().toolResults.items[0]!;
    expect(r).toMatchObject({ kind: 'sight-line', name: 'sight-line 1', values: { visible: 0, hidden: 1, firstBlockerId: 'tower' } });
    expect(getToolPayload(r.id)?.kind).toBe('sight-line');
    // The tool has started over; the link names the selected result's points.
    expect(store.getState().tool).toMatchObject({ kind: 'sight-line', phase: 'placing' });
    expect(toolsUrlParts(toolsUrlFromState(store.getState()))).toEqual([['tool', 'sight-line'], ['tpts', '0_0_0~100_0_0'], ['tprm', 'targetHeightM:1.6']]);
    controller.dispose();
  });

  it('computes a tool a link finished before the controller existed', async () => {
    const store = createAppStore();
    applyToolsUrl(store, parseToolsParams(new URLSearchParams('tool=measure-distance&tpts=0_0_0~3_0_4'), () => {})!);
    expect(store.getState().tool?.phase).toBe('done');
    const controller = new ToolsController(store, { loadZone: async () => ZONE });
    await until(() => store.getState().toolResults.items.length === 1);
    expect(store.getState().toolResults.items[0]!.values).toMatchObject({ distanceM: 5 });
    controller.dispose();
  });

  it('refuses a bad link with a reason, and a machine refusal is reported', () => {
    const bad: string[] = [];
    expect(parseToolsParams(new URLSearchParams('tool=laser'), (p) => bad.push(p))).toBeUndefined();
    expect(parseToolsParams(new URLSearchParams('tool=measure-distance&tpts=1_2~3_4_5'), (p) => bad.push(p))!.points).toEqual([]);
    expect(parseToolsParams(new URLSearchParams('tool=measure-distance&tpts=NaN_0_0~1_1_1'), (p) => bad.push(p))!.points).toEqual([]);
    expect(parseToolsParams(new URLSearchParams('tpts=0_0_0'), (p) => bad.push(p))).toBeUndefined();
    expect(bad).toEqual(['tool', 'tpts', 'tpts', 'tool']);
    const { store, controller } = setup();
    // Three points on a line make no area: the machine refuses to finish, the link says so.
    applyToolsUrl(store, parseToolsParams(new URLSearchParams('tool=measure-area-horizontal&tpts=0_0_0~1_0_0~2_0_0'), () => {})!);
    expect(store.getState().errors.some((e) => e.category === 'url' && e.source === 'tpts')).toBe(true);
    controller.dispose();
  });

  it('a height limit on a plot is checked on the buildings of the analysed state', async () => {
    const { store, controller } = setup();
    store.getState().startTool('measure-distance');
    store.getState().toolEvent({ type: 'place', hit: { point: [0, 0, 0], kind: 'ground' } });
    store.getState().toolEvent({ type: 'place', hit: { point: [3, 0, 4], kind: 'ground' } });
    await until(() => store.getState().toolResults.items.length === 1);
    expect(store.getState().toolResults.items[0]!.values).toEqual({ distanceM: 5, horizontalM: 3, verticalM: 4 });
    // A state the plan does not know fails with a reason instead of measuring today.
    store.getState().setToolStateChoice('scheme:nope');
    store.getState().toolEvent({ type: 'place', hit: { point: [0, 0, 0], kind: 'ground' } });
    store.getState().toolEvent({ type: 'place', hit: { point: [1, 0, 0], kind: 'ground' } });
    await until(() => store.getState().toolCompute.status === 'failed');
    expect(store.getState().toolCompute.error).toMatch(/scheme:nope/);
    expect(store.getState().toolResults.items.length).toBe(1);
    controller.dispose();
  });
});
