import { describe, expect, it } from 'vitest';
import { EnuFrame } from '../../../src/core/geodesy';
import { signedArea } from '../../../src/tiler/geometry/footprint';
import { geojsonToBuildings } from '../../../src/tiler/input/geojsonBuildings';
import { buildingHeight, parseLengthM, parseLevels } from '../../../src/tiler/input/osmTags';
import { osmXmlToInputs } from '../../../src/tiler/input/osmXml';
import { assembleRings } from '../../../src/tiler/input/ringAssembly';

const origin = { lonDeg: 121.5, latDeg: 31.25, heightM: 0 };
const frame = new EnuFrame(origin);
const d = 0.0005; // ≈ 50 m

function square(lon: number, lat: number, size = d): number[][] {
  return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]];
}

describe('OSM tags', () => {
  it('parses heights and levels the way mappers write them', () => {
    expect(parseLengthM('45')).toBe(45);
    expect(parseLengthM('45 m')).toBe(45);
    expect(parseLengthM('10,5')).toBe(10.5);
    expect(parseLengthM('100 ft')).toBeCloseTo(30.48);
    expect(parseLengthM('tall')).toBeNull();
    expect(parseLengthM('-3')).toBeNull();
    expect(parseLevels('3;4')).toBe(4);
    expect(parseLevels('abc')).toBeNull();
  });

  it('takes height, else levels × 3.2 m, else a default', () => {
    expect(buildingHeight({ height: '30', 'building:levels': '9' })).toEqual({ heightM: 30, floors: 9, basis: 'height' });
    expect(buildingHeight({ 'building:height': '16' })).toMatchObject({ heightM: 16, floors: 5 });
    expect(buildingHeight({ 'building:levels': '5' })).toEqual({ heightM: 16, floors: 5, basis: 'levels' });
    expect(buildingHeight({})).toMatchObject({ heightM: 10, basis: 'default' });
  });
});

describe('GeoJSON buildings', () => {
  const fc = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { '@id': 'way/1', building: 'yes', name: '龙美术馆', 'name:en': 'Long Museum', height: '24' }, geometry: { type: 'Polygon', coordinates: [square(121.5, 31.25)] } },
      { type: 'Feature', id: 'relation/2', properties: { tags: { building: 'apartments', 'building:levels': '6' } }, geometry: { type: 'MultiPolygon', coordinates: [[square(121.501, 31.25)], [square(121.502, 31.25)]] } },
      { type: 'Feature', properties: { building: 'yes' }, geometry: { type: 'Polygon', coordinates: [square(121.503, 31.25).reverse()] } },
      { type: 'Feature', properties: { building: 'yes' }, geometry: { type: 'Point', coordinates: [121.5, 31.25] } },
      { type: 'Feature', properties: { building: 'yes' }, geometry: { type: 'Polygon', coordinates: [[[121.5, 31.25], [121.5001, 31.25], [121.5, 31.25]]] } },
      { type: 'Feature', properties: { building: 'yes' }, geometry: { type: 'Polygon', coordinates: [[[121.5, 31.25], ['x', 31.25], [121.5, 31.26]]] } },
      { type: 'Feature', properties: { building: 'no' }, geometry: { type: 'Polygon', coordinates: [square(121.504, 31.25)] } },
    ],
  };

  it('converts polygons and multipolygons to ENU buildings with OSM ids, names and heights', () => {
    const r = geojsonToBuildings(fc, { origin, zoneId: 'z' });
    expect(r.buildings.map((b) => b.id)).toEqual(['osm:way/1', 'osm:relation/2', 'osm:relation/2#2', 'gen:z:geojson-2']);
    const museum = r.buildings[0]!;
    expect(museum).toMatchObject({ name: '龙美术馆', nameEn: 'Long Museum', heightM: 24, source: 'osm', osmId: 'way/1' });
    const sw = frame.lonLatToEnu(121.5, 31.25, 0);
    expect(museum.footprint.some(([x, y]) => Math.hypot(x - sw[0], y - sw[1]) < 1e-6)).toBe(true);
    expect(signedArea(museum.footprint)).toBeGreaterThan(2000);
    expect(r.buildings[1]).toMatchObject({ heightM: 19.2, floors: 6, landUse: 'R' });
    expect(r.buildings[3]).toMatchObject({ source: 'generated', osmId: '' });
    expect(signedArea(r.buildings[3]!.footprint)).toBeGreaterThan(0);
    expect(r.stats.skipped).toMatchObject({ notPolygon: 1, degenerate: 1, invalidCoordinates: 1, notBuilding: 1 });
  });

  it('rejects input that is not a FeatureCollection', () => {
    expect(() => geojsonToBuildings({ type: 'Feature' }, { origin, zoneId: 'z' })).toThrow(/FeatureCollection/);
  });
});

