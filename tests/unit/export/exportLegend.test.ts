import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSceneText } from '../../../src/scene/validate';
import type { Scene } from '../../../src/scene/schema';
import { exportLegend, type LegendState } from '../../../src/ui/export/exportLegend';
import { LAND_USE_CLASSES } from '../../../src/core/landUse';

const text = readFileSync(join(__dirname, '../../../scenes/westbund.json'), 'utf8');
const parsed = parseSceneText('westbund.json', text);
if (!parsed.ok) throw new Error('westbund.json does not parse');
const scene: Scene = parsed.scene;
const t = (key: string) => key;

const base: LegendState = { engine: 'three', layerVisible: {}, planReady: false, comparing: false, heatmap: 'off', liveData: false };
const titles = (st: Partial<LegendState>) => exportLegend(scene, { ...base, ...st }, t, 'zh').map((s) => s.title);

describe('exportLegend', () => {
  it('shows land use for the buildings, with the class code and name in the language', () => {
    const [landUse] = exportLegend(scene, base, t, 'zh');
    expect(landUse!.title).toBe('layers.legendTitle');
    expect(landUse!.items).toHaveLength(LAND_USE_CLASSES.length);
    expect(landUse!.items[0]).toEqual({ label: 'R 居住用地', color: '#f6e27a', shape: 'swatch' });
    expect(exportLegend(scene, base, t, 'en')[0]!.items[0]!.label).toBe('R Residential');
  });

  it('drops land use when buildings, the land-use ground and the plots are all hidden', () => {
    expect(titles({ layerVisible: { buildings: false, landuse: false } })).toEqual([]);
    expect(titles({ layerVisible: { buildings: false, ground: false } })).toEqual([]);
    const noLines = { 'line-red': false, 'line-green': false, 'line-blue': false, 'line-purple': false };
    expect(titles({ layerVisible: { buildings: false, ground: false, ...noLines }, planReady: true })).toEqual(['layers.legendTitle']);
  });

  it('adds the live layers that show, once the feed has delivered, stops folded into the RSU section', () => {
    expect(titles({ liveData: true })).toEqual([
      'layers.legendTitle',
      'live.legend.vehicles',
      'live.legend.congestion',
      'live.legend.signals',
      'live.legend.rsu',
      'live.legend.sensorStates',
      'live.legend.alerts',
    ]);
    expect(titles({ liveData: true, layerVisible: { 'live.rsu': false, 'live.traffic': false, 'live.congestion': false, 'live.signals': false, 'live.sensors': false, 'live.alerts': false } })).toEqual([
      'layers.legendTitle',
      'live.stop.title',
    ]);
  });

  it('adds the control lines shown, the diff while comparing and the heatmap scale', () => {
    const secs = exportLegend(scene, { ...base, planReady: true, comparing: true, heatmap: 'aqi', liveData: true, layerVisible: { 'line-red': true, 'line-blue': true, 'line-green': false, 'line-purple': false } }, t, 'zh');
    const lines = secs.find((s) => s.title === 'export.controlLines')!;
    expect(lines.items.map((i) => [i.label, i.shape])).toEqual([
      ['planning.catalogue.layers.line-red', 'line'],
      ['planning.catalogue.layers.line-blue', 'line'],
    ]);
    expect(secs.find((s) => s.title === 'planning.diff.title')!.items).toHaveLength(4);
    expect(secs.find((s) => s.title === 'live.layers.heatmapModes.aqi')!.items[0]).toEqual({ label: '≥ 0 AQI', color: '#00e400', shape: 'swatch' });
  });

  it('gives the globe land use only: it draws no planning or live layers', () => {
    expect(titles({ engine: 'globe', planReady: true, comparing: true, liveData: true, layerVisible: { 'line-red': true } })).toEqual(['layers.legendTitle']);
  });
});
