import { describe, expect, it } from 'vitest';
import { parseBimFloors, readBimFloors } from '../../../src/analysis/bim/bimFloorsFile';
import { floorsFile, mutable } from './fixtures';

function refusal(raw: unknown, zone?: string): string {
  const r = readBimFloors(raw, zone);
  if (r.ok) throw new Error('accepted');
  return r.message;
}

describe('bim/floors.json reader', () => {
  it('accepts what the tiler writes, unchanged', () => {
    const text = JSON.stringify(floorsFile());
    const r = parseBimFloors(text, 'test');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file).toEqual(JSON.parse(text));
    expect(r.file.buildings.map((b) => [b.id, b.storeys, b.floors.length])).toEqual([['gen:test:tower', 15, 16], ['osm:way/1', 5, 6]]);
  });

  it('refuses text that is not JSON, and a file for another zone', () => {
    const bad = parseBimFloors('{"format":');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^floors\.json: invalid JSON/);
    expect(refusal(floorsFile(), 'westbund')).toBe('floors.json is for zone "test", expected "westbund"');
  });

  it('names the field a malformed file gets wrong', () => {
    const cases: [(f: any) => void, RegExp][] = [
      [(f) => { f.format = 'something-else'; }, /^floors\.json: format: /],
      [(f) => { f.version = 2; }, /^floors\.json: version: /],
      [(f) => { f.floorAttribute = '_FEATURE_ID_0'; }, /floorAttribute/],
      [(f) => { f.illustrative = false; }, /illustrative/],
      [(f) => { f.buildings[0].floors[3].elevationM = '14'; }, /buildings\.0\.floors\.3\.elevationM/],
      [(f) => { f.buildings[0].floors[3].slabAreaM2 = -1; }, /buildings\.0\.floors\.3\.slabAreaM2/],
      [(f) => { f.buildings[1].floors[2].use.illustrative = false; }, /buildings\.1\.floors\.2\.use\.illustrative/],
      [(f) => { delete f.buildings[1].floors[0].name; }, /buildings\.1\.floors\.0\.name/],
      [(f) => { f.buildings[0].storeys = 0; }, /buildings\.0\.storeys/],
    ];
    for (const [breakIt, reason] of cases) {
      const f = mutable();
      breakIt(f);
      expect(refusal(f)).toMatch(reason);
    }
  });

  it('refuses floor lists that contradict themselves, saying how', () => {
    const cases: [(f: any) => void, string][] = [
      [(f) => { f.buildings[1].storeys = 4; }, 'has 6 floors for 4 storeys'],
      [(f) => { f.buildings[1].floors[2].index = 3; }, 'floors[2].index is 3, expected 2'],
      [(f) => { f.buildings[1].floors[5].kind = 'storey'; }, 'floors[5].kind is "storey", expected "roof"'],
      [(f) => { f.buildings[1].floors[3].elevationM = 11.5; }, 'floors[3]: elevation 11.5 does not meet the storey below'],
      [(f) => { f.buildings[1].floors[5].elevationM = 19; }, 'floors[5]: roof elevation 19 is not the top 18'],
      [(f) => { f.buildings[1].floors[1].slabTopM = f.buildings[1].floors[1].slabBottomM; }, 'floors[1]: slab top'],
      [(f) => { f.buildings[1].floors[5].grossFloorAreaM2 = 10; }, 'the roof has no height or floor area'],
      [(f) => { f.buildings[1].heightM = 20; }, 'topM − baseM is 18'],
      [(f) => { f.buildings[1].id = f.buildings[0].id; }, 'duplicate building id "gen:test:tower"'],
    ];
    for (const [breakIt, reason] of cases) {
      const f = mutable();
      breakIt(f);
      const message = refusal(f);
      expect(message, reason).toContain(reason);
      expect(message).toMatch(/^floors\.json: /);
    }
  });
});
