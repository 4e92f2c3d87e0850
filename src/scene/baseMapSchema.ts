/**
 * A deployment's own base map for the globe view (`baseMap` in a scene file): an XYZ tile
 * template or a WMTS service, for example 天地图 with the deployment's key. Without one the globe
 * shows the Natural Earth II imagery that ships with Cesium, which needs no network.
 *
 * The viewer's geometry is WGS84. CGCS2000 tiles (天地图) agree with it to well under a metre;
 * GCJ-02 tiles (most commercial Chinese maps) are shifted by some hundreds of metres, so a scene
 * must say which datum its tiles use, and GCJ-02 is reported as a problem when the map is shown.
 */
import { z } from 'zod';

const templateUrl = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL or URL template');

const common = {
  url: templateUrl,
  /** Values for a `{s}` placeholder in the URL (load spreading across hosts, e.g. 天地图 t0–t7). */
  subdomains: z.array(z.string().regex(/^[A-Za-z0-9-]{1,16}$/)).max(16).optional(),
  minimumLevel: z.number().int().min(0).max(22).default(0),
  maximumLevel: z.number().int().min(0).max(22).default(18),
  /** Web Mercator (…_w services, XYZ maps) or geographic lon/lat tiles (…_c services). */
  tilingScheme: z.enum(['webMercator', 'geographic']).default('webMercator'),
  /** The datum of the tiles; see the module comment. */
  datum: z.enum(['wgs84', 'cgcs2000', 'gcj02']).default('wgs84'),
  /** Shown with the map, as the provider's terms require. */
  attribution: z.object({ text: z.string().min(1).max(300), url: z.string().url().optional() }),
  /** Free text for operators: where the tiles come from and how their coordinates relate to WGS84. */
  crsNote: z.string().max(500).optional(),
};

export const baseMapSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('xyz'), ...common }),
    z.object({
      kind: z.literal('wmts'),
      ...common,
      layer: z.string().min(1).max(100),
      style: z.string().min(1).max(100).default('default'),
      tileMatrixSetId: z.string().min(1).max(100),
      format: z.string().min(1).max(100).default('image/png'),
      /** Names of the tile matrices by level when they are not "0", "1", … (天地图's _c sets start at "1"). */
      tileMatrixLabels: z.array(z.string().min(1).max(32)).max(30).optional(),
    }),
  ])
  .superRefine((m, ctx) => {
    if (m.kind === 'xyz' && !['{z}', '{x}', '{y}'].every((p) => m.url.includes(p))) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'an XYZ template needs {z}, {x} and {y}' });
    }
    if (m.url.includes('{s}') && !m.subdomains?.length) {
      ctx.addIssue({ code: 'custom', path: ['subdomains'], message: 'the URL has {s}: list its subdomains' });
    }
    if (m.minimumLevel > m.maximumLevel) {
      ctx.addIssue({ code: 'custom', path: ['minimumLevel'], message: 'minimumLevel must not exceed maximumLevel' });
    }
  });

export type BaseMap = z.infer<typeof baseMapSchema>;
