import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../../../src/state/store';
import { retainToolPayloads } from '../../../../src/tools/compute/payloads';
import type { Vec3 } from '../../../../src/tools/toolTypes';
import { exceedanceFlyRadiusM } from '../../../../src/ui/planning/tools/HeightLimitTable';
import { ToolsPanel } from '../../../../src/ui/planning/tools/ToolsPanel';
import { makeScene } from '../../fixtures';
import { renderUi } from '../../render';
import { charts } from '../../live/uplotMock';
import { makePlan, SITE_ID } from '../planFixture';
import { loadBimOk, loadZone } from './toolsFixture';

vi.mock('uplot', () => import('../../live/uplotMock'));

// Payloads are kept by result id in one module-wide map; every test's store starts again at r1.
afterEach(() => retainToolPayloads([]));

const scene = makeScene();
const now = () => 1_700_000_000_000;

function setup(lang: 'zh' | 'en' = 'en'): AppStore {
  const store = createAppStore();
  store.getState().setPlan(makePlan(), 'ready');
  store.getState().setActiveSite(SITE_ID);
  renderUi(<ToolsPanel scene={scene} loadZone={loadZone} loadBimFloors={loadBimOk} now={now} />, { store, lang });
  return store;
}

const place = (store: AppStore, point: Vec3) => act(() => store.getState().toolEvent({ type: 'place', hit: { point, kind: 'ground' } }));
const results = () => within(screen.getByTestId('tool-results'));
const resultItems = () => screen.getByTestId('tool-results').querySelectorAll('li.st-tools-result');

