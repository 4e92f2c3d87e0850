import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../../../src/state/store';
import { retainToolPayloads } from '../../../../src/tools/compute/payloads';
import type { Vec3 } from '../../../../src/tools/toolTypes';
import { ToolsPanel } from '../../../../src/ui/planning/tools/ToolsPanel';
import { makeScene } from '../../fixtures';
import { renderUi } from '../../render';
import { makePlan, SITE_ID } from '../planFixture';
import { loadBimOk, loadZone } from './toolsFixture';

const scene = makeScene();
let blobs: Blob[];
let downloads: string[];

beforeEach(() => {
  blobs = [];
  downloads = [];
  // jsdom has no Blob URLs and does not navigate: record what the export hands over instead.
  URL.createObjectURL = vi.fn((b: Blob) => {
    blobs.push(b);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  retainToolPayloads([]);
});

function setup(lang: 'zh' | 'en' = 'en'): AppStore {
  const store = createAppStore();
  store.getState().setPlan(makePlan(), 'ready');
  store.getState().setActiveSite(SITE_ID);
  renderUi(<ToolsPanel scene={scene} loadZone={loadZone} loadBimFloors={loadBimOk} now={() => 42} />, { store, lang });
  return store;
}

const place = (store: AppStore, point: Vec3) => act(() => store.getState().toolEvent({ type: 'place', hit: { point, kind: 'ground' } }));

async function measureTwo(store: AppStore): Promise<void> {
  await userEvent.click(screen.getByRole('button', { name: 'Distance' }));
  place(store, [0, 0, 0]);
  place(store, [30, 40, 0]);
  await waitFor(() => expect(store.getState().toolResults.items).toHaveLength(1));
  await userEvent.click(screen.getByRole('button', { name: 'Area' }));
  for (const p of [[0, 0, 0], [20, 0, 0], [20, 10, 0], [0, 10, 0]] as Vec3[]) place(store, p);
  await userEvent.click(screen.getByRole('button', { name: 'Finish' }));
  await waitFor(() => expect(store.getState().toolResults.items).toHaveLength(2));
  await userEvent.click(screen.getByRole('button', { name: 'Close tool' }));
}

const fileInput = () => screen.getByTestId('tool-results-file') as HTMLInputElement;

describe('tool results file', () => {
  it('exports the list to GeoJSON and loads it back, recomputed, with its names', async () => {
    const store = setup();
    await measureTwo(store);
    await userEvent.click(screen.getByRole('button', { name: 'Select Distance 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Rename Distance 1' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'New name of Distance 1' }), ' across{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Export GeoJSON' }));
    expect(downloads).toEqual(['shentwin-westbund-results.geojson']);
    const text = await blobs[0]!.text();
    const doc = JSON.parse(text) as { 'shentwin:results': { zoneId: string }; features: { properties: { kind: string; name: string } }[] };
    expect(doc['shentwin:results'].zoneId).toBe('westbund');
    expect(doc.features.map((f) => [f.properties.kind, f.properties.name])).toEqual([['measure-distance', 'Distance 1 across'], ['measure-area-horizontal', 'Area 1']]);

    await userEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(store.getState().toolResults.items).toHaveLength(0);
    await userEvent.upload(fileInput(), new File([text], 'shentwin-westbund-results.geojson', { type: 'application/geo+json' }));
    await waitFor(() => expect(store.getState().toolResults.items).toHaveLength(2));
    const items = store.getState().toolResults.items;
    expect(items.map((r) => r.name)).toEqual(['Distance 1 across', 'Area 1']);
    expect(items[0]!.values.distanceM).toBeCloseTo(50, 3);
    expect(items[1]!.values.areaM2).toBeCloseTo(200, 2);
    expect(screen.getByTestId('tool-results-import').textContent).toBe('Imported 2 results from shentwin-westbund-results.geojson');
    expect(screen.getByRole('button', { name: 'Select Distance 1 across' })).toBeTruthy();
    expect(store.getState().errorCounts.import).toBe(0);
  });

  it('refuses a broken file with its reason and counts it; the list stays', async () => {
    const store = setup();
    await measureTwo(store);
    await userEvent.upload(fileInput(), new File(['{"type": "FeatureCollection", "features": ['], 'broken.geojson'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('broken.geojson was not imported:');
    const line = within(alert).getByRole('listitem');
    expect(line.getAttribute('data-feature')).toBe('file');
    expect(line.textContent).toMatch(/^whole file: Not a valid JSON file \(the file is not valid JSON: /);
    expect(store.getState().errorCounts.import).toBe(1);
    expect(store.getState().errors.at(-1)).toMatchObject({ category: 'import', source: 'broken.geojson' });
    expect(store.getState().toolResults.items).toHaveLength(2);
  });

  it('skips a bad feature, names it, and loads the good ones (in Chinese)', async () => {
    const store = setup('zh');
    await userEvent.click(screen.getByRole('button', { name: '距离' }));
    place(store, [0, 0, 0]);
    place(store, [3, 4, 0]);
    await waitFor(() => expect(store.getState().toolResults.items).toHaveLength(1));
    await userEvent.click(screen.getByRole('button', { name: '导出 GeoJSON' }));
    const doc = JSON.parse(await blobs[0]!.text()) as { features: { properties: Record<string, unknown> }[] };
    doc.features.push({ ...doc.features[0]!, properties: { ...doc.features[0]!.properties, kind: 'teleport', name: 'Bad one' } });
    await userEvent.upload(fileInput(), new File([JSON.stringify(doc)], 'mixed.geojson'));
    await waitFor(() => expect(store.getState().toolResults.items).toHaveLength(2));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('mixed.geojson 中有问题的条目已跳过：');
    const line = within(alert).getByRole('listitem');
    expect(line.getAttribute('data-feature')).toBe('feature 1 (Bad one)');
    expect(line.textContent).toContain('不是 ShenTwin 的工具结果');
    expect(screen.getByTestId('tool-results-import').textContent).toContain('已从 mixed.geojson 导入 1 项结果');
    expect(store.getState().errorCounts.import).toBe(1);
  });

  it('refuses a file of another zone without reading its results', async () => {
    const store = setup();
    const other = { type: 'FeatureCollection', 'shentwin:results': { format: 'shentwin-results', version: 1, zoneId: 'yangpu', origin: scene.origin }, features: [] };
    await userEvent.upload(fileInput(), new File([JSON.stringify(other)], 'yangpu.geojson'));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('listitem').textContent).toMatch(/^whole file: The file belongs to another zone \(yangpu\); this is westbund/);
    expect(store.getState().errorCounts.import).toBe(1);
  });
});
