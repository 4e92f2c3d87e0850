/**
 * Issue 15 item 17: the globe had no context (black, then a grey disc) and did not show the
 * selection. Natural Earth II from Cesium's own assets is the offline base map, a scene may name
 * a deployment map (XYZ/WMTS, e.g. 天地图), and the selected building is tinted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseMapSchema } from '../../../src/scene/baseMapSchema';
import { sceneSchema } from '../../../src/scene/schema';
import { baseMapSpec, datumProblem, NATURAL_EARTH_PATH, redactedUrl } from '../../../src/views/globe/baseMapModel';
import { selectionColorConditions, selectionColorHex } from '../../../src/views/globe/globeSelection';
import { HIGHLIGHT_SELECT_COLOR } from '../../../src/layers/buildings/model';

const root = resolve(import.meta.dirname, '../../..');

const TIANDITU_XYZ = {
  kind: 'xyz',
  url: 'https://t{s}.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk=SECRETKEY',
  subdomains: ['0', '1', '2', '3', '4', '5', '6', '7'],
  datum: 'cgcs2000',
  attribution: { text: '© 天地图 国家地理信息公共服务平台', url: 'https://www.tianditu.gov.cn/' },
  crsNote: 'CGCS2000, within a metre of WGS84 at these scales',
};

const TIANDITU_WMTS = {
  kind: 'wmts',
  url: 'https://t{s}.tianditu.gov.cn/img_c/wmts?tk=KEY',
  subdomains: ['0', '1'],
  layer: 'img',
  tileMatrixSetId: 'c',
  format: 'tiles',
  tilingScheme: 'geographic',
  tileMatrixLabels: ['1', '2', '3'],
  datum: 'cgcs2000',
  attribution: { text: '© 天地图' },
};

describe('offline Natural Earth II', () => {
  it('ships inside the cesium package, and the build copies the folder it lives in', () => {
    const dir = resolve(root, 'node_modules/cesium/Build/Cesium', NATURAL_EARTH_PATH);
    expect(existsSync(resolve(dir, 'tilemapresource.xml'))).toBe(true);
    expect(existsSync(resolve(dir, '0/0/0.jpg'))).toBe(true);
    const vite = readFileSync(resolve(root, 'vite.config.ts'), 'utf8');
    expect(vite).toContain("src: 'node_modules/cesium/Build/Cesium/Assets', dest: 'cesium'");
  });
});

describe('scene baseMap', () => {
  it('accepts 天地图 as XYZ and as WMTS, with defaults filled in', () => {
    const xyz = baseMapSchema.parse(TIANDITU_XYZ);
    expect(xyz).toMatchObject({ kind: 'xyz', tilingScheme: 'webMercator', minimumLevel: 0, maximumLevel: 18 });
    const wmts = baseMapSchema.parse(TIANDITU_WMTS);
    expect(wmts).toMatchObject({ kind: 'wmts', style: 'default', tilingScheme: 'geographic' });
  });

  it('refuses a map it could not draw or must not show', () => {
    const bad = (v: object) => baseMapSchema.safeParse({ ...TIANDITU_XYZ, ...v }).success;
    expect(bad({ url: 'https://example.org/tiles/{z}/{x}.png' })).toBe(false); // no {y}
    expect(bad({ url: 'javascript:alert(1)//{z}{x}{y}' })).toBe(false);
    expect(bad({ subdomains: undefined })).toBe(false); // {s} without subdomains
    expect(bad({ attribution: undefined })).toBe(false); // providers' terms need the credit
    expect(bad({ minimumLevel: 10, maximumLevel: 5 })).toBe(false);
    expect(bad({ datum: 'bd09' })).toBe(false);
    expect(baseMapSchema.safeParse({ ...TIANDITU_WMTS, layer: undefined }).success).toBe(false);
  });

  it('is optional in a scene, and a scene file may carry one', () => {
    const scene = JSON.parse(readFileSync(resolve(root, 'scenes/westbund.json'), 'utf8')) as Record<string, unknown>;
    expect(sceneSchema.safeParse(scene).success).toBe(true);
    const withMap = sceneSchema.safeParse({ ...scene, baseMap: TIANDITU_XYZ });
    expect(withMap.success).toBe(true);
    expect(withMap.data?.baseMap?.datum).toBe('cgcs2000');
    const schemaJson = JSON.parse(readFileSync(resolve(root, 'scenes/scene.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    expect(schemaJson.properties.baseMap).toBeDefined();
  });

  it('turns into Cesium provider options, with the credit, and keeps keys out of messages', () => {
    const xyz = baseMapSpec(baseMapSchema.parse(TIANDITU_XYZ));
    expect(xyz.provider).toBe('urlTemplate');
    expect(xyz.options).toMatchObject({ url: TIANDITU_XYZ.url, subdomains: TIANDITU_XYZ.subdomains, maximumLevel: 18, credit: '© 天地图 国家地理信息公共服务平台' });
    const wmts = baseMapSpec(baseMapSchema.parse(TIANDITU_WMTS));
    expect(wmts).toMatchObject({ provider: 'wmts', tilingScheme: 'geographic', options: { layer: 'img', tileMatrixSetID: 'c', format: 'tiles', style: 'default', tileMatrixLabels: ['1', '2', '3'] } });
    expect(redactedUrl(TIANDITU_XYZ.url)).toBe('https://t{s}.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk=…');
  });

  it('warns about GCJ-02 tiles, which never line up with the WGS84 city', () => {
    expect(datumProblem(baseMapSchema.parse(TIANDITU_XYZ))).toBeNull();
    expect(datumProblem(baseMapSchema.parse({ ...TIANDITU_XYZ, datum: 'gcj02' }))).toMatch(/GCJ-02/);
  });
});

describe('globe selection highlight', () => {
  it('tints the selected id in the three.js view colour and leaves the rest white (unblended)', () => {
    expect(selectionColorHex()).toBe(`#${HIGHLIGHT_SELECT_COLOR.toString(16).padStart(6, '0')}`);
    expect(selectionColorConditions('osm:way/1271909276')).toEqual([
      ["${id} === 'osm:way/1271909276'", `color('${selectionColorHex()}')`],
      ['true', "color('white')"],
    ]);
    expect(selectionColorConditions(null)).toBeNull();
  });

  it('never lets an id break out of the style expression', () => {
    expect(selectionColorConditions("x' || true || '")).toBeNull();
    expect(selectionColorConditions('a\\b')).toBeNull();
    expect(selectionColorConditions('')).toBeNull();
  });
});
