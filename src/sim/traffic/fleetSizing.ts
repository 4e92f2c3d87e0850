/**
 * How many vehicles of each class a zone runs. The plan numbers describe a fleet spread over a
 * whole demonstration network; a zone model holds only part of it, so the fleet is scaled by the
 * drivable network length the zone actually has:
 *
 *   fleet(class) = round(planFleet(class) × min(1, drivableKm / FULL_SCALE_NETWORK_KM) × fleetScale)
 *
 * Background private cars and trucks follow time-of-day demand up to a peak density per lane-km.
 */
import type { ZoneProfile } from '../zones/zoneProfiles';

/**
 * Directed road length (a two-way road counts twice) at which a zone carries the full plan fleet.
 * An assumption: ~100 km of two-way streets is the core of the Anting + Yuanxiang Lake network.
 */
export const FULL_SCALE_NETWORK_KM = 200;
/** Background (car + truck) vehicles per lane-km at peak demand: moderate urban traffic. */
export const PEAK_BACKGROUND_PER_LANE_KM = 5;
/** Keeps the per-tick cost and the wire rate bounded on very large graphs. */
export const MAX_BACKGROUND_VEHICLES = 1800;

export interface FleetPlan {
  robotaxi: number;
  special: number;
  bus: number;
  /** Background vehicles (cars + trucks) at demand 1.0. */
  backgroundPeak: number;
  truckShare: number;
  /** Network scale factor actually applied, for reporting. */
  networkScale: number;
}

export function planFleet(profile: ZoneProfile, drivableKm: number, laneKm: number, fleetScale = 1): FleetPlan {
  const networkScale = Math.min(1, drivableKm / FULL_SCALE_NETWORK_KM);
  const scaled = (n: number) => (n > 0 && drivableKm > 1 ? Math.max(1, Math.round(n * networkScale * fleetScale)) : 0);
  return {
    robotaxi: scaled(profile.planFleet.robotaxi),
    special: scaled(profile.planFleet.special),
    bus: scaled(profile.planFleet.bus),
    backgroundPeak: Math.min(profile.maxBackgroundVehicles ?? MAX_BACKGROUND_VEHICLES, Math.round(laneKm * PEAK_BACKGROUND_PER_LANE_KM * fleetScale)),
    truckShare: profile.truckShare,
    networkScale,
  };
}
