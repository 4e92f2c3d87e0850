/**
 * The synthetic city's plan in its ENU frame (pure): a street grid of local, secondary and
 * arterial roads, a meandering river the arterials bridge, signals at the larger crossings, and a
 * land-use class for every block between the streets. Building placement is not done here: the
 * blocks go through the same seeded generator as the real zones (generateBuildings).
 */
import type { LandUseClass } from '../../../core/landUse';
import { createRng } from '../../../core/rng';
import type { Ring } from '../../types';
import type { Pt } from '../geom/planar';
import type { CityConfig } from './cityConfig';

export type StreetClass = 'primary' | 'secondary' | 'residential';

export interface Street {
  points: Pt[];
  highway: StreetClass;
  name: string;
  nameEn: string;
  /** Both directions together, as OSM's `lanes` tag counts them. */
  lanes: number;
  maxspeedKmh: number;
}

export interface CityBlock {
  code: string;
  landUse: LandUseClass;
  ring: Ring;
  place: string;
  placeEn: string;
}

export interface CityLayout {
  streets: Street[];
  signals: Pt[];
  blocks: CityBlock[];
  river: { name: string; nameEn: string; ring: Ring };
}

const STREET: Record<StreetClass, { lanes: number; maxspeedKmh: number; zh: string; en: string }> = {
  primary: { lanes: 6, maxspeedKmh: 50, zh: '大道', en: 'Avenue' },
  secondary: { lanes: 4, maxspeedKmh: 40, zh: '路', en: 'Road' },
  residential: { lanes: 2, maxspeedKmh: 30, zh: '支路', en: 'Street' },
};
/** Streets keep this far from the river bank (a quay), except the arterials that bridge it. */
const QUAY_M = 15;
/** River outline sampling step along its length. */
const RIVER_STEP_M = 100;
/** Sectors that name the blocks ("示意城区 C4"), like a district's grid squares. */
const SECTOR_M = 2000;

export function riverCentreX(cfg: CityConfig, y: number): number {
  const r = cfg.river;
  return r.offsetM + r.amplitudeM * Math.sin((2 * Math.PI * y) / r.wavelengthM);
}

/** Horizontal distance from the river's centre line, minus its half width (negative: in the water). */
export function riverBankDistance(cfg: CityConfig, x: number, y: number): number {
  return Math.abs(x - riverCentreX(cfg, y)) - cfg.river.widthM / 2;
}

function streetClassOf(cfg: CityConfig, k: number): StreetClass {
  if (k % cfg.primaryEvery === 0) return 'primary';
  if (k % cfg.secondaryEvery === 0) return 'secondary';
  return 'residential';
}

function streetNames(cls: StreetClass, axis: 'ew' | 'ns', k: number): { name: string; nameEn: string } {
  const s = STREET[cls];
  return axis === 'ew'
    ? { name: `示意横${k}${s.zh}`, nameEn: `Synthetic E–W ${s.en} ${k}` }
    : { name: `示意纵${k}${s.zh}`, nameEn: `Synthetic N–S ${s.en} ${k}` };
}

/**
 * Cuts a grid line where it would run through the river: a vertex or a segment midpoint in the
 * water (plus the quay) ends the current run. Arterials are kept whole: they bridge the river.
 */
function dryRuns(cfg: CityConfig, points: Pt[], bridges: boolean): Pt[][] {
  if (bridges) return [points];
  const wet = (x: number, y: number) => riverBankDistance(cfg, x, y) < QUAY_M;
  const runs: Pt[][] = [];
  let run: Pt[] = [];
  const close = () => {
    if (run.length >= 2) runs.push(run);
    run = [];
  };
  points.forEach((p, i) => {
    if (wet(p[0], p[1])) { close(); return; }
    const prev = points[i - 1];
    if (prev && run.length > 0 && wet((prev[0] + p[0]) / 2, (prev[1] + p[1]) / 2)) close();
    run.push(p);
  });
  close();
  return runs;
}

/** Sampling step along a block's north–south extent when testing it against the meander. */
const RIVER_TEST_STEP_M = 10;

/** Whether the river band, widened by the quay, overlaps the rectangle [x0, x1] × [y0, y1]. */
function riverReaches(cfg: CityConfig, x0: number, x1: number, y0: number, y1: number): boolean {
  const reach = cfg.river.widthM / 2 + QUAY_M;
  const steps = Math.max(1, Math.ceil((y1 - y0) / RIVER_TEST_STEP_M));
  for (let k = 0; k <= steps; k++) {
    const c = riverCentreX(cfg, y0 + ((y1 - y0) * k) / steps);
    if (c + reach > x0 && c - reach < x1) return true;
  }
  return false;
}

