/**
 * The zone's sensors over time: each reports on its own schedule (phase-shifted so they do not all
 * fire together), and scenario faults make a sensor go silent or an RSU report failure.
 */
import type { Rng } from '../../core/rng';
import { classRank, type Network } from '../network/Network';
import type { ReadingQuality } from '../types';
import type { ZoneProfile } from '../zones/zoneProfiles';
import {
  AIR_DRIFT_SD, AIR_DRIFT_TAU_S, chargerBusyModel, noiseModel, parkingOccupancyModel, pm25Model, poleHealthModel,
  rsuHealthModel, waterLevelStep, type AirState,
} from './models';
import { pm25ToAqi } from './aqi';
import type { SensorSpec } from './sensorSpec';

export interface SensorReading {
  id: string;
  value: number;
  /** Simulated time of the measurement, epoch ms. */
  simMs: number;
  quality: ReadingQuality;
}

interface SensorState {
  spec: SensorSpec;
  nextReportS: number;
  /** Per-device constant offset or factor, drawn once. */
  factor: number;
  level: number;
  catch: number;
  silentUntilS: number;
  failedUntilS: number;
  roadRank: number;
}

/** Water level above which an underpass sensor reports every 10 s instead of every minute. */
const FLOOD_MODE_CM = 1;
const PUMP_CM_PER_MIN = 0.6;

export class Sensors {
  readonly specs: SensorSpec[];
  readonly latest = new Map<string, SensorReading>();
  /** Readings produced since the last drain. */
  readonly pending: SensorReading[] = [];
  private readonly states: SensorState[];
  private readonly byId = new Map<string, SensorState>();
  private readonly air: AirState = { drift: 0 };
  private readonly pm25ByStation = new Map<string, number>();

  constructor(specs: SensorSpec[], net: Network, private readonly profile: ZoneProfile, private readonly rng: Rng, startS: number) {
    this.specs = specs;
    const stationPhase = new Map<string, number>();
    this.states = specs.map((spec) => {
      // Sensors of one station share a schedule so PM2.5 and AQI describe the same air.
      const phase = spec.stationId ? stationPhase.get(spec.stationId) ?? rng.range(0, spec.reportEveryS) : rng.range(0, spec.reportEveryS);
      if (spec.stationId) stationPhase.set(spec.stationId, phase);
      const node = spec.nodeId !== undefined ? net.nodes[net.nodeIndex(spec.nodeId) ?? -1] : undefined;
      const ranks = node ? [...node.inLinks, ...node.outLinks].map((li) => classRank(net.links[li]!.roadClass)) : [];
      const st: SensorState = {
        spec, nextReportS: startS + phase, factor: rng.range(0.75, 1.15), level: 0,
        catch: rng.range(0.02, 0.03), silentUntilS: -Infinity, failedUntilS: -Infinity, roadRank: ranks.length ? Math.max(...ranks) : 2,
      };
      this.byId.set(spec.id, st);
      return st;
    });
  }

  spec(id: string): SensorSpec | undefined {
    return this.byId.get(id)?.spec;
  }

  waterLevel(id: string): number {
    return this.byId.get(id)?.level ?? 0;
  }

  silence(id: string, untilS: number): boolean {
    const st = this.byId.get(id);
    if (st) st.silentUntilS = untilS;
    return st !== undefined;
  }

  fail(id: string, untilS: number): boolean {
    const st = this.byId.get(id);
    if (st) st.failedUntilS = untilS;
    return st !== undefined;
  }

  isFailed(id: string, tS: number): boolean {
    return (this.byId.get(id)?.failedUntilS ?? -Infinity) > tS;
  }

  step(tS: number, dtS: number, simMs: number, rainMmH: number): void {
    const a = Math.exp(-dtS / AIR_DRIFT_TAU_S);
    this.air.drift = this.air.drift * a + this.rng.normal(0, AIR_DRIFT_SD * Math.sqrt(1 - a * a));
    for (const st of this.states) {
      if (st.spec.type === 'water_level') st.level = waterLevelStep(st.level, rainMmH, st.catch, PUMP_CM_PER_MIN, dtS);
    }
    for (const st of this.states) {
      if (tS < st.nextReportS) continue;
      const every = st.spec.type === 'water_level' && st.level > FLOOD_MODE_CM ? 10 : st.spec.reportEveryS;
      st.nextReportS += every * Math.max(1, Math.ceil((tS - st.nextReportS) / every + 1e-9));
      if (st.silentUntilS > tS) continue;
      const r = this.measure(st, tS, simMs, rainMmH);
      this.latest.set(r.id, r);
      this.pending.push(r);
    }
  }

  private measure(st: SensorState, tS: number, simMs: number, rainMmH: number): SensorReading {
    const spec = st.spec;
    const rng = this.rng;
    let value = 0;
    let quality: ReadingQuality = 'good';
    switch (spec.type) {
      case 'pm25':
      case 'aqi': {
        const station = spec.stationId ?? spec.id;
        // Both sensors of a station report at the same tick; the first computes, the second reuses.
        let pm = this.pm25ByStation.get(`${station}@${simMs}`);
        if (pm === undefined) {
          pm = pm25Model(this.profile.pm25Base, simMs, this.air, (st.factor - 0.95) * 10, rainMmH, rng.normal(0, 2));
          this.pm25ByStation.clear();
          this.pm25ByStation.set(`${station}@${simMs}`, pm);
        }
        value = spec.type === 'pm25' ? Math.round(pm) : pm25ToAqi(pm);
        break;
      }
      case 'noise':
        value = Math.round(noiseModel(simMs, st.roadRank, rainMmH, rng.normal(0, 1.5)) * 10) / 10;
        break;
      case 'water_level':
        value = Math.round(Math.max(0, st.level + Math.abs(rng.normal(0, 0.2))) * 10) / 10;
        break;
      case 'parking':
        value = Math.round((spec.capacity ?? 100) * parkingOccupancyModel(this.profile.parkingPattern, simMs, st.factor, rng.normal(0, 0.03)));
        break;
      case 'ev_charger':
        value = Math.round((spec.capacity ?? 8) * chargerBusyModel(simMs, st.factor, rng.normal(0, 0.08)));
        break;
      case 'rsu':
        value = Math.round(rsuHealthModel(simMs, rng.normal(0, 0.3)) * 10) / 10;
        break;
      case 'pole':
        value = Math.round(poleHealthModel(rng.normal(0, 0.4)) * 10) / 10;
        break;
    }
    if (st.failedUntilS > tS) {
      value = 0;
      quality = 'bad';
    }
    return { id: spec.id, value, simMs, quality };
  }
}
