/**
 * Per-class driving parameters. Autonomous vehicles keep larger, steadier headways and never
 * exceed the limit; trucks and buses accelerate gently; special vehicles (sweepers, delivery
 * robots) are capped at low speed like the Jiading pilot permits.
 */
import type { VehicleClass } from '../types';
import type { IdmParams } from './idm';

export interface ClassProfile {
  idm: IdmParams;
  /** Multiple of the speed limit the driver aims for. */
  speedFactor: number;
  /** Hard cap, m/s. */
  maxSpeedMps: number;
  /** SAE automation levels this class is drawn from, inclusive. */
  automation: [number, number];
  code: number;
}

export const CLASS_PROFILES: Record<VehicleClass, ClassProfile> = {
  robotaxi: { idm: { timeHeadwayS: 1.6, minGapM: 2.5, accel: 1.2, decel: 2.0, lengthM: 4.8 }, speedFactor: 1.0, maxSpeedMps: 70 / 3.6, automation: [4, 4], code: 0 },
  special: { idm: { timeHeadwayS: 1.8, minGapM: 3, accel: 0.8, decel: 1.5, lengthM: 5.5 }, speedFactor: 0.6, maxSpeedMps: 30 / 3.6, automation: [4, 4], code: 1 },
  bus: { idm: { timeHeadwayS: 1.8, minGapM: 3, accel: 0.9, decel: 1.6, lengthM: 12 }, speedFactor: 0.85, maxSpeedMps: 60 / 3.6, automation: [1, 2], code: 2 },
  car: { idm: { timeHeadwayS: 1.3, minGapM: 2, accel: 1.5, decel: 2.2, lengthM: 4.6 }, speedFactor: 1.05, maxSpeedMps: 120 / 3.6, automation: [0, 2], code: 3 },
  truck: { idm: { timeHeadwayS: 1.8, minGapM: 3, accel: 0.7, decel: 1.6, lengthM: 10 }, speedFactor: 0.85, maxSpeedMps: 80 / 3.6, automation: [0, 1], code: 4 },
};

/** Lane width used for lateral offsets when drawing positions, m. */
export const LANE_WIDTH_M = 3.5;
