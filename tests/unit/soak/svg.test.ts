import { describe, expect, it } from 'vitest';
import { niceTicks, pathData, renderPlot, soakEvents, soakPanels, type PlotPanel } from '../../soak/svg';
import { series } from './fixtures';

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('soak SVG plot', () => {
  it('draws one path per series that has data, in one panel per counter group', () => {
    const panels: PlotPanel[] = [
      { title: 'Heap', unit: 'MB', series: [{ label: 'a', points: [[0, 1], [60, 2], [120, 3]] }, { label: 'b', points: [[0, 5], [60, null], [120, 4]] }] },
      { title: 'Nodes', unit: '', series: [{ label: 'c', points: [[0, 10], [120, 10]] }] },
      { title: 'Empty', unit: '', series: [{ label: 'd', points: [[0, null]] }] },
    ];
    const svg = renderPlot(panels, { title: 'test <run>', warmupS: 30, events: [{ tS: 60, kind: 'reload', label: 'reload' }] });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(count(svg, /<path /g)).toBe(3);
    expect(count(svg, /<g class="panel"/g)).toBe(3);
    expect(svg).toContain('d (no data)');
    expect(svg).toContain('test &lt;run&gt;');
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('<title>warm-up</title>');
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('breaks a line at a gap inside the same path, and draws a lone point as a dot', () => {
    const id = (v: number) => v;
    expect(pathData([[0, 1], [1, 2], [2, null], [3, 4], [4, 5]], id, id)).toBe('M0.0 1.0L1.0 2.0M3.0 4.0L4.0 5.0');
    expect(pathData([[0, 1], [1, null], [2, 3]], id, id)).toBe('M0.0 1.0l0 0M2.0 3.0l0 0');
    expect(pathData([[0, null]], id, id)).toBe('');
  });

  it('picks round ticks', () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(103, 148, 4)).toEqual([100, 120, 140, 160]);
    expect(niceTicks(0.1, 0.3, 2)).toEqual([0.1, 0.2, 0.3]);
    expect(niceTicks(5, 5).length).toBeGreaterThan(1);
  });

  it('turns soak samples into the six panels with one path per series, and reloads and drills into events', () => {
    const samples = series(600, 10, (t) => ({
      ourListeners: null, ourTimers: null, reloads: t >= 300 ? 1 : 0, drillsSent: t >= 120 ? 1 : 0,
      // A sample between two zones has none (''): that is not a switch of its own.
      zone: t < 400 ? 'yangpu' : t === 400 ? '' : 'jiading',
    }));
    const panels = soakPanels(samples);
    expect(panels.map((p) => p.title)).toEqual(['Heap', 'GPU objects (renderer.info)', 'Tile cache', 'DOM nodes', 'Listeners and timers', 'Frame time p95']);
    const svg = renderPlot(panels, { title: 'soak' });
    const withData = panels.flatMap((p) => p.series).filter((s) => s.points.some(([, v]) => v !== null)).length;
    expect(withData).toBe(9);
    expect(count(svg, /<path /g)).toBe(withData);
    expect(soakEvents(samples)).toEqual([
      { tS: 120, kind: 'drill', label: 'drill #1' },
      { tS: 300, kind: 'reload', label: 'page reload #1' },
      { tS: 410, kind: 'zone', label: 'zone yangpu → jiading' },
    ]);
  });
});