describe('ToolsPanel', () => {
  it('opens a tool from its button, measures a 3-4-5 distance, and lists it with units', async () => {
    const store = setup();
    const panel = within(screen.getByTestId('tools-panel'));
    const btn = panel.getByRole('button', { name: 'Distance' });
    await userEvent.click(btn);
    expect(store.getState().tool?.kind).toBe('measure-distance');
    expect(store.getState().tool?.phase).toBe('placing');
    expect(btn.getAttribute('aria-pressed')).toBe('true');
    expect(panel.getByRole('button', { name: 'Polyline' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByTestId('tool-instruction').textContent).toBe('Click or tap the first point');
    expect((panel.getByRole('button', { name: 'Undo last point' }) as HTMLButtonElement).disabled).toBe(true);

    place(store, [0, 0, 0]);
    expect(screen.getByTestId('tool-instruction').textContent).toBe('Click or tap the second point');
    expect(screen.getByTestId('tool-readout').textContent).toBe('Points placed: 1');
    // The rubber band under the pointer reads out live.
    act(() => store.getState().toolEvent({ type: 'pointermove', pointerType: 'mouse', pointerId: 1, x: 10, y: 10, time: 1, isPrimary: true, hit: { point: [6, 8, 0], kind: 'ground' } }));
    expect(screen.getByTestId('tool-readout').textContent).toBe('Points placed: 1 · Now: 10.0 m');

    place(store, [3, 0, 4]);
    await waitFor(() => expect(store.getState().toolResults.items).toHaveLength(1));
    const r = store.getState().toolResults.items[0]!;
    expect(r).toMatchObject({ kind: 'measure-distance', name: 'Distance 1', createdAt: now() });
    expect(r.values).toMatchObject({ distanceM: 5, horizontalM: 3, verticalM: 4 });
    // Ready for the next measurement with the same tool.
    expect(store.getState().tool).toMatchObject({ kind: 'measure-distance', phase: 'placing', points: [] });

    const item = within(resultItems()[0] as HTMLElement);
    expect(item.getByRole('button', { name: 'Select Distance 1' }).getAttribute('aria-pressed')).toBe('true');
    expect(item.getByText('Distance')).toBeTruthy();
    expect(item.getByText('Scheme reference')).toBeTruthy();
    const value = (key: string) => (resultItems()[0] as HTMLElement).querySelector(`[data-value="${key}"] dd`)?.textContent;
    expect(value('distanceM')).toBe('5.00 m');
    expect(value('horizontalM')).toBe('3.00 m');
    expect(value('verticalM')).toBe('4.00 m');
    // The open tool shows the last result of its kind too.
    expect(within(screen.getByTestId('tool-last-result')).getByText('5.00 m')).toBeTruthy();

    await userEvent.click(btn);
    expect(store.getState().tool).toBeNull();
  });

  it('undoes the last point, cancels, restarts, and names refused points', async () => {
    const store = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Area' }));
    place(store, [0, 0, 0]);
    place(store, [10, 0, 0]);
    await userEvent.click(screen.getByRole('button', { name: 'Undo last point' }));
    expect(store.getState().tool?.points).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect(screen.getByTestId('tool-problem').textContent).toBe('Not enough points');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(store.getState().tool?.phase).toBe('cancelled');
    expect(screen.getByTestId('tool-instruction').textContent).toBe('Cancelled. Press Start again to retry.');
    await userEvent.click(screen.getByRole('button', { name: 'Start again' }));
    expect(store.getState().tool?.phase).toBe('placing');
    await userEvent.click(screen.getByRole('button', { name: 'Facade area' }));
    place(store, [0, 0, 0]);
    expect(screen.getByTestId('tool-problem').textContent).toBe('Click on a building facade');
    await userEvent.click(screen.getByRole('button', { name: 'Close tool' }));
    expect(store.getState().tool).toBeNull();
  });

  it('in Chinese: labels, instructions, default names and units', async () => {
    const store = setup('zh');
    const panel = within(screen.getByTestId('tools-panel'));
    for (const name of ['距离', '折线长度', '水平面积', '立面面积', '高度', '方位角', '限高分析', '通视分析', '可视域', '天际线', '剖切']) {
      expect(panel.getByRole('button', { name })).toBeTruthy();
    }
    expect(panel.getByRole('heading', { name: /规划工具/ })).toBeTruthy();
    await userEvent.click(panel.getByRole('button', { name: '水平面积' }));
    expect(screen.getByTestId('tool-instruction').textContent).toBe('点击/轻触第一个点');
    for (const p of [[0, 0, 0], [10, 0, 0], [10, 10, 0], [0, 10, 0]] as Vec3[]) place(store, p);
    expect(screen.getByTestId('tool-instruction').textContent).toBe('点击/轻触下一个点；点回第一个点或点“完成”闭合');
    await userEvent.click(panel.getByRole('button', { name: '完成' }));
    await waitFor(() => expect(resultItems()).toHaveLength(1));
    const item = within(resultItems()[0] as HTMLElement);
    expect(item.getByRole('button', { name: '选中 水平面积 1' })).toBeTruthy();
    expect(item.getByText('100.0 平方米')).toBeTruthy();
    expect(item.getByText('40.0 米')).toBeTruthy();
    expect(item.getByText('方案参考')).toBeTruthy();
    expect(store.getState().toolResults.items[0]!.values.areaM2).toBeCloseTo(100);
  });

  it('renames inline (Enter saves, Esc abandons, blank is refused) and deletes', async () => {
    const store = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Height' }));
    place(store, [5, 5, 12.5]);
    await userEvent.click(screen.getByRole('button', { name: 'Finish' }));
    await waitFor(() => expect(resultItems()).toHaveLength(1));
    expect(results().getByText('12.5 m')).toBeTruthy();
    await userEvent.click(results().getByRole('button', { name: 'Rename Height 1' }));
    const input = results().getByRole('textbox', { name: 'New name of Height 1' });
    await userEvent.clear(input);
    await userEvent.type(input, 'Roof of e1{Enter}');
    expect(store.getState().toolResults.items[0]!.name).toBe('Roof of e1');
    await userEvent.click(results().getByRole('button', { name: 'Rename Roof of e1' }));
    await userEvent.type(results().getByRole('textbox'), ' draft{Escape}');
    expect(store.getState().toolResults.items[0]!.name).toBe('Roof of e1');
    await userEvent.click(results().getByRole('button', { name: 'Rename Roof of e1' }));
    await userEvent.clear(results().getByRole('textbox'));
    await userEvent.click(results().getByRole('button', { name: 'Save' }));
    expect(store.getState().toolResults.items[0]!.name).toBe('Roof of e1');
    await userEvent.click(results().getByRole('button', { name: 'Select Roof of e1' }));
    expect(store.getState().toolResults.selectedId).toBeNull();
    await userEvent.click(results().getByRole('button', { name: 'Delete Roof of e1' }));
    expect(store.getState().toolResults.items).toHaveLength(0);
    expect(results().getByText(/No results yet/)).toBeTruthy();
  });

  it('checks a plot’s height limit, lists the tower 30 m over it, and flies to it', async () => {
    const store = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Height limit' }));
    const limit = screen.getByLabelText('Height limit (m)') as HTMLInputElement;
    fireEvent.change(limit, { target: { value: '-5' } });
    expect(store.getState().tool?.paramProblems).toEqual([{ param: 'limitM', code: 'out-of-range', min: 0, max: 1000 }]);
    expect(screen.getByRole('alert').textContent).toBe('Must be between 0 and 1000');
    expect(limit.getAttribute('aria-invalid')).toBe('true');
    await userEvent.click(screen.getByRole('radio', { name: 'Regulatory plot limit' }));
    const plot = screen.getByLabelText('Plot') as HTMLSelectElement;
    expect([...plot.options].map((o) => o.textContent)).toEqual(['Choose a plot', 'XH-T-01 · limit 60 m', 'XH-T-02 · limit 12 m']);
    expect(screen.getByTestId('tool-instruction').textContent).toBe('Choose a plot, then Finish');
    await userEvent.selectOptions(plot, 'plot-1');
    expect(store.getState().tool?.params).toMatchObject({ mode: 'plot', plotId: 'plot-1' });
    await userEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect(store.getState().tool?.phase).toBe('editing');
    await userEvent.click(screen.getByRole('button', { name: 'Keep result' }));
    await waitFor(() => expect(screen.getByTestId('height-limit-table')).toBeTruthy());
    expect(store.getState().toolResults.items[0]!.values).toMatchObject({ limitM: 60, checked: 3, over: 1, maxExcessM: 30, plotId: 'plot-1' });
    const rows = within(screen.getByTestId('height-limit-table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toBe('Tower A90.0 m30.0 m');
    await userEvent.click(within(rows[0]!).getByRole('button', { name: 'Fly to Tower A' }));
    expect(store.getState().flyRequest).toMatchObject({ kind: 'target', target: [70, 70, 90], radiusM: exceedanceFlyRadiusM(90) });
  });

  it('names the building that blocks a sight line', async () => {
    const store = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Sight line' }));
    expect((screen.getByLabelText('Eye height (m)') as HTMLInputElement).value).toBe('1.6');
    expect(screen.getByTestId('tool-instruction').textContent).toBe('Click or tap the observer’s position');
    place(store, [0, 100, 0]);
    expect(screen.getByTestId('tool-instruction').textContent).toBe('Click or tap a target (0 so far); Finish when done');
    place(store, [0, 200, 0]);
    place(store, [100, 100, 0]);
    await userEvent.click(screen.getByRole('button', { name: 'Finish' }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep result' }));
    await waitFor(() => expect(screen.getByTestId('sight-line-detail')).toBeTruthy());
    expect(store.getState().toolResults.items[0]!.values).toMatchObject({ targets: 2, visible: 1, hidden: 1, firstBlockerId: 'W' });
    const lines = within(screen.getByTestId('sight-line-detail')).getAllByRole('listitem');
    await waitFor(() => expect(lines[0]!.textContent).toContain('Blocked by Long wall'));
    expect(lines[0]!.textContent).toMatch(/^Target 1 · Hidden · /);
    expect(lines[1]!.textContent).toMatch(/^Target 2 · Visible · 100\.0 m$/);
  });

  it('takes the skyline from the current view and charts scheme against today', async () => {
    const store = setup();
    act(() => store.getState().setCameraPose({ position: [0, -200, 50], target: [0, 0, 0] }));
    await userEvent.selectOptions(screen.getByLabelText('Analysed state'), 's-b');
    expect(store.getState().toolStateChoice).toBe('s-b');
    await userEvent.click(screen.getByRole('button', { name: 'Skyline' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Current view' }));
    expect(screen.getByTestId('tool-instruction').textContent).toBe('Press “Use current view” to take the camera as the viewpoint');
    await userEvent.click(screen.getByRole('button', { name: 'Use current view' }));
    const tool = store.getState().tool!;
    expect(tool).toMatchObject({ kind: 'skyline', phase: 'editing', params: { source: 'camera', headingDeg: 0 } });
    expect(tool.kind === 'skyline' ? tool.params.pitchDeg : null).toBeCloseTo(-14, 1);
    expect(tool.points[0]!.point).toEqual([0, -200, 50]);
    expect((screen.getByLabelText('Heading (°, clockwise from north)') as HTMLInputElement).value).toBe('0');
    const before = charts.length;
    await userEvent.click(screen.getByRole('button', { name: 'Keep result' }));
    await waitFor(() => expect(screen.getByTestId('skyline-chart')).toBeTruthy(), { timeout: 10_000 });
    await waitFor(() => expect(charts.length).toBe(before + 1));
    const data = charts[charts.length - 1]!.data[0] as number[][];
    // Azimuth, the scheme's line and today's.
    expect(data).toHaveLength(3);
    expect(data[1]!.length).toBe(data[0]!.length);
    const v = store.getState().toolResults.items[0]!.values;
    expect(typeof v.areaBetweenDeg2).toBe('number');
    expect(within(screen.getByTestId('tool-result-detail')).getByText('Area between scheme and existing')).toBeTruthy();
  }, 20_000);

  it('validates section sizes and keeps a box section', async () => {
    const store = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Section' }));
    const width = screen.getByLabelText('Width (m)') as HTMLInputElement;
    fireEvent.change(width, { target: { value: '0' } });
    expect(screen.getByRole('alert').textContent).toBe('Must be between 1 and 5000');
    fireEvent.change(width, { target: { value: '' } });
    expect(screen.getByRole('alert').textContent).toBe('Enter a number');
    fireEvent.change(width, { target: { value: '80' } });
    expect(screen.queryByRole('alert')).toBeNull();
    place(store, [10, 10, 0]);
    expect(store.getState().tool?.phase).toBe('editing');
    await userEvent.click(screen.getByRole('button', { name: 'Keep result' }));
    await waitFor(() => expect(screen.getByTestId('tool-result-detail')).toBeTruthy());
    const detail = within(screen.getByTestId('tool-result-detail'));
    expect(detail.getByText('Box')).toBeTruthy();
    expect(detail.getByText('80.0 m')).toBeTruthy();
    expect(detail.getByText('40.0 m')).toBeTruthy();
  });

  it('shows the viewshed’s visible area and share', async () => {
    const store = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Viewshed' }));
    fireEvent.change(screen.getByLabelText('Distance (m)'), { target: { value: '40' } });
    expect(screen.queryByLabelText('Pitch (°)')).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: 'Cone' }));
    expect(screen.getByLabelText('Pitch (°)')).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: '360° all round' }));
    place(store, [-60, -60, 0]);
    await userEvent.click(screen.getByRole('button', { name: 'Keep result' }));
    await waitFor(() => expect(screen.getByTestId('tool-result-detail')).toBeTruthy(), { timeout: 10_000 });
    const v = store.getState().toolResults.items[0]!.values;
    expect(v.visiblePercent).toBeGreaterThan(0);
    const detail = screen.getByTestId('tool-result-detail');
    expect(detail.querySelector('[data-value="visiblePercent"] dd')?.textContent).toMatch(/^\d+\.\d %$/);
    expect(detail.querySelector('[data-value="visibleAreaM2"] dd')?.textContent).toMatch(/ (m²|ha)$/);
  }, 20_000);

  it('offers every scheme as the analysed state, and shows progress and failures', async () => {
    const store = setup();
    const select = screen.getByLabelText('Analysed state') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['As shown', 'Existing', 'Scheme A', 'Scheme B']);
    act(() => {
      const seq = store.getState().beginToolCompute();
      store.getState().endToolCompute(seq, { progress: 0.25 });
    });
    const bar = screen.getByRole('progressbar', { name: 'Computation progress' }) as HTMLProgressElement;
    expect(bar.value).toBe(0.25);
    expect(screen.getByRole('status').textContent).toBe('Computing… 25%');
    act(() => store.getState().endToolCompute(store.getState().toolCompute.seq, { status: 'failed', error: 'no plot "x" in this zone' }));
    expect(screen.getByTestId('tool-compute').textContent).toBe('The computation failed: no plot "x" in this zone');
  });

  it('keeps every control at the 44 px touch size', () => {
    setup();
    const panel = screen.getByTestId('tools-panel');
    for (const b of panel.querySelectorAll('button')) expect(b.className).toMatch(/st-tools-(btn|rowbtn)/);
  });
});
