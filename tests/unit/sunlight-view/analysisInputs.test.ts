import { describe, expect, it } from 'vitest';
import { EXISTING_STATE } from '../../../src/analysis/planning/types';
import {
  cityOfState, neighbourReceivers, plotOfChoice, receiverBuildings, siteOfState, statesOfRun, tallestOfScheme, type ReceiverContext,
} from '../../../src/ui/planning/sunlight/analysisInputs';
import { makePlan, SITE, ZONE, rect } from './fixtures';

const ctx = (patch: Partial<ReceiverContext> = {}): ReceiverContext => ({
  plan: makePlan(), imported: [], siteId: SITE, selectedBuildingId: null, selectedPlotId: null, ...patch,
});
const ids = (r: unknown) => (Array.isArray(r) ? r.map((b: { id: string }) => b.id).sort() : r);

describe('the city in a state', () => {
  it('is today, or today with the site cleared and the scheme added; unknown schemes give nothing', () => {
    expect(ids(cityOfState(ZONE, ctx(), EXISTING_STATE))).toEqual(['ex-1', 'far', 'shop', 'slab']);
    const wall = cityOfState(ZONE, ctx(), 'wall')!;
    expect(ids(wall)).toEqual(['far', 'shop', 'slab', 'w1']);
    expect(wall.find((b) => b.id === 'w1')).toMatchObject({ heightM: 120, baseM: 0, use: 'B', fromScheme: true });
    expect(cityOfState(ZONE, ctx(), 'nope')).toBeNull();
    expect(siteOfState(ctx(), 'wall')).toBe(SITE);
    expect(siteOfState(ctx(), EXISTING_STATE)).toBeNull();
    expect(tallestOfScheme(ctx(), 'wall')).toBe(120);
    expect(tallestOfScheme(ctx(), EXISTING_STATE)).toBe(0);
    expect(statesOfRun('impact', 'wall', 'x')).toEqual(['wall', EXISTING_STATE]);
    expect(statesOfRun('compare', 'wall', 'low')).toEqual(['wall', 'low']);
    expect(statesOfRun('state', 'wall', 'low')).toEqual(['wall']);
  });
});

describe('an imported scheme', () => {
  it('is a state like a shipped one: the site cleared, its buildings added, reachable by id', async () => {
    const { WALL } = await import('./fixtures');
    const imported = { ...WALL, id: 'import:mine', source: 'imported' as const, buildings: WALL.buildings.map((b) => ({ ...b, id: `import:mine:${b.id}` })) };
    const c = ctx({ imported: [imported] });
    expect(ids(cityOfState(ZONE, c, 'import:mine'))).toEqual(['far', 'import:mine:w1', 'shop', 'slab']);
    expect(siteOfState(c, 'import:mine')).toBe(SITE);
    expect(cityOfState(ZONE, ctx(), 'import:mine')).toBeNull();
  });
});

describe('receiver choice', () => {
  it('takes a residential building only', () => {
    expect(ids(receiverBuildings({ kind: 'building', id: 'slab', ring: null }, ZONE, ctx()))).toEqual(['slab']);
    expect(receiverBuildings({ kind: 'building', id: 'shop', ring: null }, ZONE, ctx())).toBe('not-residential');
    expect(receiverBuildings({ kind: 'building', id: null, ring: null }, ZONE, ctx())).toBe('no-building');
    expect(ids(receiverBuildings({ kind: 'building', id: null, ring: null }, ZONE, ctx({ selectedBuildingId: 'slab' })))).toEqual(['slab']);
  });

  it('takes the residential buildings of a plot: its own, the selected one, or the site’s', () => {
    expect(ids(receiverBuildings({ kind: 'plot', id: 'plot:R', ring: null }, ZONE, ctx()))).toEqual(['slab']);
    expect(plotOfChoice({ kind: 'plot', id: null, ring: null }, ctx({ selectedPlotId: 'plot:R' }))).toBe('plot:R');
    expect(plotOfChoice({ kind: 'plot', id: null, ring: null }, ctx())).toBe('plot:S');
    expect(receiverBuildings({ kind: 'plot', id: null, ring: null }, ZONE, ctx())).toBe('no-residential');
    expect(receiverBuildings({ kind: 'plot', id: 'plot:none', ring: null }, ZONE, ctx())).toBe('no-plot');
    expect(receiverBuildings({ kind: 'site', id: null, ring: null }, ZONE, ctx({ siteId: null }))).toBe('no-site');
  });

  it('takes the residential buildings inside a drawn polygon', () => {
    expect(ids(receiverBuildings({ kind: 'polygon', id: null, ring: rect(-5, 85, 65, 135) }, ZONE, ctx()))).toEqual(['slab']);
    expect(receiverBuildings({ kind: 'polygon', id: null, ring: null }, ZONE, ctx())).toBe('no-polygon');
    expect(receiverBuildings({ kind: 'polygon', id: null, ring: rect(500, 500, 510, 510) }, ZONE, ctx())).toBe('no-residential');
  });

  it('for an impact, takes the standing neighbours of the site within reach', () => {
    expect(ids(neighbourReceivers({ kind: 'site', id: null, ring: null }, ZONE, ctx(), SITE, 500))).toEqual(['slab']);
    expect(neighbourReceivers({ kind: 'site', id: null, ring: null }, ZONE, ctx(), SITE, 10)).toBe('no-residential');
    expect(ids(neighbourReceivers({ kind: 'site', id: null, ring: null }, ZONE, ctx(), SITE, 5000))).toEqual(['far', 'slab']);
    expect(ids(neighbourReceivers({ kind: 'plot', id: 'plot:R', ring: null }, ZONE, ctx(), SITE, 0))).toEqual(['slab']);
    expect(neighbourReceivers({ kind: 'site', id: null, ring: null }, ZONE, ctx(), 'nope', 500)).toBe('no-site');
  });
});
