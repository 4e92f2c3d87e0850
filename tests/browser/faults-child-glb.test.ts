/**
 * Fault matrix rows 2 and 3: single tiles that are missing (404) or broken in each of the ways a
 * glb can be broken. Exactly those tiles fail, each counted once; their siblings load; the view
 * still reports "settled"; and nothing throws uncaught in the page. The broken variants are spread
 * over the tiles of one page session, so a single load covers the whole row.
 */
import type { Route } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { savePageScreenshot } from '../support/browser-artifacts';
import { buildingsTileset, FAULT_CAM, FAULT_ZONE, readDistBuffer, shownErrors, waitForZoneSettled } from '../support/browser-app';
import { badGlbVariants, type FaultResponse } from '../support/browser-faults';
import { closeBrowser, openApp } from '../support/browser-launch';
import { tileContents } from '../support/browser-tiles';

afterAll(closeBrowser);

const buildings = buildingsTileset(FAULT_ZONE);
/** Leaves with siblings: breaking one must not hide anything else. */
const contents = tileContents(buildings.url);
const victims = new Set(contents.filter((c) => c.isLeaf && c.siblings > 0).map((c) => c.path));

/** The variant names, from a genuine tile of the same tileset (the defects do not depend on which). */
const VARIANT_NAMES = badGlbVariants(readDistBuffer(contents[0]?.path ?? '')).map((v) => v.name);

/**
 * Routes the zone's buildings content: the first leaf tiles the view asks for get the given
 * faults, one fault per distinct tile, and everything else passes through untouched.
 */
function breakTiles(faults: ((route: Route) => Promise<void>)[], broken: Map<string, number>) {
  return async (route: Route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\//, '');
    const known = broken.get(path);
    if (known !== undefined) return (faults[known] as (r: Route) => Promise<void>)(route);
    if (victims.has(path) && broken.size < faults.length) {
      broken.set(path, broken.size);
      return (faults[broken.size - 1] as (r: Route) => Promise<void>)(route);
    }
    return route.continue();
  };
}

const isBuildingsContent = (u: URL) => u.pathname.endsWith('.glb') && u.pathname.includes(`/${buildings.url.replace(/[^/]+$/, '')}`);

async function expectOnlyThoseFailed(app: Awaited<ReturnType<typeof openApp>>, broken: Map<string, number>, what: string[]) {
  const snap = await waitForZoneSettled(app.page, FAULT_ZONE);
  expect(broken.size, 'tiles the view asked for that could be broken').toBe(what.length);
  const status = snap.tilesets[buildings.id];
  expect(status?.failed, `failed tiles for: ${what.join(', ')}`).toBe(what.length);
  expect(snap.errorCounts.tile).toBe(what.length);
  expect(snap.errorCounts.tileset).toBe(0);
  expect(status?.root).toBe('ready');
  expect(status?.loaded, 'siblings and the rest of the tileset load').toBeGreaterThan(0);
  const sources = snap.errors.filter((e) => e.category === 'tile').map((e) => e.source);
  for (const path of broken.keys()) expect(sources.some((s) => s.includes(path)), `error names ${path}`).toBe(true);
  expect((await shownErrors(app.page, 'tile')).length).toBeGreaterThan(0);
  expect(app.pageErrors).toEqual([]);
}

describe(`fault: broken tiles in ${FAULT_ZONE}`, () => {
  it('one child glb 404: one tile error, siblings load, tiles settle', async () => {
    const broken = new Map<string, number>();
    const notFound = (r: Route) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' });
    const app = await openApp({ zone: FAULT_ZONE, cam: FAULT_CAM }, { prepare: (p) => p.route(isBuildingsContent, breakTiles([notFound], broken)) });
    try {
      await expectOnlyThoseFailed(app, broken, ['404']);
      await savePageScreenshot(app.page, 'fault-glb-404.png');
    } finally {
      await app.close();
    }
  });

  it('bad glb variants: each broken tile alone fails, no uncaught exception', async () => {
    const broken = new Map<string, number>();
    const names = VARIANT_NAMES;
    // Each variant is made from the genuine bytes of the tile it replaces, so only the defect differs.
    const serve = (i: number) => async (route: Route) => {
      const real = await route.fetch();
      const v = badGlbVariants(await real.body())[i] as FaultResponse;
      return route.fulfill({ status: v.status, contentType: v.contentType, body: v.body });
    };
    const faults = names.map((_, i) => serve(i));
    const app = await openApp({ zone: FAULT_ZONE, cam: FAULT_CAM }, { prepare: (p) => p.route(isBuildingsContent, breakTiles(faults, broken)) });
    try {
      await expectOnlyThoseFailed(app, broken, names);
      await savePageScreenshot(app.page, 'fault-glb-variants.png');
    } finally {
      await app.close();
    }
  });
});
