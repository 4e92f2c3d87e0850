/**
 * Zone scene schema (scenes/*.json). Everything zone-specific the viewer needs lives here,
 * not in components: origin, bounds, tilesets, ground layers, viewpoints, attribution.
 */
import { z } from 'zod';

export const SCENE_SCHEMA_VERSION = 1;

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const lonDeg = finite.refine((v) => v >= -180 && v <= 180, { message: 'longitude must be within [-180, 180]' });
const latDeg = finite.refine((v) => v >= -90 && v <= 90, { message: 'latitude must be within [-90, 90]' });
const localizedName = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const colorHex = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour');

export const viewpointSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case id with dashes'),
  name: localizedName,
  /** Camera position and look-at target in the zone's ENU frame, metres [east, north, up]. */
  position: z.tuple([finite, finite, finite]),
  target: z.tuple([finite, finite, finite]),
});

export const tilesetRefSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['buildings', 'ground']),
  /** Relative to the app's base URL. */
  url: z.string().min(1),
  name: localizedName,
  /** Screen-space error target; lower means more detail. */
  errorTarget: finite.positive().default(16),
});

export const groundLayerSchema = z.object({
  id: z.enum(['water', 'road', 'green', 'landuse']),
  name: localizedName,
  color: colorHex,
  visible: z.boolean().default(true),
});

export const sceneSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCENE_SCHEMA_VERSION),
    id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case id with dashes'),
    name: localizedName,
    description: localizedName,
    origin: z.object({ lonDeg, latDeg, heightM: finite }),
    /** Geographic bounds of the zone. */
    bounds: z.object({ west: lonDeg, south: latDeg, east: lonDeg, north: latDeg }).refine(
      (b) => b.west < b.east && b.south < b.north,
      { message: 'bounds must have west < east and south < north' },
    ),
    tilesets: z.array(tilesetRefSchema).min(1),
    groundLayers: z.array(groundLayerSchema),
    viewpoints: z.array(viewpointSchema).min(4, 'at least four named viewpoints'),
    defaultViewpoint: z.string(),
    /** Search index of building names (public/tiles/<zone>/buildings-index.json). */
    buildingIndexUrl: z.string().min(1),
    /** Road graph for the simulator (public/tiles/<zone>/roads.json). */
    roadGraphUrl: z.string().min(1),
    /** Date used for the default sun position (ISO, local time in Asia/Shanghai). */
    sunDefault: z.string().datetime({ offset: true }).optional(),
    attribution: z.array(z.object({ text: z.string().min(1), url: z.string().url().optional() })).min(1),
  })
  .superRefine((s, ctx) => {
    if (!s.viewpoints.some((v) => v.id === s.defaultViewpoint)) {
      ctx.addIssue({ code: 'custom', path: ['defaultViewpoint'], message: `no viewpoint with id "${s.defaultViewpoint}"` });
    }
    const ids = new Set<string>();
    s.viewpoints.forEach((v, i) => {
      if (ids.has(v.id)) ctx.addIssue({ code: 'custom', path: ['viewpoints', i, 'id'], message: `duplicate viewpoint id "${v.id}"` });
      ids.add(v.id);
    });
    const { west, east, south, north } = s.bounds;
    const o = s.origin;
    if (o.lonDeg < west || o.lonDeg > east || o.latDeg < south || o.latDeg > north) {
      ctx.addIssue({ code: 'custom', path: ['origin'], message: 'origin must lie inside bounds' });
    }
  });

export type Scene = z.infer<typeof sceneSchema>;
export type Viewpoint = z.infer<typeof viewpointSchema>;
export type TilesetRef = z.infer<typeof tilesetRefSchema>;
export type GroundLayer = z.infer<typeof groundLayerSchema>;

/** The list of zones the app offers (scenes/index.json). */
export const sceneIndexSchema = z.object({
  zones: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), file: z.string().min(1) })).min(1),
});
export type SceneIndex = z.infer<typeof sceneIndexSchema>;