describe('multipolygon ring assembly', () => {
  it('joins open ways in any direction and reports leftovers', () => {
    const r = assembleRings([['a', 'b', 'c'], ['a', 'd', 'c'], ['x', 'y', 'z', 'x'], ['p', 'q']]);
    expect(r.rings).toHaveLength(2);
    expect(r.rings[1]).toEqual(['a', 'b', 'c', 'd', 'a']);
    expect(r.unclosed).toBe(1);
  });
});

describe('OSM XML', () => {
  const node = (id: number, lon: number, lat: number, extra = ''): string => `<node id="${id}" lat="${lat}" lon="${lon}"${extra}/>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6">
 ${node(1, 121.5, 31.25)} ${node(2, 121.5005, 31.25)} ${node(3, 121.5005, 31.2505)} ${node(4, 121.5, 31.2505)}
 ${node(5, 121.501, 31.25)} ${node(6, 121.5015, 31.25)} ${node(7, 121.5015, 31.2505)} ${node(8, 121.501, 31.2505)}
 <node id="9" lat="31.25" lon="121.502"><tag k="highway" v="traffic_signals"/></node>
 ${node(10, 121.503, 31.25, ' visible="false"')}
 <node id="11" lat="abc" lon="121.5"/>
 <way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/>
  <tag k="building" v="university"/><tag k="name" v="A&amp;B 楼"/><tag k="building:levels" v="4"/><tag k="roof:shape" v="gable"/></way>
 <way id="101"><nd ref="5"/><nd ref="6"/><nd ref="7"/></way>
 <way id="102"><nd ref="7"/><nd ref="8"/><nd ref="5"/></way>
 <relation id="200"><member type="way" ref="101" role="outer"/><member type="way" ref="102" role="outer"/>
  <tag k="type" v="multipolygon"/><tag k="building" v="yes"/><tag k="name:en" v="Hall"/></relation>
 <way id="103"><nd ref="1"/><nd ref="2"/><nd ref="10"/><nd ref="1"/><tag k="building" v="yes"/></way>
 <way id="104"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="building" v="yes"/></way>
 <way id="105"><nd ref="1"/><nd ref="5"/><nd ref="9"/><tag k="highway" v="primary"/><tag k="oneway" v="-1"/><tag k="maxspeed" v="50"/><tag k="name" v="四平路"/></way>
 <way id="106"><nd ref="5"/><nd ref="6"/><nd ref="7"/><nd ref="8"/><nd ref="5"/><tag k="leisure" v="park"/><tag k="name" v="小公园"/></way>
 <way id="107"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/><tag k="landuse" v="residential"/></way>
 <relation id="201"><member type="way" ref="999" role="outer"/><tag k="type" v="multipolygon"/><tag k="building" v="yes"/></relation>
</osm>`;

  it('reads buildings from ways and stitched multipolygons, counting what it skips', () => {
    const r = osmXmlToInputs(xml, { origin });
    expect(r.buildings.map((b) => b.id).sort()).toEqual(['osm:relation/200', 'osm:way/100']);
    const uni = r.buildings.find((b) => b.id === 'osm:way/100')!;
    expect(uni).toMatchObject({ name: 'A&B 楼', floors: 4, heightM: 12.8, landUse: 'A', roof: 'gable', osmId: 'way/100' });
    expect(r.buildings.find((b) => b.id === 'osm:relation/200')!.nameEn).toBe('Hall');
    // way/103 uses a deleted node, way/104 is not closed, relation/201 lacks its member way.
    expect(r.stats.buildingsSkipped.incomplete).toBe(3);
    expect(r.stats.invalidNodes).toBe(1);
  });

  it('reads highways (one-way reversed), signals and ground areas', () => {
    const r = osmXmlToInputs(xml, { origin });
    expect(r.highways).toHaveLength(1);
    const h = r.highways[0]!;
    expect(h).toMatchObject({ osmId: 'way/105', highway: 'primary', oneway: true, maxspeedKmh: 50, name: '四平路' });
    const n9 = frame.lonLatToEnu(121.502, 31.25, 0);
    expect(h.points[0]![0]).toBeCloseTo(n9[0], 6);
    expect(r.signals).toEqual([{ osmId: 'node/9', x: expect.closeTo(n9[0], 6), y: expect.closeTo(n9[1], 6) }]);
    expect(r.ground.map((g) => [g.id, g.kind, g.landUse])).toEqual([
      ['osm:way/106', 'green', 'G'],
      ['osm:way/107', 'landuse', 'R'],
    ]);
  });

  it('rejects documents that are not OSM XML', () => {
    expect(() => osmXmlToInputs('<html><body/></html>', { origin })).toThrow(/OSM/);
    expect(() => osmXmlToInputs('<osm><node', { origin })).toThrow();
  });
});