function sectorOf(cfg: CityConfig, x: number, y: number): string {
  const half = cfg.sizeM / 2;
  const col = Math.min(25, Math.floor((x + half) / SECTOR_M));
  return `${String.fromCharCode(65 + col)}${1 + Math.floor((y + half) / SECTOR_M)}`;
}

function landUseAt(cfg: CityConfig, i: number, j: number, x: number, y: number): LandUseClass {
  if (riverBankDistance(cfg, x, y) < cfg.river.parkBandM) return 'G';
  const s = cfg.shares;
  let near = 0;
  for (const c of cfg.centres) near = Math.max(near, Math.exp(-((Math.hypot(x - c.x, y - c.y) / c.radiusM) ** 2)));
  const outer = Math.hypot(x, y) > s.outerRadiusM;
  const weights: [LandUseClass, number][] = [
    ['B', s.businessFloor + (s.businessPeak - s.businessFloor) * near],
    ['A', s.public],
    ['G', s.park],
    ['U', s.utility],
    ['M', outer ? s.industry : 0],
    ['W', outer ? s.logistics : 0],
  ];
  let u = createRng(`${cfg.seed}/block/${i}/${j}`).next();
  for (const [cls, w] of weights) {
    if (u < w) return cls;
    u -= w;
  }
  return 'R';
}

export function layoutCity(cfg: CityConfig): CityLayout {
  if (cfg.primaryEvery % cfg.secondaryEvery !== 0) throw new Error('city.json: primaryEvery must be a multiple of secondaryEvery');
  const n = Math.round(cfg.sizeM / cfg.blockM);
  const half = (n * cfg.blockM) / 2;
  const at = (k: number) => -half + k * cfg.blockM;
  const streets: Street[] = [];
  for (const axis of ['ew', 'ns'] as const) {
    for (let k = 0; k <= n; k++) {
      const cls = streetClassOf(cfg, k);
      const line: Pt[] = [];
      for (let m = 0; m <= n; m++) line.push(axis === 'ew' ? [at(m), at(k)] : [at(k), at(m)]);
      // North–south streets run along the river, so only east–west arterials can bridge it.
      for (const points of dryRuns(cfg, line, axis === 'ew' && cls === 'primary')) {
        streets.push({ points, highway: cls, ...streetNames(cls, axis, k), lanes: STREET[cls].lanes, maxspeedKmh: STREET[cls].maxspeedKmh });
      }
    }
  }

  const signals: Pt[] = [];
  for (let i = 1; i < n; i++) {
    for (let j = 1; j < n; j++) {
      const big = streetClassOf(cfg, i) !== 'residential' && streetClassOf(cfg, j) !== 'residential';
      if (big && riverBankDistance(cfg, at(i), at(j)) >= QUAY_M) signals.push([at(i), at(j)]);
    }
  }

  const blocks: CityBlock[] = [];
  const inset = cfg.blockInsetM;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x0 = at(i) + inset, x1 = at(i + 1) - inset, y0 = at(j) + inset, y1 = at(j + 1) - inset;
      if (x1 - x0 < 10 || y1 - y0 < 10) continue;
      // A block the water (plus the quay) reaches is river, not land.
      if (riverReaches(cfg, x0, x1, y0, y1)) continue;
      const corners: Pt[] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
      const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
      const landUse = landUseAt(cfg, i, j, cx, cy);
      const sector = sectorOf(cfg, cx, cy);
      blocks.push({ code: `${landUse}-${i}-${j}`, landUse, ring: corners, place: `示意城区 ${sector}`, placeEn: `Synthetic sector ${sector}` });
    }
  }

  const left: Pt[] = [], right: Pt[] = [];
  for (let y = -half; y <= half + 1e-6; y += RIVER_STEP_M) {
    const c = riverCentreX(cfg, y);
    left.push([c - cfg.river.widthM / 2, y]);
    right.push([c + cfg.river.widthM / 2, y]);
  }
  const ring: Ring = [...right, ...left.reverse()];
  return { streets, signals, blocks, river: { name: cfg.river.name, nameEn: cfg.river.nameEn, ring } };
}
