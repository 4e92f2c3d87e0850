/**
 * Pins every KPI to its definition in docs/kpis.md: hand-computed inputs, exact expected numbers.
 * The last test runs the whole path from protocol messages through the feed's buffers.
 */
import { describe, expect, it } from 'vitest';
import { buildRoadIndex, countVehicles, gatherVitalsInput, segmentSamples } from '../../../src/analysis/live/gather';
import { readSensors } from '../../../src/analysis/live/readSensors';
import { averageSpeedKmh, computeVitals, congestedShare, energyMeanDb, travelTimeIndex, type VitalsInput } from '../../../src/analysis/live/vitals';
import type { RoadGraph } from '../../../src/core/roadGraph';
import { hello } from '../feed/fixtures';
import { ingestWith, lonLat, sensorInfo, T0 } from './liveFixtures';

const base: VitalsInput = {
  atMs: T0, segments: [], vehiclesByClass: { robotaxi: 0, special: 0, bus: 0, car: 0, truck: 0 }, vehiclesAutonomous: 0,
  signalsTotal: 0, signalsOnline: 0, sensors: [], alerts: [],
};

describe('KPI definitions (docs/kpis.md)', () => {
  const segs = [
    { lengthM: 1000, speedKmh: 60, freeKmh: 60 },
    { lengthM: 500, speedKmh: 10, freeKmh: 50 },
    { lengthM: 500, speedKmh: 0, freeKmh: 40 },
  ];

  it('average speed: length-weighted mean of reporting segments', () => {
    expect(averageSpeedKmh(segs)).toBeCloseTo((1000 * 60 + 500 * 10 + 500 * 0) / 2000, 10);
    expect(averageSpeedKmh([])).toBeNull();
  });

  it('congestion index: actual over free-flow travel time, speeds floored at 1 km/h, never below 1', () => {
    const actual = 1000 / 60 + 500 / 10 + 500 / 1;
    const free = 1000 / 60 + 500 / 50 + 500 / 40;
    expect(travelTimeIndex(segs)).toBeCloseTo(actual / free, 10);
    expect(travelTimeIndex([{ lengthM: 100, speedKmh: 80, freeKmh: 60 }])).toBe(1);
    expect(travelTimeIndex([])).toBeNull();
  });

  it('congested share: length below 30 % of free flow over reporting length', () => {
    expect(congestedShare(segs)).toBeCloseTo(1000 / 2000, 10);
  });

  it('noise: energy mean of decibels, not the arithmetic mean', () => {
    expect(energyMeanDb([60, 60])).toBeCloseTo(60, 10);
    expect(energyMeanDb([60, 70])).toBeCloseTo(10 * Math.log10((1e6 + 1e7) / 2), 10);
    expect(energyMeanDb([60, 70])!).toBeGreaterThan(65);
    expect(energyMeanDb([])).toBeNull();
  });

  it('vehicles online by class, total and autonomous share', () => {
    const v = computeVitals({ ...base, vehiclesByClass: { robotaxi: 3, special: 1, bus: 2, car: 3, truck: 1 }, vehiclesAutonomous: 4 });
    expect(v.vehiclesOnline).toBe(10);
    expect(v.vehiclesByClass.bus).toBe(2);
    expect(v.autonomousShare).toBeCloseTo(0.4, 10);
    expect(computeVitals(base).autonomousShare).toBeNull();
  });

  it('signal health is online over known; RSU health is RSUs in normal state over RSUs known', () => {
    const v = computeVitals({
      ...base, signalsTotal: 8, signalsOnline: 6,
      sensors: [
        { type: 'rsu', value: 99, stale: false, level: 'normal' },
        { type: 'rsu', value: 80, stale: false, level: 'warning' },
        { type: 'rsu', value: 99, stale: true, level: 'offline' },
        { type: 'rsu', value: 98, stale: false, level: 'normal' },
      ],
    });
    expect(v.signalHealth).toBeCloseTo(0.75, 10);
    expect([v.rsuNormal, v.rsuTotal, v.rsuHealth]).toEqual([2, 4, 0.5]);
    expect(computeVitals(base).signalHealth).toBeNull();
  });

  it('AQI is the mean (and max) of fresh stations; stale and silent ones are left out', () => {
    const v = computeVitals({
      ...base, sensors: [
        { type: 'aqi', value: 40, stale: false, level: 'normal' },
        { type: 'aqi', value: 120, stale: false, level: 'warning' },
        { type: 'aqi', value: 400, stale: true, level: 'offline' },
        { type: 'aqi', value: null, stale: true, level: 'offline' },
      ],
    });
    expect(v.aqi).toBe(80);
    expect(v.aqiMax).toBe(120);
  });

  it('parking: availability is free over capacity of fresh lots; the total capacity is the catalogue\'s, reporting or not', () => {
    const v = computeVitals({
      ...base, sensors: [
        { type: 'parking', value: 80, stale: false, level: 'normal', capacity: 100 },
        { type: 'parking', value: 210, stale: false, level: 'alarm', capacity: 200 },
        { type: 'parking', value: 5, stale: true, level: 'offline', capacity: 100 },
        { type: 'parking', value: null, stale: true, level: 'pending', pending: true, capacity: 50 },
        { type: 'parking', value: 5, stale: false, level: 'normal' },
      ],
    });
    expect(v.parkingFree).toBe(20);
    expect(v.parkingCapacity).toBe(450);
    expect(v.parkingAvailability).toBeCloseTo(20 / 300, 10);
    expect(v.pending.parking).toBe(1);
    expect(computeVitals(base).parkingAvailability).toBeNull();
  });

  it('pending sensors (first report not yet due) count neither for nor against a KPI; they are counted apart', () => {
    const pending = { value: null, stale: true, level: 'pending' as const, pending: true };
    const v = computeVitals({
      ...base, sensors: [
        { type: 'rsu', value: 99, stale: false, level: 'normal' }, { type: 'rsu', value: 99, stale: false, level: 'normal' },
        { type: 'rsu', value: 99, stale: false, level: 'normal' }, { type: 'rsu', value: 0, stale: false, level: 'alarm' },
        { type: 'rsu', ...pending }, { type: 'rsu', ...pending },
        // Never reported and overdue: offline, and it counts against health.
        { type: 'rsu', value: null, stale: true, level: 'offline' },
        { type: 'aqi', ...pending }, { type: 'aqi', ...pending },
      ],
    });
    expect([v.rsuNormal, v.rsuTotal, v.pending.rsu]).toEqual([3, 7, 2]);
    expect(v.rsuHealth).toBeCloseTo(3 / 5, 10);
    expect(v.aqi).toBeNull();
    expect(v.pending.aqi).toBe(2);
    expect(computeVitals({ ...base, sensors: [{ type: 'rsu', ...pending }] }).rsuHealth).toBeNull();
  });

  it('vehicles online is unknown (null), not 0, while the feed has never delivered anything', () => {
    expect(computeVitals({ ...base, feedHasData: false }).vehiclesOnline).toBeNull();
    expect(computeVitals({ ...base, feedHasData: true }).vehiclesOnline).toBe(0);
  });

  it('open alerts by severity count new and acknowledged, not closed', () => {
    const v = computeVitals({
      ...base, alerts: [
        { severity: 'critical', status: 'new' }, { severity: 'critical', status: 'acknowledged' },
        { severity: 'minor', status: 'new' }, { severity: 'major', status: 'closed' },
      ],
    });
    expect(v.alertsOpen).toEqual({ critical: 2, major: 0, minor: 1, info: 0 });
    expect(v.alertsOpenTotal).toBe(3);
  });
});

