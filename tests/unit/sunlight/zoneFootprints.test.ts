/**
 * plan/footprints.json of the three shipped zones, as the tiler writes it: valid for the reader,
 * one entry per tiled building (the buildings index lists the same ids), rings CCW and finite,
 * every site's existing buildings present. And the reader refuses broken files with a message.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseZonePlan } from '../../../src/analysis/planning/planSchema';
import { ringSignedArea } from '../../../src/analysis/planning/polygon';
import { parseZoneFootprints, ZONE_FOOTPRINTS_FILE, type ZoneFootprints } from '../../../src/analysis/sunlight/zoneFootprints';
import { ZONE_IDS } from '../../../src/tiler/zones';
import { loadZoneData } from '../../../src/sunlight-cli/zoneData';
import { prepareBuildings } from '../../../src/tiler/lod/prepareBuildings';
import { formatZoneFootprints } from '../../../src/tiler/plan/zoneFootprintsFile';
import { builtZoneDir, REPO_ROOT } from '../tiler/builtZones';
import { syntheticZone } from '../tiler/syntheticZone';

const zones = new Map<string, { fp: ZoneFootprints; dir: string }>();

beforeAll(async () => {
  for (const zoneId of ZONE_IDS) {
    const dir = await builtZoneDir(zoneId, 'footprints');
    const r = parseZoneFootprints(await readFile(join(dir, ZONE_FOOTPRINTS_FILE), 'utf8'), zoneId);
    if (!r.ok) throw new Error(`${zoneId}: ${r.message}`);
    zones.set(zoneId, { fp: r.footprints, dir });
  }
}, 240_000);

describe('footprints.json of the shipped zones', () => {
  it.each(ZONE_IDS)('%s lists every tiled building, CCW and finite, with the site buildings of plan.json', async (zoneId) => {
    const { fp, dir } = zones.get(zoneId)!;
    const index = JSON.parse(await readFile(join(dir, 'buildings-index.json'), 'utf8')) as { buildings: { id: string }[] };
    expect(fp.buildings.map((b) => b.id)).toEqual(index.buildings.map((b) => b.id));
    expect(fp.buildings.length).toBeGreaterThan(1000);
    for (const b of fp.buildings) {
      expect(ringSignedArea(b.footprint)).toBeGreaterThan(0);
      for (const h of b.holes ?? []) expect(ringSignedArea(h)).toBeLessThan(0);
    }
    const plan = parseZonePlan(await readFile(join(dir, 'plan', 'plan.json'), 'utf8'), zoneId);
    if (!plan.ok) throw new Error(plan.message);
    const ids = new Set(fp.buildings.map((b) => b.id));
    for (const s of plan.plan.sites) for (const b of s.existing) expect(ids.has(b.id)).toBe(true);
    expect(fp.origin.latDeg).toBeGreaterThan(30.5);
    expect(fp.buildings.some((b) => b.landUse === 'R')).toBe(true);
  });
});

describe('the CLI’s in-memory fallback', () => {
  it('assembles the same footprints and plan as the built files', async () => {
    const d = await loadZoneData(REPO_ROOT, 'westbund', { assemble: true });
    expect(d.from).toBe('assembled');
    const built = zones.get('westbund')!.fp;
    expect(JSON.stringify(d.footprints)).toBe(JSON.stringify(built));
    const plan = parseZonePlan(await readFile(join(zones.get('westbund')!.dir, 'plan', 'plan.json'), 'utf8'), 'westbund');
    if (!plan.ok) throw new Error(plan.message);
    expect(d.plan.schemes.map((s) => s.id)).toEqual(plan.plan.schemes.map((s) => s.id));
    expect(d.plan.sites[0]!.existing).toEqual(plan.plan.sites[0]!.existing);
  }, 120_000);
});

describe('formatZoneFootprints', () => {
  it('writes the same bytes whatever the input order, and valid for the reader', () => {
    const zone = syntheticZone();
    const a = formatZoneFootprints(zone, prepareBuildings(zone.buildings).buildings);
    const b = formatZoneFootprints(zone, prepareBuildings([...zone.buildings].reverse()).buildings);
    expect(a).toBe(b);
    const r = parseZoneFootprints(a, zone.zoneId);
    expect(r.ok).toBe(true);
  });
});

describe('parseZoneFootprints', () => {
  const good = {
    version: 1, zoneId: 'westbund', origin: { lonDeg: 121.458, latDeg: 31.1775, heightM: 0 },
    buildings: [{ id: 'a', name: { zh: '甲', en: 'A' }, footprint: [[0, 0], [10, 0], [10, 10]], heightM: 9, baseM: 0, floors: 3, landUse: 'R' }],
  };
  it('accepts a good file and refuses broken ones with the reason', () => {
    expect(parseZoneFootprints(JSON.stringify(good), 'westbund').ok).toBe(true);
    const bad = (doc: unknown, re: RegExp, zone = 'westbund') => {
      const r = parseZoneFootprints(typeof doc === 'string' ? doc : JSON.stringify(doc), zone);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(re);
    };
    bad('{"version":', /invalid JSON/);
    bad({ ...good, version: 2 }, /version/);
    // NaN serialises as null, which must not pass for a coordinate.
    bad({ ...good, buildings: [{ ...good.buildings[0], footprint: [[0, 0], [null, 0], [10, 10]] }] }, /footprint/);
    bad({ ...good, buildings: [{ ...good.buildings[0], heightM: -1 }] }, /heightM/);
    bad({ ...good, buildings: [good.buildings[0], good.buildings[0]] }, /duplicate building id "a"/);
    bad(good, /expected "yangpu"/, 'yangpu');
  });
});
