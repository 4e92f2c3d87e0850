import { describe, expect, it } from 'vitest';
import { EnuFrame } from '../../../src/core/geodesy';
import { addResults, EMPTY_RESULTS, addResult, type ResultDraft, type ResultsList } from '../../../src/tools/results';
import {
  exportResultsGeoJson, parseResultsFile, RESULTS_FORMAT_VERSION, type ResultsFileContext, type ResultsZone,
} from '../../../src/tools/resultsGeoJson';
import { TOOL_DEFINITIONS } from '../../../src/tools/toolKinds';
import type { AnyToolInputs } from '../../../src/tools/toolTypes';

const westbund: ResultsZone = { zoneId: 'westbund', origin: { lonDeg: 121.458, latDeg: 31.18, heightM: 4.5 } };
const ctx: ResultsFileContext = { ...westbund, fileName: 'session.geojson' };

const d = TOOL_DEFINITIONS;
/** One result of every kind, with points up to 2 km out and 150 m up. */
const drafts: ResultDraft[] = (
  [
    { kind: 'measure-distance', points: [[12.25, -3.5, 0], [1800.125, 950.5, 150.75]], params: {} },
    { kind: 'measure-polyline', points: [[0, 0, 0], [10, 0, 1], [10, 10, 2]], params: {} },
    { kind: 'measure-area-horizontal', points: [[0, 0, 0], [40, 0, 0], [40, 30, 0]], params: {} },
    { kind: 'measure-area-surface', points: [[10, 0, 0], [10, 8, 0], [10, 8, 6], [10, 0, 6]], params: {}, buildingId: 'osm-1234' },
    { kind: 'measure-height', points: [[100, 200, 87.5]], params: {} },
    { kind: 'measure-bearing', points: [[0, 0, 0], [-300, 400, 0]], params: {} },
    { kind: 'height-limit', points: [[0, 0, 0], [50, 0, 0], [50, 50, 0], [0, 50, 0]], params: { ...d['height-limit'].defaultParams, limitM: 24 } },
    { kind: 'height-limit', points: [], params: { mode: 'plot', limitM: 100, plotId: 'XH-B2-03' } },
    { kind: 'sight-line', points: [[0, 0, 0], [50, 0, 10], [0, 60, 20]], params: { eyeHeightM: 1.6, targetHeightM: 0.5 } },
    { kind: 'viewshed', points: [[-1500, -1200, 3]], params: { ...d.viewshed.defaultParams, mode: 'cone', headingDeg: 135 } },
    { kind: 'skyline', points: [[5, 6, 70]], params: { ...d.skyline.defaultParams, source: 'camera' } },
    { kind: 'section', points: [[5, 0, 20]], params: { ...d.section.defaultParams, sizeM: [70, 60, 40] } },
  ] as AnyToolInputs[]
).map((inputs, i) => ({ inputs, values: { n: i, label: 'x', ok: true, none: null, series: [1, 2.5] }, createdAt: 1_700_000_000_000 + i, name: `R${i}` }));

function exported(list: ResultsList = addResults(EMPTY_RESULTS, drafts).list): string {
  return JSON.stringify(exportResultsGeoJson(list.items, westbund, '0.1.0'));
}

const parse = (text: string, c: ResultsFileContext = ctx) => parseResultsFile(text, text.length, c);

