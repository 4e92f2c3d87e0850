/**
 * Entity schemas of the wire protocol (docs/feed-protocol.md). Positions are WGS84 degrees and
 * timestamps are server epoch ms. Every number is range-checked: zod already rejects NaN and
 * ±Infinity, and the ranges reject absurd finite values such as 1e308.
 */
import { z } from 'zod';
import { INCIDENT_STATUSES, SIGNAL_COLORS, VEHICLE_CLASSES } from '../../sim/types';
import { MAX_EPOCH_MS, MAX_ID_LENGTH, MIN_EPOCH_MS } from './limits';

export const idSchema = z.string().min(1).max(MAX_ID_LENGTH).regex(/^[A-Za-z0-9_.:-]+$/, 'id may hold letters, digits and _.:-');
export const tsSchema = z.number().int().min(MIN_EPOCH_MS).max(MAX_EPOCH_MS);
export const lonSchema = z.number().min(-180).max(180);
export const latSchema = z.number().min(-90).max(90);
const label = z.string().max(200);
const localized = z.object({ zh: label, en: label });
const kindName = z.string().min(1).max(32).regex(/^[a-z0-9_]+$/, 'lower-case name');

export const vehicleSchema = z.object({
  id: idSchema,
  cls: z.enum(VEHICLE_CLASSES),
  lonDeg: lonSchema,
  latDeg: latSchema,
  /** Degrees clockwise from true north. */
  headingDeg: z.number().min(0).max(360),
  speedMps: z.number().min(0).max(100),
  /** SAE J3016 level. */
  automation: z.number().int().min(0).max(5).optional(),
  route: z.string().max(MAX_ID_LENGTH).optional(),
  line: z.object({
    id: idSchema,
    nextStops: z.array(z.object({ stopId: idSchema, etaS: z.number().min(0).max(86_400) })).max(5),
  }).optional(),
  ts: tsSchema.optional(),
});

export const vehicleRemovedSchema = z.object({ id: idSchema, removed: z.literal(true), ts: tsSchema });

export const sensorReadingSchema = z.object({
  id: idSchema,
  type: kindName,
  value: z.number().min(-1e6).max(1e6),
  unit: z.string().max(16),
  ts: tsSchema,
  quality: z.enum(['good', 'suspect', 'bad']),
});

export const approachSchema = z.object({
  id: idSchema,
  /** Direction of travel into the junction, degrees clockwise from north. */
  bearingDeg: z.number().min(0).max(360),
  road: label.optional(),
  state: z.enum(SIGNAL_COLORS),
  /** Seconds of simulated (or real, timeScale 1) time until the state changes. */
  remainingS: z.number().min(0).max(600),
});

export const signalSchema = z.object({
  id: idSchema,
  nodeId: z.number().int().optional(),
  lonDeg: lonSchema,
  latDeg: latSchema,
  cycleS: z.number().min(1).max(600).optional(),
  /** How many seconds of signal time pass per second of server time (1 for a real feed). */
  timeScale: z.number().min(1).max(60).optional(),
  approaches: z.array(approachSchema).min(1).max(16),
  ts: tsSchema.optional(),
});

export const segmentSchema = z.object({
  id: idSchema,
  edgeId: z.number().int(),
  dir: z.enum(['f', 'r']),
  speedKmh: z.number().min(0).max(200),
  flowVph: z.number().min(0).max(20_000),
  congestion: z.number().int().min(0).max(3),
  ts: tsSchema.optional(),
});

export const incidentSchema = z.object({
  id: idSchema,
  type: kindName,
  severity: z.number().int().min(1).max(4),
  lonDeg: lonSchema,
  latDeg: latSchema,
  status: z.enum(INCIDENT_STATUSES),
  startedTs: tsSchema.optional(),
  description: localized.optional(),
  edgeId: z.number().int().optional(),
  sensorId: idSchema.optional(),
  ts: tsSchema.optional(),
});

export const thresholdsSchema = z.object({
  warn: z.number().min(-1e6).max(1e6),
  alarm: z.number().min(-1e6).max(1e6),
  direction: z.enum(['above', 'below']),
});

export const sensorInfoSchema = z.object({
  id: idSchema,
  type: kindName,
  name: localized,
  lonDeg: lonSchema,
  latDeg: latSchema,
  unit: z.string().max(16),
  reportEveryS: z.number().min(1).max(86_400).optional(),
  thresholds: thresholdsSchema.optional(),
  capacity: z.number().int().min(0).max(100_000).optional(),
  stationId: idSchema.optional(),
});

export const busStopInfoSchema = z.object({ id: idSchema, lineId: idSchema, name: localized, lonDeg: lonSchema, latDeg: latSchema });
export const busLineInfoSchema = z.object({ id: idSchema, name: localized, stopIds: z.array(idSchema).max(500), lengthM: z.number().min(0).max(1e6) });

export const catalogueSchema = z.object({
  sensors: z.array(sensorInfoSchema).max(20_000).optional(),
  lines: z.array(busLineInfoSchema).max(2_000).optional(),
  stops: z.array(busStopInfoSchema).max(20_000).optional(),
});

export type WireVehicle = z.infer<typeof vehicleSchema>;
export type WireVehicleRemoved = z.infer<typeof vehicleRemovedSchema>;
export type WireSensorReading = z.infer<typeof sensorReadingSchema>;
export type WireSignal = z.infer<typeof signalSchema>;
export type WireApproach = z.infer<typeof approachSchema>;
export type WireSegment = z.infer<typeof segmentSchema>;
export type WireIncident = z.infer<typeof incidentSchema>;
export type WireSensorInfo = z.infer<typeof sensorInfoSchema>;
export type WireBusStop = z.infer<typeof busStopInfoSchema>;
export type WireBusLine = z.infer<typeof busLineInfoSchema>;
export type WireCatalogue = z.infer<typeof catalogueSchema>;
export type WireThresholds = z.infer<typeof thresholdsSchema>;
