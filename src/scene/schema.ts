/**
 * Zone scene schema (scenes/*.json). Everything zone-specific the viewer needs lives here,
 * not in components: origin, bounds, tilesets, ground layers, viewpoints, attribution.
 */
import { z } from 'zod';
import { baseMapSchema } from './baseMapSchema';
import { checkTourAndStoryRefs, storySchema, tourSchema } from './storySchema';

export const SCENE_SCHEMA_VERSION = 1;

/** The app's working modes; a scene or the site index can name the one a deployment opens in. */
export const APP_MODES = ['planner', 'screen', 'kiosk'] as const;
const modeSchema = z.enum(APP_MODES);

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

/** Alert severities, most severe first (red, orange, yellow, blue in the city's emergency colours). */
export const ALERT_SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
const severity = z.enum(ALERT_SEVERITIES);
const kindName = z.string().regex(/^[a-z0-9_]+$/, 'lower-case type name');
const ruleId = z.string().regex(/^[a-z0-9-]+$/, 'lower-case id with dashes');
const assetId = z.string().min(1).max(128);

/**
 * Warn and alarm levels of a sensor type. 'capacity' makes them fractions of each sensor's
 * capacity (a car park is "nearly full" at 85 % whatever its size).
 */
export const sensorThresholdSchema = z.object({
  warn: finite,
  alarm: finite,
  direction: z.enum(['above', 'below']),
  relativeTo: z.enum(['absolute', 'capacity']).default('absolute'),
});

const ruleCommon = {
  id: ruleId,
  name: localizedName,
  /** Sensor types the rule watches; with sensorIds, only those sensors. */
  sensorTypes: z.array(kindName).min(1),
  sensorIds: z.array(assetId).optional(),
  /** After the condition has been clear this long, the system closes the alert itself. */
  autoCloseAfterS: finite.min(0).optional(),
  /** A condition that returns within this long of its alert being closed re-opens that alert. */
  reopenWithinS: finite.min(0).default(600),
};

/** One alert rule: what to watch and how severe a hit is. Evaluated by src/analysis/alerts. */
export const alertRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    ...ruleCommon,
    kind: z.literal('threshold'),
    /** Severity when the sensor is in its warning band, and in its alarm band. */
    severity: z.object({ warning: severity.optional(), alarm: severity }),
  }),
  z.object({
    ...ruleCommon,
    kind: z.literal('rate'),
    direction: z.enum(['rise', 'fall']),
    /** Change per minute of feed time (in the sensor's unit) that trips the rule. */
    perMinute: finite.positive(),
    windowS: finite.min(10).max(3600).default(300),
    severity,
  }),
  z.object({ ...ruleCommon, kind: z.literal('stale'), severity }),
  z.object({
    id: ruleId,
    name: localizedName,
    kind: z.literal('incident'),
    incidentTypes: z.array(kindName).min(1),
    /** Severity by the feed's incident severity 1 (low) … 4 (high). */
    severityByLevel: z.tuple([severity, severity, severity, severity]).default(['info', 'minor', 'major', 'critical']),
    autoCloseAfterS: finite.min(0).optional(),
    reopenWithinS: finite.min(0).default(600),
  }),
]);

/** Live layers, alerts and city vital signs (城市生命体征) of a zone. Every field has a default. */
export const liveConfigSchema = z.object({
  /** Per sensor type; overrides thresholds announced by the feed's catalogue. */
  sensorThresholds: z.record(kindName, sensorThresholdSchema).default({}),
  alertRules: z.array(alertRuleSchema).default([]),
  /** Radio coverage drawn around each roadside unit, metres. */
  rsuCoverageM: finite.positive().max(5000).default(300),
  kpi: z
    .object({
      /** Length of each KPI's trend line, minutes, and the sampling period, seconds. */
      trendMinutes: finite.min(1).max(240).default(10),
      sampleEveryS: finite.min(1).max(60).default(2),
      /** SAE level from which a vehicle counts as autonomous. */
      autonomousFromLevel: z.number().int().min(1).max(5).default(3),
    })
    .prefault({}),
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
    /**
     * Whether the tiler wrote planning layers (plan/plan.json) for this zone; false for a zone with
     * no 控规 data (the synthetic city), so the planner says so instead of failing to load one.
     */
    planLayers: z.boolean().optional(),
    /** Date used for the default sun position (ISO, local time in Asia/Shanghai). */
    sunDefault: z.string().datetime({ offset: true }).optional(),
    /**
     * Live feed for this zone (`{ kind: 'sim'|'ws'|'mqtt', url?, topicPrefix?, seed?, … }`); URL
     * parameters override it. Checked by src/feed/config.ts, which reports a bad block and falls
     * back to the built-in simulator instead of rejecting the whole scene.
     */
    feed: z.unknown().optional(),
    /** Static sensor/vehicle catalogue; validated by the feed ingest like any feed input. */
    catalogue: z.unknown().optional(),
    /** Live layers, alert rules, sensor thresholds and KPI settings; optional, with defaults. */
    live: liveConfigSchema.prefault({}),
    /**
     * Data notes shown on screen (ODbL requires the OSM one). `text` is one string when it reads
     * the same in both languages (a copyright line), else `{ zh, en }`: the UI shows only the
     * current language, never both glued together.
     */
    attribution: z.array(z.object({ text: z.union([z.string().min(1), localizedName]), url: z.string().url().optional() })).min(1),
    /** The globe view's base map for a deployment (XYZ or WMTS, e.g. 天地图); without it, offline Natural Earth II. */
    baseMap: baseMapSchema.optional(),
    /** The mode this zone opens in when the link names none (a wall's or kiosk's scene). */
    mode: modeSchema.optional(),
    /** Camera tours for the operation-centre big screen (src/scene/storySchema.ts). */
    tours: z.array(tourSchema).optional(),
    /** Guided stories for kiosks and every mode: camera, layers, highlight and caption per step. */
    stories: z.array(storySchema).optional(),
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
    checkTourAndStoryRefs(s, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
  });

export type Scene = z.infer<typeof sceneSchema>;
export type Viewpoint = z.infer<typeof viewpointSchema>;
export type TilesetRef = z.infer<typeof tilesetRefSchema>;
export type GroundLayer = z.infer<typeof groundLayerSchema>;
export type LiveConfig = z.infer<typeof liveConfigSchema>;
export type AlertRule = z.infer<typeof alertRuleSchema>;
export type SensorThresholdSpec = z.infer<typeof sensorThresholdSchema>;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export type { Story, StoryHighlight, StoryStep, Tour, TourStop } from './storySchema';

/** The list of zones the app offers (scenes/index.json). */
export const sceneIndexSchema = z.object({
  zones: z.array(z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    file: z.string().min(1),
    /**
     * Offered only where its tiles have been built (the synthetic city-scale zone, which
     * `npm run tiles` leaves out unless named): a missing tileset hides the zone, not an error.
     */
    optional: z.boolean().optional(),
  })).min(1),
  /** Site-wide mode (a deployment's config): planner unless a scene or the link says otherwise. */
  mode: modeSchema.optional(),
});
export type SceneIndex = z.infer<typeof sceneIndexSchema>;