describe('results GeoJSON export', () => {
  it('writes WGS84 lon/lat with height, the zone, and RFC 7946 geometry per kind', () => {
    const fc = JSON.parse(exported());
    expect(fc.type).toBe('FeatureCollection');
    expect(fc['shentwin:results']).toEqual({ format: 'shentwin-results', version: 1, zoneId: 'westbund', origin: westbund.origin, app: '0.1.0' });
    expect(fc.features.map((f: { geometry: { type: string } | null }) => f.geometry?.type ?? null)).toEqual([
      'LineString', 'LineString', 'Polygon', 'Polygon', 'Point', 'LineString', 'Polygon', null, 'MultiPoint', 'Point', 'Point', 'Point',
    ]);
    const area = fc.features[2].geometry.coordinates[0];
    expect(area).toHaveLength(4);
    expect(area[3]).toEqual(area[0]);
    const [lon, lat, h] = fc.features[0].geometry.coordinates[0];
    expect(lon).toBeCloseTo(121.458 + 12.25 / 95_000, 4);
    expect(lat).toBeCloseTo(31.18 - 3.5 / 111_000, 5);
    expect(h).toBeCloseTo(4.5, 3);
    expect(fc.features[3].properties).toMatchObject({ 'shentwin:version': RESULTS_FORMAT_VERSION, kind: 'measure-area-surface', name: 'R3', inputs: { params: {}, buildingId: 'osm-1234' } });
  });
});

