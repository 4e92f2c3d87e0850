/**
 * What the globe draws under the zone: always Natural Earth II from Cesium's own assets (offline,
 * so an operation centre with no internet still sees land, sea and coastline instead of a black
 * or grey ball), and on top of it the scene's deployment base map when it names one. Pure: turns
 * a validated `baseMap` block into the options of Cesium's imagery providers, and says when a
 * map's datum will not line up with the WGS84 city.
 */
import type { BaseMap } from '../../scene/baseMapSchema';

/** Inside Cesium's Build/Cesium (copied to dist/cesium by vite.config.ts): a TMS pyramid, levels 0–2. */
export const NATURAL_EARTH_PATH = 'Assets/Textures/NaturalEarthII';
export const NATURAL_EARTH_CREDIT = 'Natural Earth II (naturalearthdata.com), with CesiumJS';

export interface TemplateSpec {
  provider: 'urlTemplate';
  options: { url: string; subdomains?: string[]; minimumLevel: number; maximumLevel: number; credit: string };
  tilingScheme: 'webMercator' | 'geographic';
}

export interface WmtsSpec {
  provider: 'wmts';
  options: {
    url: string; layer: string; style: string; tileMatrixSetID: string; format: string; subdomains?: string[];
    tileMatrixLabels?: string[]; minimumLevel: number; maximumLevel: number; credit: string;
  };
  tilingScheme: 'webMercator' | 'geographic';
}

export type BaseMapSpec = TemplateSpec | WmtsSpec;

export function baseMapSpec(m: BaseMap): BaseMapSpec {
  const shared = {
    url: m.url,
    ...(m.subdomains?.length ? { subdomains: [...m.subdomains] } : {}),
    minimumLevel: m.minimumLevel,
    maximumLevel: m.maximumLevel,
    credit: m.attribution.text,
  };
  if (m.kind === 'xyz') return { provider: 'urlTemplate', options: shared, tilingScheme: m.tilingScheme };
  return {
    provider: 'wmts',
    options: {
      ...shared, layer: m.layer, style: m.style, tileMatrixSetID: m.tileMatrixSetId, format: m.format,
      ...(m.tileMatrixLabels?.length ? { tileMatrixLabels: [...m.tileMatrixLabels] } : {}),
    },
    tilingScheme: m.tilingScheme,
  };
}

/**
 * Why a base map will not line up with the city (reported once when it is shown), or null.
 * GCJ-02 is an obfuscated datum: its offset varies with position (≈ 300–600 m around Shanghai),
 * so it cannot be fixed by moving the layer.
 */
export function datumProblem(m: BaseMap): string | null {
  if (m.datum !== 'gcj02') return null;
  return 'base map tiles are GCJ-02: they are shifted by hundreds of metres from the WGS84 city; use WGS84 or CGCS2000 tiles (e.g. 天地图)';
}

/** A URL fit for an error message: a 天地图-style `tk=` key is not shown on screen. */
export function redactedUrl(url: string): string {
  return url.replace(/([?&](?:tk|key|token|access_token)=)[^&]*/gi, '$1…');
}
