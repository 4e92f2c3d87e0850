/**
 * A small planned zone for the sunlight UI tests. A redevelopment site (B) with one low existing
 * building; north of it a residential plot with a 6-storey slab whose south facade faces the
 * site, and a shop. Scheme 'wall' puts a 460 m wide, 120 m tall block on the site: the slab's
 * south windows lose their sun. Scheme 'low' is a 6 m pavilion that shades nothing.
 */
import type { PlanBuilding, Ring, Scheme, ZonePlan } from '../../../src/analysis/planning/types';
import type { CasterArraysMessage, MainToSunlightWorker, SunlightWorkerToMain } from '../../../src/analysis/sunlight/worker/protocol';
import { SunlightWorkerHost } from '../../../src/analysis/sunlight/worker/SunlightWorkerHost';
import { hostEngine } from '../../../src/analysis/sunlight/worker/hostEngine';
import type { WorkerLike } from '../../../src/analysis/sunlight/worker/SunlightRunner';
import type { CityBuilding } from '../../../src/ui/planning/sunlight/analysisInputs';

export const LAT = 31.2304;
export const LON = 121.4737;
export const YEAR = 2027;

export function rect(x0: number, y0: number, x1: number, y1: number): Ring {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
}

export function city(id: string, ring: Ring, heightM: number, floors: number, use: CityBuilding['use']): CityBuilding {
  return { id, name: { zh: `楼${id}`, en: `Building ${id}` }, footprint: ring, heightM, floors, baseM: 0, use, fromScheme: false };
}

function planned(id: string, ring: Ring, heightM: number, floors: number): PlanBuilding {
  return { id, name: { zh: id, en: id }, footprint: ring, heightM, floors, use: 'B', status: 'planned' };
}

export const SITE = 'site-1';
export const WALL: Scheme = { id: 'wall', siteId: SITE, name: { zh: '高墙方案', en: 'Wall scheme' }, source: 'shipped', buildings: [planned('w1', rect(-200, 10, 260, 30), 120, 30)], green: [] };
export const LOW: Scheme = { id: 'low', siteId: SITE, name: { zh: '低层方案', en: 'Low scheme' }, source: 'shipped', buildings: [planned('l1', rect(10, 10, 30, 30), 6, 1)], green: [] };

export const EXISTING_ON_SITE = city('ex-1', rect(10, 10, 30, 30), 10, 3, 'B');
export const SLAB = city('slab', rect(0, 90, 60, 100), 18, 6, 'R');
export const SHOP = city('shop', rect(0, 120, 10, 130), 6, 2, 'B');
export const FAR = city('far', rect(1000, 1000, 1010, 1010), 9, 3, 'R');
export const ZONE: CityBuilding[] = [EXISTING_ON_SITE, SLAB, SHOP, FAR];

export function makePlan(): ZonePlan {
  const limits = { farMax: null, heightMaxM: null, densityMax: null, greenRatioMin: null };
  return {
    version: 1, zoneId: 'test', illustrative: true,
    plots: [
      { id: 'plot:S', code: 'T-S', blockCode: 'S', landUse: 'B', name: { zh: '场地', en: 'Site' }, ring: rect(-250, 0, 310, 60), limits, schemeIds: ['wall', 'low'] },
      { id: 'plot:R', code: 'T-R', blockCode: 'R', landUse: 'R', name: { zh: '住宅地块', en: 'Housing plot' }, ring: rect(-10, 80, 70, 140), limits, schemeIds: [] },
    ],
    controlLines: [],
    sites: [{ id: SITE, plotId: 'plot:S', name: { zh: '测试场地', en: 'Test site' }, existing: [{ ...planned('ex-1', rect(10, 10, 30, 30), 10, 3), status: 'existing' }] }],
    schemes: [WALL, LOW],
  };
}

/** A Worker stand-in that runs the real worker host (and engine) in this thread, asynchronously. */
export class InProcessWorker implements WorkerLike {
  onmessage: ((ev: MessageEvent<SunlightWorkerToMain>) => void) | null = null;
  onerror: ((ev: ErrorEvent | Event) => void) | null = null;
  terminated = false;
  readonly sent: MainToSunlightWorker[] = [];
  private host = new SunlightWorkerHost({
    post: (m) => {
      if (!this.terminated) setTimeout(() => this.onmessage?.({ data: m } as MessageEvent<SunlightWorkerToMain>), 0);
    },
    engine: hostEngine,
    yieldNow: () => new Promise((r) => setTimeout(r, 0)),
  });
  postMessage(msg: MainToSunlightWorker): void {
    this.sent.push(msg);
    // A structured clone, like the real boundary: nothing is shared with the main thread.
    const copy = structuredClone(msg);
    setTimeout(() => !this.terminated && this.host.handle(copy), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

export const EMPTY_CASTERS: CasterArraysMessage = { positions: new Float32Array(0), index: new Uint32Array(0), triBuilding: new Uint32Array(0), ids: [] };