describe('results GeoJSON import', () => {
  it('round-trips every kind: the same inputs to 1e-6 m, names, values and times', () => {
    const r = parse(exported());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.errors).toEqual([]);
    expect(r.results).toHaveLength(drafts.length);
    r.results.forEach((got, i) => {
      const want = drafts[i]!;
      expect(got.inputs.kind).toBe(want.inputs.kind);
      expect(got.inputs.params).toEqual(want.inputs.params);
      expect(got.inputs.buildingId).toBe(want.inputs.buildingId);
      expect(got.inputs.points).toHaveLength(want.inputs.points.length);
      got.inputs.points.forEach((p, k) => {
        for (let a = 0; a < 3; a++) expect(Math.abs(p[a]! - want.inputs.points[k]![a]!), `${want.inputs.kind} point ${k}`).toBeLessThan(1e-6);
      });
      expect(got.values).toEqual(want.values);
      expect(got.createdAt).toBe(want.createdAt);
      expect(got.name).toBe(want.name);
    });
    // Loaded into a list they get fresh ids after the existing ones.
    const list = addResults(addResult(EMPTY_RESULTS, drafts[0]!), r.results).list;
    expect(list.items.map((x) => x.id).slice(0, 3)).toEqual(['r1', 'r2', 'r3']);
  });

  it('reports each bad feature by index and reason, and still loads the good ones', () => {
    const fc = JSON.parse(exported());
    const good = fc.features[0];
    const clone = () => JSON.parse(JSON.stringify(good));
    const bad: unknown[] = [];
    const v0 = clone(); v0.properties['shentwin:version'] = 9; bad.push(v0);
    const k = clone(); k.properties.kind = 'teleport'; bad.push(k);
    const nf = clone(); nf.geometry.coordinates[1] = [121.46, 'north', 3]; bad.push(nf);
    const poly = JSON.parse(JSON.stringify(fc.features[2])); poly.geometry.coordinates[0].pop(); bad.push(poly);
    const pr = JSON.parse(JSON.stringify(fc.features[8])); pr.properties.inputs.params.eyeHeightM = -3; bad.push(pr);
    const few = clone(); few.geometry = { type: 'Point', coordinates: good.geometry.coordinates[0] }; bad.push(few);
    const far = clone(); far.geometry.coordinates[1] = [121.9, 31.18, 0]; bad.push(far);
    const swapped = clone(); swapped.geometry.coordinates[0] = [31.18, 121.458, 0]; bad.push(swapped);
    const wrongType = clone(); wrongType.geometry.type = 'MultiPoint'; bad.push(wrongType);
    const bow = JSON.parse(JSON.stringify(fc.features[6]));
    const ring = bow.geometry.coordinates[0]; [ring[1], ring[2]] = [ring[2], ring[1]]; bad.push(bow);
    const vals = clone(); vals.properties.values = { a: { nested: true } }; bad.push(vals);
    bad.push('not a feature');
    fc.features = [good, ...bad, fc.features[4]];

    const r = parse(JSON.stringify(fc));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.results.map((x) => x.inputs.kind)).toEqual(['measure-distance', 'measure-height']);
    expect(r.errors.map((e) => [e.feature, e.code])).toEqual([
      ['feature 1 (R0)', 'bad-version'],
      ['feature 2 (R0)', 'bad-kind'],
      ['feature 3 (R0)', 'non-finite-coordinate'],
      ['feature 4 (R2)', 'bad-geometry'],
      ['feature 5 (R8)', 'bad-params'],
      ['feature 6 (R0)', 'too-few-points'],
      ['feature 7 (R0)', 'outside-zone'],
      ['feature 8 (R0)', 'latitude-out-of-range'],
      ['feature 9 (R0)', 'bad-geometry'],
      ['feature 10 (R6)', 'bad-shape'],
      ['feature 11 (R0)', 'bad-properties'],
      ['feature 12', 'bad-feature'],
    ]);
    for (const e of r.errors) expect(e.file).toBe('session.geojson');
    expect(r.errors[4]!.reason).toBe('inputs.params: eyeHeightM must be from 0 to 500');
    expect(r.errors[2]!.reason).toContain('position 1');
  });

  it('refuses a file of another zone, of a newer format, too large, not JSON or not a collection', () => {
    const other = parse(exported(), { ...ctx, zoneId: 'jiading' });
    expect(other).toEqual({
      ok: false,
      errors: [{ file: 'session.geojson', feature: 'file', code: 'other-zone', reason: 'the file holds results of zone "westbund", not of the open zone "jiading"', params: { zone: 'westbund', openZone: 'jiading' } }],
    });
    const newer = JSON.parse(exported());
    newer['shentwin:results'].version = 2;
    expect(parse(JSON.stringify(newer))).toMatchObject({ ok: false, errors: [{ code: 'bad-version' }] });
    // The size is checked before the text is parsed: this one is not even JSON.
    expect(parseResultsFile('{'.repeat(50), 6_000_000, ctx)).toMatchObject({ ok: false, errors: [{ code: 'too-large' }] });
    expect(parse('{"type": "FeatureCollection", "features": [', { ...ctx, maxBytes: 10 })).toMatchObject({ ok: false, errors: [{ code: 'too-large' }] });
    expect(parse('{"type": "FeatureCollection",')).toMatchObject({ ok: false, errors: [{ code: 'not-json' }] });
    expect(parse('{"type": "Feature"}')).toMatchObject({ ok: false, errors: [{ code: 'unknown-format' }] });
    expect(parse('{"type": "FeatureCollection", "features": [], "shentwin:results": {"format": "x"}}')).toMatchObject({ ok: false, errors: [{ code: 'bad-meta' }] });
  });

  it('reads a hand-made file without the zone block, checking each position against the zone', () => {
    const frame = new EnuFrame(westbund.origin);
    const a = frame.enuToLonLat(0, 0, 0), b = frame.enuToLonLat(30, 40, 0);
    const feature = (lonLat: number[][]) => ({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: lonLat },
      properties: { 'shentwin:version': 1, kind: 'measure-distance', inputs: {}, values: { distanceM: 50 } },
    });
    const text = JSON.stringify({ type: 'FeatureCollection', features: [feature([[a.lonDeg, a.latDeg], [b.lonDeg, b.latDeg]]), feature([[116.4, 39.9], [116.41, 39.9]])] });
    const r = parse(text, { ...ctx, now: 42 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.results).toHaveLength(1);
    const pts = r.results[0]!.inputs.points;
    expect(pts[1]![0]).toBeCloseTo(30, 6);
    expect(pts[1]![1]).toBeCloseTo(40, 6);
    // A 2D position lies on the zone's ground level.
    expect(pts[0]![2]).toBeCloseTo(0, 6);
    expect(r.results[0]!.createdAt).toBe(42);
    expect(r.results[0]!.name).toBeUndefined();
    expect(r.errors.map((e) => e.code)).toEqual(['outside-zone']);
  });
});
