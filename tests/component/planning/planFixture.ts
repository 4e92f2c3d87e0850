/**
 * A tiny hand-made zone plan for the workbench tests. One 100 m × 100 m plot (10 000 m²) with
 * illustrative limits FAR ≤ 2.5, height ≤ 60 m, density ≤ 30 %, green ≥ 30 %, and a second plot
 * without a site. Today: two low buildings. Scheme A passes every limit (FAR 2.0, density 20 %,
 * green 40 %, 40 m); scheme B fails three (FAR 4.8, 90 m, no green).
 */
import type { PlanBuilding, Ring, Scheme, ZonePlan } from '../../../src/analysis/planning/types';

const rect = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

function building(id: string, zh: string, ring: Ring, floors: number, heightM: number, status: PlanBuilding['status']): PlanBuilding {
  return { id, name: { zh, en: `${id} building` }, footprint: ring, floors, heightM, use: 'B', status };
}

export const SITE_ID = 'site-1';
export const PLOT_ID = 'plot-1';

export const SCHEME_A: Scheme = {
  id: 's-a',
  siteId: SITE_ID,
  name: { zh: '方案A', en: 'Scheme A' },
  source: 'shipped',
  buildings: [
    building('e1', '一号楼', rect(0, 0, 20, 50), 10, 40, 'planned'),
    building('a2', '新楼', rect(30, 0, 50, 50), 10, 40, 'planned'),
  ],
  green: [rect(60, 0, 100, 100)],
};

export const SCHEME_B: Scheme = {
  id: 's-b',
  siteId: SITE_ID,
  name: { zh: '方案B', en: 'Scheme B' },
  source: 'shipped',
  buildings: [building('b1', '塔楼', rect(30, 30, 70, 70), 30, 90, 'planned')],
  green: [],
};

export function makePlan(): ZonePlan {
  return {
    version: 1,
    zoneId: 'westbund',
    illustrative: true,
    plots: [
      {
        id: PLOT_ID,
        code: 'XH-T-01',
        blockCode: 'B-01',
        landUse: 'B',
        name: { zh: '测试地块', en: 'Test plot' },
        ring: rect(0, 0, 100, 100),
        limits: { farMax: 2.5, heightMaxM: 60, densityMax: 0.3, greenRatioMin: 0.3 },
        schemeIds: ['s-a', 's-b'],
      },
      {
        id: 'plot-2',
        code: 'XH-T-02',
        blockCode: 'B-02',
        landUse: 'G',
        name: { zh: '滨江绿地', en: 'Riverside park' },
        ring: rect(200, 0, 250, 40),
        limits: { farMax: null, heightMaxM: 12, densityMax: null, greenRatioMin: 0.7 },
        schemeIds: [],
      },
    ],
    controlLines: [{ id: 'red-1', kind: 'red', name: { zh: '龙腾大道红线', en: 'Longteng Ave red line' }, ring: rect(-10, -10, 110, 0) }],
    sites: [
      {
        id: SITE_ID,
        plotId: PLOT_ID,
        name: { zh: '测试场地', en: 'Test site' },
        existing: [
          building('e1', '一号楼', rect(0, 0, 20, 50), 3, 12, 'existing'),
          building('e2', '仓库', rect(30, 60, 50, 80), 2, 8, 'existing'),
        ],
      },
    ],
    schemes: [SCHEME_A, SCHEME_B],
  };
}
