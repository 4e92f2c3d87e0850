import { describe, expect, it } from 'vitest';
import { footprintsUrlOf, loadZoneBuildings } from '../../../src/ui/planning/sunlight/zoneBuildings';
import { rect } from './fixtures';

const file = (zoneId: string) => JSON.stringify({
  version: 1, zoneId, origin: { lonDeg: 121.47, latDeg: 31.23, heightM: 4 },
  buildings: [{ id: 'gen:z:1', name: { zh: '一号楼', en: 'No. 1' }, footprint: rect(0, 0, 10, 10), heightM: 20, baseM: 0.5, floors: 6, landUse: 'R' }],
});

function fakeFetch(responses: (() => Response)[]) {
  const calls: string[] = [];
  const f = ((url: string) => {
    calls.push(url);
    const next = responses.shift();
    return next ? Promise.resolve(next()) : Promise.reject(new Error('offline'));
  }) as unknown as typeof fetch;
  return { f, calls };
}

describe('zone buildings for the sunlight analysis', () => {
  it('reads plan/footprints.json beside the building index, once per zone', async () => {
    const scene = { id: 'z', buildingIndexUrl: 'tiles/z1/buildings-index.json' };
    expect(footprintsUrlOf(scene)).toBe('tiles/z1/plan/footprints.json');
    const { f, calls } = fakeFetch([() => new Response(file('z'))]);
    const a = await loadZoneBuildings(scene, f);
    expect(a).toEqual([{ id: 'gen:z:1', name: { zh: '一号楼', en: 'No. 1' }, footprint: rect(0, 0, 10, 10), heightM: 20, baseM: 0.5, floors: 6, use: 'R', fromScheme: false }]);
    expect(await loadZoneBuildings(scene, f)).toBe(a);
    expect(calls).toEqual(['/tiles/z1/plan/footprints.json']);
  });

  it('refuses a broken or foreign file and tries again next time', async () => {
    const scene = { id: 'z', buildingIndexUrl: 'tiles/z2/buildings-index.json' };
    const { f, calls } = fakeFetch([() => new Response('nope', { status: 404 }), () => new Response(file('other')), () => new Response(file('z'))]);
    await expect(loadZoneBuildings(scene, f)).rejects.toThrow('tiles/z2/plan/footprints.json: HTTP 404');
    await expect(loadZoneBuildings(scene, f)).rejects.toThrow(/zone "other"/);
    expect((await loadZoneBuildings(scene, f)).length).toBe(1);
    expect(calls.length).toBe(3);
  });
});
