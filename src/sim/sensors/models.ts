/**
 * Daily patterns of each sensor type, as pure functions of time, zone state and a noise draw.
 * Parameters are plausible magnitudes for Shanghai, not fitted to any station's data.
 */
import { chargingDemand, inversionFactor, leisureParkingDemand, trafficDemand, workParkingDemand } from '../time/demand';
import type { ParkingPattern } from '../zones/zoneProfiles';

export interface AirState {
  /** Slow regional drift (weather systems), µg/m³, an AR(1) process with a two-hour memory. */
  drift: number;
}

export const AIR_DRIFT_TAU_S = 7200;
export const AIR_DRIFT_SD = 6;

/** PM2.5 at a station: traffic and night inversions raise it, heavy rain washes it out. */
export function pm25Model(base: number, simMs: number, air: AirState, stationOffset: number, rainMmH: number, noise: number): number {
  const demand = trafficDemand(simMs);
  const washout = 1 - 0.45 * Math.min(1, rainMmH / 20);
  const v = (base * (0.65 + 0.4 * demand + 0.3 * inversionFactor(simMs)) + air.drift + stationOffset) * washout + noise;
  return Math.min(500, Math.max(3, v));
}

/** Roadside equivalent sound level: ~50 dB(A) at 3 am, high 60s at rush hour near arterials. */
export function noiseModel(simMs: number, roadRank: number, rainMmH: number, noise: number): number {
  const demand = trafficDemand(simMs);
  const v = 46 + 20 * Math.pow(demand, 0.8) + Math.max(0, roadRank - 2) * 1.5 + Math.min(3, rainMmH / 15) + noise;
  return Math.min(100, Math.max(30, v));
}

/**
 * Underpass water balance, cm: inflow proportional to rain intensity over the catchment, minus the
 * pump station's capacity. Returns the new level after dtS seconds.
 */
export function waterLevelStep(levelCm: number, rainMmH: number, catchCmPerMinPerMmH: number, pumpCmPerMin: number, dtS: number): number {
  const rate = catchCmPerMinPerMmH * rainMmH - pumpCmPerMin;
  return Math.max(0, levelCm + (rate * dtS) / 60);
}

export function parkingOccupancyModel(pattern: ParkingPattern, simMs: number, lotFactor: number, noise: number): number {
  const d = pattern === 'leisure' ? leisureParkingDemand(simMs) : workParkingDemand(simMs);
  return Math.min(1, Math.max(0, d * lotFactor + noise));
}

export function chargerBusyModel(simMs: number, siteFactor: number, noise: number): number {
  return Math.min(1, Math.max(0, chargingDemand(simMs) * siteFactor + noise));
}

/** Radio health: packet delivery ratio dips slightly under load. */
export function rsuHealthModel(simMs: number, noise: number): number {
  return Math.min(100, Math.max(0, 99.6 - 1.8 * trafficDemand(simMs) + noise));
}

export function poleHealthModel(noise: number): number {
  return Math.min(100, Math.max(0, 99.2 + noise));
}
