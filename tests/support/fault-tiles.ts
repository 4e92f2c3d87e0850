/**
 * Shared material for the tile-streaming fault tests (cases 5 and 6): the app's own limits read
 * from its source (so a test asserts against the constant, never a copy of its value), the GPU
 * size of the shipped tiles, and camera flights driven the way a user drives them, by the
 * viewpoint chips.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import type { Page } from 'playwright-core';
import { DIST_DIR, readScene, type ZoneId } from './browser-app';
import { waitForHook } from './browser-launch';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A numeric `export const NAME = …;` of a source file. For modules that cannot be imported into
 * Node (they pull in React or three.js): the test still follows the product's constant.
 */
export function sourceConstant(file: string, name: string): number {
  const text = readFileSync(resolve(ROOT, file), 'utf8');
  const m = new RegExp(`export const ${name}\\s*(?::\\s*number\\s*)?=\\s*([0-9_.]+)\\s*;`).exec(text);
  if (!m?.[1]) throw new Error(`${file} has no numeric export ${name}`);
  const v = Number(m[1].replace(/_/g, ''));
  if (!Number.isFinite(v)) throw new Error(`${file}: ${name} is not a number`);
  return v;
}

export interface TileGpuSize {
  /** Path below dist/. */
  path: string;
  /** What three.js's `estimateBytesUsed` counts for the tile: vertex attributes and indices. */
  bytes: number;
}

/**
 * GPU bytes of every glb of a zone, computed the way 3d-tiles-renderer charges a tile to its
 * LRU cache (three's `BufferGeometryUtils.estimateBytesUsed`: count × itemSize × bytes per
 * element of each attribute, plus the index). The tiles have no textures.
 */
export async function zoneTileGpuSizes(zone: ZoneId): Promise<TileGpuSize[]> {
  // Shipped tiles are meshopt-compressed; decoded accessors keep their quantised component
  // types, which is what GLTFLoader uploads, so the byte count below still matches the GPU.
  await MeshoptDecoder.ready;
  const io = new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.glb')) files.push(p);
    }
  };
  walk(resolve(DIST_DIR, 'tiles', zone));
  const out: TileGpuSize[] = [];
  for (const file of files) {
    const doc = await io.read(file);
    let bytes = 0;
    for (const mesh of doc.getRoot().listMeshes()) {
      for (const prim of mesh.listPrimitives()) {
        for (const a of prim.listAttributes()) bytes += a.getCount() * a.getElementSize() * a.getComponentSize();
        const i = prim.getIndices();
        if (i) bytes += i.getCount() * i.getComponentSize();
      }
    }
    out.push({ path: relative(DIST_DIR, file), bytes });
  }
  return out;
}

export interface Viewpoint {
  id: string;
  name: { zh: string; en: string };
  position: [number, number, number];
  target: [number, number, number];
}

export function zoneViewpoints(zone: ZoneId): Viewpoint[] {
  return readScene(zone).viewpoints as Viewpoint[];
}

/** The camera is at rest at the viewpoint (the pose the view published, within `tolM`). */
export function atViewpoint(pose: { position: number[]; target: number[] } | null, vp: Viewpoint, tolM = 2): boolean {
  if (!pose) return false;
  const d = (a: number[], b: number[]) => Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0), (a[2] ?? 0) - (b[2] ?? 0));
  return d(pose.position, vp.position) <= tolM && d(pose.target, vp.target) <= tolM;
}

/** Clicks the viewpoint's chip in the viewpoint bar, as a user starts a flight (the page must be in `lang`). */
export async function clickViewpoint(page: Page, vp: Viewpoint, lang: 'zh' | 'en'): Promise<void> {
  await page.locator('.st-viewpoints button.st-chip', { hasText: vp.name[lang] }).first().click();
}

/** Waits until the camera has come to rest at the viewpoint (flight over). */
export function waitAtViewpoint(page: Page, vp: Viewpoint, timeoutMs: number) {
  return waitForHook(
    page,
    (h, v) => {
      const p = h.cameraPose;
      if (!p) return false;
      const d = (a: number[], b: number[]) => Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0), (a[2] ?? 0) - (b[2] ?? 0));
      return d(p.position, v.position) <= 2 && d(p.target, v.target) <= 2;
    },
    timeoutMs,
    { position: vp.position, target: vp.target },
  );
}
