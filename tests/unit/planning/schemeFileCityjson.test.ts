import { describe, expect, it } from 'vitest';
import { polygonArea, polygonCentroid, ringSignedArea } from '../../../src/analysis/planning/polygon';
import { geographicCrs } from '../../../src/analysis/planning/schemeFileCityjson';
import { parseSchemeFile, type SchemeFileContext, type SchemeFileResult } from '../../../src/analysis/planning/schemeFile';
import { boxSolid, cityjson, ctx } from './schemeFixtures';

function parse(doc: unknown, over: Partial<SchemeFileContext> = {}): SchemeFileResult {
  const text = JSON.stringify(doc);
  return parseSchemeFile(text, Buffer.byteLength(text), ctx({ fileName: 'scheme.city.json', ...over }));
}
function codes(r: SchemeFileResult): string[] {
  if (r.ok) throw new Error('expected the file to be refused');
  return r.errors.map((e) => e.code);
}
function ok(r: SchemeFileResult) {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors)}`);
  return r;
}

/** One 20 × 10 m box, 30 m high, 10 storeys. */
function oneBox(attributes: Record<string, unknown> = { storeysAboveGround: 10, name: '办公楼', use: 'B1' }) {
  const vertices: number[][] = [];
  const geometry = [boxSolid(vertices, 0, 0, 20, 10, 0, 30)];
  return cityjson({ office: { type: 'Building', attributes, geometry } }, vertices);
}

describe('parseSchemeFile: CityJSON that is good', () => {
  it('reads a Solid: footprint at the lowest z, height max − min, storeys, scheme block in metadata', () => {
    const r = ok(parse(oneBox()));
    expect(r.scheme).toMatchObject({ id: 'scheme-a', siteId: 's1', name: { zh: '方案A', en: 'Scheme A' }, green: [] });
    const [b] = r.scheme.buildings;
    expect(b).toMatchObject({ id: 'office', name: { zh: '办公楼', en: '办公楼' }, floors: 10, use: 'B', status: 'planned' });
    expect(b!.heightM).toBeCloseTo(30, 6);
    expect(b!.footprint).toHaveLength(4);
    expect(ringSignedArea(b!.footprint)).toBeGreaterThan(0);
    // Integer vertices at 1e-7° are about 1 cm apart.
    expect(Math.abs(polygonArea(b!.footprint) - 200)).toBeLessThan(0.5);
    const [cx, cy] = polygonCentroid(b!.footprint);
    expect(cx).toBeCloseTo(10, 1);
    expect(cy).toBeCloseTo(5, 1);
  });

  it('MultiSurface with measuredHeight, CGCS2000, top-level scheme block, parts instead of their parent', () => {
    const vertices: number[][] = [];
    const podium = boxSolid(vertices, 0, 0, 40, 40, 0, 12);
    const towerSolid = boxSolid(vertices, 50, 0, 70, 20, 0, 99);
    const multi = { type: 'MultiSurface', lod: 2, boundaries: (towerSolid.boundaries as number[][][][])[0] };
    const doc = cityjson(
      {
        campus: { type: 'Building', attributes: { use: 'A' }, children: ['podium', 'tower'], geometry: [boxSolid(vertices, 0, 0, 70, 40, 0, 99)] },
        podium: { type: 'BuildingPart', parents: ['campus'], attributes: { storeysAboveGround: 3 }, geometry: [podium] },
        tower: { type: 'BuildingPart', parents: ['campus'], attributes: { storeysAboveGround: 25, measuredHeight: 98.5 }, geometry: [multi] },
        tree: { type: 'SolitaryVegetationObject' },
      },
      vertices,
      {
        metadata: { referenceSystem: 'urn:ogc:def:crs:EPSG::4490' },
        'shentwin:scheme': { id: 'campus-b', site: 's2', name: '校园B' },
      },
    );
    const r = ok(parse(doc));
    expect(r.scheme).toMatchObject({ id: 'campus-b', siteId: 's2', name: { zh: '校园B', en: '校园B' } });
    expect(r.scheme.buildings.map((b) => [b.id, b.floors, Math.round(b.heightM * 10) / 10, b.use])).toEqual([
      ['podium', 3, 12, 'A'],
      ['tower', 25, 98.5, 'A'],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['bad-geometry-type', 'bad-geometry-type']);
  });

  it('recognises the lon/lat reference systems and nothing else', () => {
    for (const s of ['https://www.opengis.net/def/crs/EPSG/0/4326', 'EPSG:4326', 'urn:ogc:def:crs:EPSG::4979', 'http://www.opengis.net/def/crs/OGC/1.3/CRS84', 'OGC:CRS84']) {
      expect(geographicCrs(s)).toBe('WGS84');
    }
    expect(geographicCrs('https://www.opengis.net/def/crs/EPSG/0/4490')).toBe('CGCS2000');
    expect(geographicCrs('https://www.opengis.net/def/crs/EPSG/0/32651')).toBeNull();
    expect(geographicCrs('https://www.opengis.net/def/crs/EPSG/0/43260')).toBeNull();
  });
});

describe('parseSchemeFile: CityJSON that is bad', () => {
  it('a projected CRS is unknown-format, naming the CRS', () => {
    const doc = { ...oneBox(), metadata: { referenceSystem: 'https://www.opengis.net/def/crs/EPSG/0/32651' } };
    const r = parse(doc);
    expect(codes(r)).toEqual(['unknown-format']);
    expect(!r.ok && r.errors[0]!.reason).toContain('EPSG/0/32651');
    expect(codes(parse({ ...oneBox(), metadata: {} }))).toEqual(['unknown-format']);
  });

  it('an unsupported version or a missing transform is unknown-format', () => {
    expect(codes(parse({ ...oneBox(), version: '1.0' }))).toEqual(['unknown-format']);
    expect(codes(parse({ ...oneBox(), transform: undefined }))).toEqual(['unknown-format']);
  });

  it('bad-floors without storeysAboveGround, bad-height from a bad measuredHeight', () => {
    expect(codes(parse(oneBox({})))).toEqual(['bad-floors']);
    expect(codes(parse(oneBox({ storeysAboveGround: 0 })))).toEqual(['bad-floors']);
    expect(codes(parse(oneBox({ storeysAboveGround: 10, measuredHeight: -3 })))).toEqual(['bad-height']);
    expect(codes(parse(oneBox({ storeysAboveGround: 10, use: 'Q' })))).toEqual(['bad-use']);
  });

  it('bad-vertex-index and non-finite-coordinate', () => {
    const doc = oneBox();
    const vertices = doc.vertices as number[][];
    const broken = { ...doc, vertices: vertices.slice(0, 7) };
    expect(codes(parse(broken))).toEqual(['bad-vertex-index']);
    const withNull = { ...doc, vertices: [[null, 0, 0], ...vertices.slice(1)] };
    expect(codes(parse(withNull))).toEqual(['non-finite-coordinate']);
  });

  it('bad-geometry-type without usable geometry; no-buildings without buildings; outside-zone', () => {
    const vertices: number[][] = [];
    const solid = boxSolid(vertices, 0, 0, 20, 10, 0, 30);
    const lod0 = cityjson({ b: { type: 'Building', attributes: { storeysAboveGround: 3 }, geometry: [{ ...solid, lod: '0' }] } }, vertices);
    expect(codes(parse(lod0))).toEqual(['bad-geometry-type']);
    expect(codes(parse(cityjson({ road: { type: 'Road' } }, [])))).toEqual(['no-buildings']);
    const far = oneBox();
    const shifted = { ...far, transform: { scale: [1e-7, 1e-7, 0.001], translate: [116.4, 39.9, 0] } };
    expect(codes(parse(shifted))).toEqual(['outside-zone']);
  });
});
