/**
 * App-level helpers shared by the browser tests: the zones that ship, the built files they read
 * (from dist/, i.e. exactly what the server serves), and the common "zone is loaded" wait.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { saveArtifact } from './browser-artifacts';
import type { HookSnapshot } from './browser-hook';
import { waitForHook } from './browser-launch';
import { changedFraction } from './browser-pixels';

export const ZONE_IDS = ['jiading', 'westbund', 'yangpu'] as const;
export type ZoneId = (typeof ZONE_IDS)[number];

/** SwiftShader on 2 cores: a zone's first view can take a while to stream and draw. */
export const SETTLE_TIMEOUT_MS = 150_000;

export const DIST_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');

export function readDistText(path: string): string {
  return readFileSync(resolve(DIST_DIR, path), 'utf8');
}

export function readDistJson<T = unknown>(path: string): T {
  return JSON.parse(readDistText(path)) as T;
}

export interface IndexEntry {
  id: string;
  name: string;
  nameEn: string;
  source: 'osm' | 'generated';
  heightM: number;
  floors: number;
  landUse: string;
  x: number;
  y: number;
  topM: number;
}

export function readBuildingIndex(zone: ZoneId): IndexEntry[] {
  return readDistJson<{ buildings: IndexEntry[] }>(`tiles/${zone}/buildings-index.json`).buildings;
}

export interface SceneTilesetRef {
  id: string;
  kind: 'buildings' | 'ground';
  url: string;
}

/** The three.js view has the zone, every tileset root resolved, and nothing left to load. */
export function waitForZoneSettled(page: Page, zone: string, timeoutMs = SETTLE_TIMEOUT_MS): Promise<HookSnapshot> {
  return waitForHook(
    page,
    (h, z) =>
      h.ready &&
      h.zoneId === z &&
      Object.keys(h.tilesets).length > 0 &&
      Object.values(h.tilesets).every((t) => t.root !== 'loading') &&
      h.tiles.settled,
    timeoutMs,
    zone,
  );
}

/** Puts a value on `window` that only survives if the page is never reloaded. */
export async function plantReloadMarker(page: Page): Promise<string> {
  const marker = `m${Math.random().toString(36).slice(2)}`;
  await page.evaluate((m) => {
    (window as unknown as { __reloadMarker?: string }).__reloadMarker = m;
  }, marker);
  return marker;
}

export async function readReloadMarker(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as unknown as { __reloadMarker?: string }).__reloadMarker);
}

export interface SceneSummary {
  tilesets: (SceneTilesetRef & { name: { zh: string; en: string } })[];
  viewpoints: { id: string; position: [number, number, number]; target: [number, number, number] }[];
  defaultViewpoint: string;
  groundLayers: { id: string; name: { zh: string; en: string }; color: string; visible: boolean }[];
}

export function readScene(zone: ZoneId): SceneSummary {
  return readDistJson<SceneSummary>(`scenes/${zone}.json`);
}

/** Lets the view draw a few frames (SwiftShader is slow) before a screenshot. */
export async function settleFrames(page: Page, frames = 3, extraMs = 300): Promise<void> {
  await page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(() => r(null)));
  }, frames);
  await page.waitForTimeout(extraMs);
}

/** The 3D view's canvas (the three.js one, or Cesium's inside the globe view). */
export function viewCanvas(page: Page) {
  return page.locator('.st-view canvas').first();
}

/** The zone the fault tests break: any shipped zone works; a small one keeps the suite fast. */
export const FAULT_ZONE: ZoneId = 'yangpu';
/**
 * A `cam=` pose over the middle of the fault zone, low enough that the buildings root refines
 * and a couple of dozen leaf tiles are wanted (the overview viewpoint is content with the root).
 */
export const FAULT_CAM = '0,-1200,700,0,300,0';

/** True for a request whose path ends with the given dist-relative file (query ignored). */
export function isFile(url: URL, distPath: string): boolean {
  return url.pathname.endsWith(`/${distPath.replace(/^\.?\//, '')}`);
}

/** The error list entries shown to the user, as text, for one category. */
export async function shownErrors(page: Page, category: string): Promise<string[]> {
  return page.locator(`.st-errors li.st-error[data-category="${category}"]`).allInnerTexts();
}

export function readDistBuffer(path: string): Buffer {
  return readFileSync(resolve(DIST_DIR, path));
}

export function buildingsTileset(zone: ZoneId): SceneSummary['tilesets'][number] {
  const ref = readScene(zone).tilesets.find((t) => t.kind === 'buildings');
  if (!ref) throw new Error(`scene ${zone} has no buildings tileset`);
  return ref;
}

/** Shanghai Auto Museum (上海汽车博物馆) in Anting, a real OSM building in the Jiading zone. */
export function autoMuseum(): IndexEntry {
  const hits = readBuildingIndex('jiading').filter(
    (b) => b.source === 'osm' && (b.name.includes('汽车博物馆') || /auto(mobile)?\s+museum/i.test(b.nameEn)),
  );
  const museum = hits[0];
  if (!museum) throw new Error('the Jiading building index has no Shanghai Auto Museum');
  return museum;
}

/** A pose south-west of and above the building, looking at its middle from a few hundred metres. */
export function closeUpCam(b: IndexEntry): string {
  const mid = b.topM / 2;
  const reach = Math.max(120, 3 * b.heightM);
  const pos = [b.x - reach * 0.7, b.y - reach * 0.7, mid + reach];
  return [...pos, b.x, b.y, mid].map((v) => v.toFixed(1)).join(',');
}

/**
 * Share of the view's pixels that change when a layer is switched off in the layer panel (then
 * switched back on). Shows the layer really draws, whatever colours it uses. Screenshots of both
 * states are saved under `artifactPrefix`.
 */
export async function layerPixelChange(page: Page, layerId: string, label: string, artifactPrefix: string): Promise<number> {
  const toggle = page.getByRole('checkbox', { name: label, exact: true });
  await settleFrames(page);
  const on = await viewCanvas(page).screenshot();
  await toggle.uncheck();
  await waitForHook(page, (h, id) => h.layerVisible[id] === false, 10_000, layerId);
  await settleFrames(page);
  const off = await viewCanvas(page).screenshot();
  await toggle.check();
  await waitForHook(page, (h, id) => h.layerVisible[id] !== false, 10_000, layerId);
  await saveArtifact(`${artifactPrefix}.png`, on);
  await saveArtifact(`${artifactPrefix}-without-${layerId}.png`, off);
  return changedFraction(page, on, off);
}