describe('KPIs from the live feed, end to end', () => {
  const graph: RoadGraph = {
    version: 1, zoneId: 'jiading', nodes: [],
    edges: [
      { id: 7, from: 1, to: 2, points: [[0, 0], [1000, 0]], lengthM: 1000, lanes: 2, oneway: false, speedLimitKmh: 60, roadClass: 'primary', name: '', nameEn: '', source: 'osm' },
      { id: 9, from: 2, to: 3, points: [[1000, 0], [1000, 500]], lengthM: 500, lanes: 1, oneway: true, speedLimitKmh: 40, roadClass: 'tertiary', name: '', nameEn: '', source: 'osm' },
    ],
  };
  const veh = (id: string, cls: string, automation: number) => ({ id, cls, ...lonLat(10, 10), headingDeg: 0, speedMps: 5, automation, ts: T0 });

  it('gathers vehicles, segments, signals and sensors from the buffers and computes the same numbers', () => {
    const ing = ingestWith({
      catalogue: {
        sensors: [
          sensorInfo('aq-1', 'aqi', 0, 0), sensorInfo('aq-2', 'aqi', 100, 0), sensorInfo('n-1', 'noise', 0, 0),
          sensorInfo('p-1', 'parking', 0, 0, { capacity: 100 }), sensorInfo('r-1', 'rsu', 0, 0, { thresholds: { warn: 90, alarm: 50, direction: 'below' } }),
        ],
      },
      vehicles: [veh('RT-1', 'robotaxi', 4), veh('SV-1', 'special', 4), veh('B-1', 'bus', 2), veh('C-1', 'car', 0)],
      sensors: [
        { id: 'aq-1', type: 'aqi', value: 50, unit: 'AQI', ts: T0, quality: 'good' },
        { id: 'aq-2', type: 'aqi', value: 70, unit: 'AQI', ts: T0, quality: 'good' },
        { id: 'n-1', type: 'noise', value: 65, unit: 'dB(A)', ts: T0, quality: 'good' },
        { id: 'p-1', type: 'parking', value: 75, unit: 'spaces', ts: T0, quality: 'good' },
        { id: 'r-1', type: 'rsu', value: 99, unit: '%', ts: T0, quality: 'good' },
      ],
      signals: [
        { id: 'sig-1', ...lonLat(0, 0), approaches: [{ id: 'a', bearingDeg: 0, state: 'green', remainingS: 10 }], ts: T0 },
        { id: 'sig-2', ...lonLat(500, 0), approaches: [{ id: 'a', bearingDeg: 90, state: 'red', remainingS: 10 }], ts: T0 },
      ],
      segments: [
        { id: '7:f', edgeId: 7, dir: 'f', speedKmh: 30, flowVph: 100, congestion: 0, ts: T0 },
        { id: '9:f', edgeId: 9, dir: 'f', speedKmh: 40, flowVph: 100, congestion: 0, ts: T0 },
        { id: '99:f', edgeId: 99, dir: 'f', speedKmh: 5, flowVph: 100, congestion: 3, ts: T0 },
      ],
    });
    const roads = buildRoadIndex(graph);
    expect(segmentSamples(ing.segments, roads)).toHaveLength(2);
    expect(countVehicles(ing.vehicles, 3)).toEqual({ byClass: { robotaxi: 1, special: 1, bus: 1, car: 1, truck: 0 }, autonomous: 2 });
    const sensors = readSensors(ing.sensors, {});
    const v = computeVitals(gatherVitalsInput(ing, roads, sensors, [], 3, T0));
    expect(v.avgSpeedKmh).toBeCloseTo((1000 * 30 + 500 * 40) / 1500, 10);
    expect(v.congestionIndex).toBeCloseTo((1000 / 30 + 500 / 40) / (1000 / 60 + 500 / 40), 10);
    expect(v.vehiclesOnline).toBe(4);
    expect(v.autonomousShare).toBe(0.5);
    expect([v.signalsOnline, v.signalsTotal]).toEqual([2, 2]);
    expect(v.aqi).toBe(60);
    expect(v.noiseDb).toBeCloseTo(65, 10);
    expect([v.parkingFree, v.parkingCapacity]).toEqual([25, 100]);
    expect([v.rsuNormal, v.rsuTotal]).toEqual([1, 1]);
  });

  it('after a zone opens, silent sensors are pending for one report interval, then count as offline', () => {
    const every = { reportEveryS: 30, thresholds: { warn: 90, alarm: 50, direction: 'below' } };
    const ing = ingestWith({
      catalogue: {
        sensors: [
          sensorInfo('r-1', 'rsu', 0, 0, every), sensorInfo('r-2', 'rsu', 10, 0, every), sensorInfo('r-3', 'rsu', 20, 0, every),
          sensorInfo('p-1', 'parking', 0, 0, { capacity: 100 }), sensorInfo('p-2', 'parking', 5, 0, { capacity: 200 }),
          sensorInfo('aq-1', 'aqi', 0, 0),
        ],
      },
      sensors: [
        { id: 'r-1', type: 'rsu', value: 99, unit: '%', ts: T0, quality: 'good' },
        { id: 'p-1', type: 'parking', value: 40, unit: 'spaces', ts: T0, quality: 'good' },
      ],
    });
    const at = (ms: number) => {
      ing.flush(T0 + ms);
      return computeVitals(gatherVitalsInput(ing, new Map(), readSensors(ing.sensors, {}), [], 3, T0 + ms));
    };
    const early = at(0);
    expect([early.rsuNormal, early.rsuTotal, early.rsuHealth, early.pending.rsu]).toEqual([1, 3, 1, 2]);
    expect([early.parkingFree, early.parkingCapacity, early.pending.parking]).toEqual([60, 300, 1]);
    expect([early.aqi, early.pending.aqi]).toEqual([null, 1]);
    // 30 s interval + 10 s slack: the RSUs are still pending at 39 s and overdue at 41 s.
    expect(at(39_000).pending.rsu).toBe(2);
    const late = at(41_000);
    expect([late.rsuNormal, late.rsuTotal, late.pending.rsu]).toEqual([1, 3, 0]);
    expect(late.rsuHealth).toBeCloseTo(1 / 3, 10);
    // The car park and AQI station declare 60 s: still pending, and the capacity total never moved.
    expect([late.parkingCapacity, late.pending.parking, late.pending.aqi]).toEqual([300, 1, 1]);
    expect(at(71_000).pending).toEqual({ rsu: 0, aqi: 0, noise: 0, parking: 0 });
  });

  it('a reconnect gives never-seen sensors a fresh first-report window', () => {
    const ing = ingestWith({ catalogue: { sensors: [sensorInfo('r-1', 'rsu', 0, 0, { reportEveryS: 30 })] } });
    ing.flush(T0 + 60_000);
    expect(readSensors(ing.sensors, {})[0]!.level).toBe('offline');
    ing.onReconnected();
    ing.flush(T0 + 61_000);
    expect(readSensors(ing.sensors, {})[0]!.level).toBe('pending');
    ing.enqueue(hello(T0 + 62_000), T0 + 62_000);
    ing.flush(T0 + 62_000);
    ing.flush(T0 + 62_000 + 39_000);
    expect(readSensors(ing.sensors, {})[0]!.level).toBe('pending');
    ing.flush(T0 + 62_000 + 41_000);
    expect(readSensors(ing.sensors, {})[0]!.level).toBe('offline');
  });

  it('stale vehicles, signals and segments drop out of the KPIs once the feed marks them', () => {
    const ing = ingestWith({ vehicles: [veh('RT-1', 'robotaxi', 4)], segments: [{ id: '7:f', edgeId: 7, dir: 'f', speedKmh: 30, flowVph: 1, congestion: 0, ts: T0 }] });
    ing.flush(T0 + 10 * 60_000);
    const v = computeVitals(gatherVitalsInput(ing, buildRoadIndex(graph), [], [], 3, T0));
    expect(v.vehiclesOnline).toBe(0);
    expect(v.avgSpeedKmh).toBeNull();
  });
});
