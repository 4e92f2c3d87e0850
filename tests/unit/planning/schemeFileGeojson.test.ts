import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84 } from '../../../src/analysis/planning/gcj02';
import { polygonArea, polygonCentroid, ringSignedArea } from '../../../src/analysis/planning/polygon';
import { parseSchemeFile, type SchemeFileContext, type SchemeFileResult } from '../../../src/analysis/planning/schemeFile';
import { collection, ctx, FRAME, lonLatRing, META, polygonFeature } from './schemeFixtures';
import { rect } from './fixtures';

function parseText(text: string, over: Partial<SchemeFileContext> = {}): SchemeFileResult {
  return parseSchemeFile(text, Buffer.byteLength(text, 'utf8'), ctx(over));
}
function parse(doc: unknown, over: Partial<SchemeFileContext> = {}): SchemeFileResult {
  return parseText(JSON.stringify(doc), over);
}
function errors(r: SchemeFileResult) {
  if (r.ok) throw new Error('expected the file to be refused');
  return r.errors;
}
function codes(r: SchemeFileResult): string[] {
  return errors(r).map((e) => e.code);
}
function ok(r: SchemeFileResult) {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors)}`);
  return r;
}

const A = lonLatRing(rect(0, 0, 20, 50));
const B = lonLatRing(rect(60, 0, 80, 50));
const tower = { id: 'A-1', name: '塔楼', nameEn: 'Tower', floors: 10, heightM: 36, use: 'B' };

describe('parseSchemeFile: GeoJSON that is good', () => {
  it('reads buildings, heights, floors, uses and green, projected to ENU and normalised', () => {
    const r = ok(parse(collection([
      polygonFeature([A], tower),
      polygonFeature([[...B].reverse()], { id: 'A-2', floors: 12, storeyHeightM: 3.5, use: 'R2' }),
      polygonFeature([lonLatRing(rect(0, 60, 100, 100))], { kind: 'green' }),
    ])));
    const s = r.scheme;
    expect(s).toMatchObject({ id: 'scheme-a', siteId: 's1', name: { zh: '方案A', en: 'Scheme A' }, source: 'shipped' });
    expect(s.buildings.map((b) => [b.id, b.floors, b.heightM, b.use, b.status])).toEqual([
      ['A-1', 10, 36, 'B', 'planned'],
      ['A-2', 12, 42, 'R', 'planned'],
    ]);
    expect(s.buildings[0]!.name).toEqual({ zh: '塔楼', en: 'Tower' });
    expect(s.buildings[1]!.name).toEqual({ zh: 'A-2', en: 'A-2' });
    for (const b of s.buildings) {
      expect(b.footprint).toHaveLength(4);
      expect(ringSignedArea(b.footprint)).toBeGreaterThan(0);
      expect(polygonArea(b.footprint)).toBeCloseTo(1000, 3);
    }
    const [cx, cy] = polygonCentroid(s.buildings[1]!.footprint);
    expect(cx).toBeCloseTo(70, 4);
    expect(cy).toBeCloseTo(25, 4);
    expect(s.green).toHaveLength(1);
    expect(polygonArea(s.green[0]!)).toBeCloseTo(4000, 2);
    expect(r.warnings).toEqual([]);
  });

  it('keeps holes, and splits a MultiPolygon into suffixed buildings', () => {
    const hole = lonLatRing([...rect(5, 5, 15, 15)].reverse());
    const r = ok(parse(collection([
      polygonFeature([lonLatRing(rect(0, 0, 20, 20)), hole], { id: 'court', floors: 3, heightM: 10 }),
      { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[A], [B]] }, properties: { id: 'twin', floors: 5, heightM: 18 } },
    ])));
    const [court, t1, t2] = r.scheme.buildings;
    expect(court!.holes).toHaveLength(1);
    expect(ringSignedArea(court!.holes![0]!)).toBeLessThan(0);
    expect(polygonArea(court!.footprint, court!.holes)).toBeCloseTo(300, 3);
    expect([t1!.id, t2!.id]).toEqual(['twin-1', 'twin-2']);
    expect(t2!.name.zh).toBe('twin (2)');
  });

  it('derives floors from heightM / storeyHeightM and generates ids that avoid given ones', () => {
    const r = ok(parse(collection([
      polygonFeature([A], { heightM: 40, storeyHeightM: 4.2 }),
      polygonFeature([B], { id: 'b1', floors: 2, storeyHeightM: 3 }),
    ])));
    expect(r.scheme.buildings.map((b) => [b.id, b.floors, b.heightM])).toEqual([['b2', 10, 40], ['b1', 2, 6]]);
  });

  it('imported files may omit the scheme block: id from the file name, default site, file name as name', () => {
    const over = { source: 'imported' as const, fileName: 'West Bund v2.geojson', defaultSiteId: 's2' };
    const r = ok(parse(collection([polygonFeature([A], tower)], null), over));
    expect(r.scheme).toMatchObject({ id: 'west-bund-v2-imported', siteId: 's2', name: { zh: 'West Bund v2', en: 'West Bund v2' }, source: 'imported' });
    const zh1 = ok(parse(collection([polygonFeature([A], tower)], null), { ...over, fileName: '方案一.geojson' })).scheme.id;
    const zh2 = ok(parse(collection([polygonFeature([A], tower)], null), { ...over, fileName: '方案二.geojson' })).scheme.id;
    expect(zh1).toMatch(/^[a-z0-9-]{1,64}$/);
    expect(zh1).not.toBe(zh2);
  });

  it('imported files with a malformed id get a warning and the default id', () => {
    const r = ok(parse(collection([polygonFeature([A], tower)], { id: 'My Scheme', site: 's1' }), { source: 'imported', fileName: 'x-plan.json' }));
    expect(r.scheme.id).toBe('x-plan-imported');
    expect(r.warnings.map((w) => w.code)).toEqual(['bad-scheme-meta']);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    expect(parseText(`\uFEFF${JSON.stringify(collection([polygonFeature([A], tower)]))}`).ok).toBe(true);
  });
});

describe('parseSchemeFile: GCJ-02', () => {
  it('converts every vertex to WGS84 before projecting', () => {
    const doc = collection([polygonFeature([A], tower)]);
    const wgs = ok(parse(doc)).scheme.buildings[0]!.footprint;
    const gcj = ok(parse(doc, { crs: 'gcj02' })).scheme.buildings[0]!.footprint;
    const [lon, lat] = A[0]!;
    const [wLon, wLat] = gcj02ToWgs84(lon!, lat!);
    const expected = FRAME.lonLatToEnu(wLon, wLat, 4);
    const [de, dn] = [gcj[0]![0] - wgs[0]![0], gcj[0]![1] - wgs[0]![1]];
    expect(gcj[0]![0]).toBeCloseTo(expected[0], 6);
    expect(gcj[0]![1]).toBeCloseTo(expected[1], 6);
    // About 0.0045° west and 0.0019° north in Shanghai: roughly 430 m and 210 m.
    expect(de).toBeLessThan(-400);
    expect(de).toBeGreaterThan(-470);
    expect(dn).toBeGreaterThan(170);
    expect(dn).toBeLessThan(240);
  });
});

describe('parseSchemeFile: every bad case has its code', () => {
  const one = (props: unknown, rings: unknown = [A]) => collection([{ type: 'Feature', geometry: { type: 'Polygon', coordinates: rings }, properties: props }]);

  it('too-large is decided from the byte length before parsing', () => {
    const r = parseSchemeFile('this is not JSON at all', 6 * 1024 * 1024, ctx());
    expect(codes(r)).toEqual(['too-large']);
    expect(codes(parseSchemeFile('{}', 3000, ctx({ maxBytes: 2000 })))).toEqual(['too-large']);
  });

  it('not-json and unknown-format', () => {
    expect(codes(parseText('{"type": "FeatureCollection", '))).toEqual(['not-json']);
    expect(errors(parseText('{oops')).at(0)!.reason).toMatch(/not valid JSON/);
    expect(codes(parse({ type: 'Topology', objects: {} }))).toEqual(['unknown-format']);
    expect(codes(parse([1, 2, 3]))).toEqual(['unknown-format']);
    expect(codes(parse({ type: 'FeatureCollection' }))).toEqual(['unknown-format']);
  });

  it('ring-not-closed', () => {
    const e = errors(parse(one(tower, [A.slice(0, -1)])));
    expect(e).toEqual([{ file: 'scheme-a.geojson', feature: 'feature 0 (A-1)', code: 'ring-not-closed', reason: 'ring 0 is not closed (its last position must repeat the first)', params: { ring: 'ring 0' } }]);
  });

  it('ring-self-intersecting (bow-tie)', () => {
    const [p0, p1, p2, p3] = A;
    expect(codes(parse(one(tower, [[p0, p2, p1, p3, p0]])))).toEqual(['ring-self-intersecting']);
  });

  it('ring-too-few-points and ring-zero-area', () => {
    expect(codes(parse(one(tower, [[A[0], A[1], A[0]]])))).toEqual(['ring-too-few-points']);
    const [x, y] = A[0]!;
    expect(codes(parse(one(tower, [[[x, y], [x! + 1e-4, y], [x! + 2e-4, y], [x, y]]])))).toEqual(['ring-zero-area']);
  });

  it('non-finite-coordinate: 1e999 (JSON.parse gives Infinity) and null', () => {
    const text = JSON.stringify(one(tower, [[[424242.5, 31.18], ...A.slice(1, -1), [424242.5, 31.18]]])).replace(/424242\.5/g, '1e999');
    expect(text).toContain('[1e999,31.18]');
    const e = errors(parseText(text));
    expect(e.map((x) => x.code)).toEqual(['non-finite-coordinate']);
    expect(e[0]!.reason).toContain('vertex 0');
    const withNull = [...A];
    withNull[2] = [A[2]![0]!, null as unknown as number];
    expect(codes(parse(one(tower, [withNull])))).toEqual(['non-finite-coordinate']);
    expect(codes(parse(one(tower, [[A[0], null, A[2], A[3], A[0]]])))).toEqual(['non-finite-coordinate']);
  });

  it('latitude-out-of-range, longitude-out-of-range and outside-zone', () => {
    const lat91 = A.map(([lon]) => [lon!, 91]);
    expect(codes(parse(one(tower, [lat91])))).toEqual(['latitude-out-of-range']);
    const lon181 = A.map(([, lat]) => [181, lat!]);
    expect(codes(parse(one(tower, [lon181])))).toEqual(['longitude-out-of-range']);
    const beijing = lonLatRing(rect(0, 0, 20, 50)).map(([lon, lat]) => [lon! - 5.06, lat! + 8.72]);
    const e = errors(parse(one(tower, [beijing])));
    expect(e.map((x) => x.code)).toEqual(['outside-zone']);
    expect(e[0]!.reason).toMatch(/more than 2 km outside the zone/);
    // 1.5 km beyond the east edge is still accepted.
    const nearby = A.map(([lon, lat]) => [lon! + 0.01 + 1500 / 95_300, lat!]);
    expect(parse(one(tower, [nearby])).ok).toBe(true);
  });

  it('says when coordinates look swapped', () => {
    const swapped = A.map(([lon, lat]) => [lat!, lon!]);
    const e = errors(parse(one(tower, [swapped])));
    expect(e[0]!.code).toBe('latitude-out-of-range');
    expect(e[0]!.reason).toMatch(/\[latitude, longitude\]/);
  });

  it('missing-height, bad-floors, bad-height', () => {
    expect(codes(parse(one({ floors: 10 })))).toEqual(['missing-height']);
    expect(codes(parse(one(null)))).toEqual(['missing-height']);
    expect(codes(parse(one({ heightM: 30 })))).toEqual(['bad-floors']);
    expect(codes(parse(one({ heightM: 30, floors: '10' })))).toEqual(['bad-floors']);
    expect(codes(parse(one({ heightM: 30, floors: 2.5 })))).toEqual(['bad-floors']);
    expect(codes(parse(one({ heightM: 30, floors: 201 })))).toEqual(['bad-floors']);
    expect(codes(parse(one({ heightM: 0, floors: 3 })))).toEqual(['bad-height']);
    expect(codes(parse(one({ heightM: 1001, floors: 3 })))).toEqual(['bad-height']);
    expect(codes(parse(one({ storeyHeightM: 25, floors: 3 })))).toEqual(['bad-height']);
    expect(codes(parse(one({ storeyHeightM: 10, floors: 150 })))).toEqual(['bad-height']);
  });

  it('bad-use, bad-kind, bad-geometry-type', () => {
    expect(codes(parse(one({ ...tower, use: 'Office' })))).toEqual(['bad-use']);
    expect(codes(parse(one({ ...tower, kind: 'tree' })))).toEqual(['bad-kind']);
    const point = collection([{ type: 'Feature', geometry: { type: 'Point', coordinates: [121.46, 31.18] }, properties: tower }]);
    expect(codes(parse(point))).toEqual(['bad-geometry-type']);
    expect(codes(parse(collection([{ type: 'Feature', geometry: null, properties: tower }])))).toEqual(['bad-geometry-type']);
    expect(codes(parse(one(tower, 'abc')))).toEqual(['bad-geometry-type']);
  });

  it('duplicate-id', () => {
    const e = errors(parse(collection([polygonFeature([A], tower), polygonFeature([B], tower)])));
    expect(e.map((x) => [x.code, x.feature])).toEqual([['duplicate-id', 'feature 1 (A-1)']]);
    expect(e[0]!.reason).toContain('feature 0 (A-1)');
  });

  it('missing-site, unknown-site and a shipped file without its scheme block', () => {
    expect(codes(parse(collection([polygonFeature([A], tower)], { ...META, site: undefined })))).toEqual(['missing-site']);
    expect(codes(parse(collection([polygonFeature([A], tower)], null), { source: 'imported' }))).toEqual(['missing-site']);
    expect(codes(parse(collection([polygonFeature([A], tower)], { ...META, site: 's9' })))).toEqual(['unknown-site']);
    expect(codes(parse(collection([polygonFeature([A], tower)], null)))).toEqual(['bad-scheme-meta']);
    expect(codes(parse(collection([polygonFeature([A], tower)], { ...META, id: 'Bad Id' })))).toEqual(['bad-scheme-meta']);
  });

  it('no-buildings', () => {
    expect(codes(parse(collection([])))).toEqual(['no-buildings']);
    expect(codes(parse(collection([polygonFeature([A], { kind: 'green' })])))).toEqual(['no-buildings']);
  });

  it('collects the errors of every feature, not just the first, up to 50', () => {
    const e = errors(parse(collection([
      polygonFeature([A.slice(0, -1)], tower),
      polygonFeature([B], { id: 'A-2', floors: 3 }),
      polygonFeature([B], { id: 'A-3', heightM: 9, floors: 3, use: 'X' }),
    ])));
    expect(e.map((x) => [x.feature, x.code])).toEqual([
      ['feature 0 (A-1)', 'ring-not-closed'],
      ['feature 1 (A-2)', 'missing-height'],
      ['feature 2 (A-3)', 'bad-use'],
    ]);
    const many = collection(Array.from({ length: 80 }, (_, i) => polygonFeature([A], { id: `x${i}` })));
    expect(errors(parse(many))).toHaveLength(50);
  });
});
