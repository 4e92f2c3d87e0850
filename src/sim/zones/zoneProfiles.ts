/**
 * What differs between the demonstration zones. Jiading's fleet comes straight from the district
 * plan (004, lines 151–153: 150+ robotaxis, 100+ autonomous special vehicles, 200+ connected
 * buses). The Xuhui and Yangpu plans give no fleet numbers, so their factors are assumptions
 * relative to Jiading, kept here as named constants so they can be argued with in one place.
 */
import type { VehicleClass } from '../types';

export type ParkingPattern = 'leisure' | 'work';

export interface ZoneProfile {
  id: string;
  /** Fleet at full scale, before scaling by network length. */
  planFleet: Record<'robotaxi' | 'special' | 'bus', number>;
  /** Underpass flood sensors (下立交积水监测) to place. */
  underpasses: number;
  parkingLots: number;
  parkingPattern: ParkingPattern;
  /**
   * Unit vector (east, north) pointing towards the Huangpu, for riverside parking lots; null when
   * the zone has no river frontage that matters.
   */
  riverward: [number, number] | null;
  evChargerSites: number;
  /** Annual-mean-ish PM2.5 background, µg/m³. */
  pm25Base: number;
  /** Random crashes per hour at peak demand over the whole zone. */
  crashesPerPeakHour: number;
  truckShare: number;
  /** Cap on background vehicles at peak (default MAX_BACKGROUND_VEHICLES); raised for the city-scale zone. */
  maxBackgroundVehicles?: number;
}

export const JIADING_PLAN_FLEET = { robotaxi: 150, special: 100, bus: 200 } as const;

export const ZONE_PROFILES: Record<string, ZoneProfile> = {
  jiading: {
    id: 'jiading', planFleet: { ...JIADING_PLAN_FLEET }, underpasses: 3, parkingLots: 4, parkingPattern: 'work',
    riverward: null, evChargerSites: 8, pm25Base: 32, crashesPerPeakHour: 0.5,
    // Anting is the auto city: parts logistics put more trucks on the road than in the riverside zones.
    truckShare: 0.14,
  },
  westbund: {
    id: 'westbund', planFleet: { robotaxi: 60, special: 30, bus: 120 }, underpasses: 2, parkingLots: 5,
    parkingPattern: 'leisure', riverward: [0.94, -0.34], evChargerSites: 4, pm25Base: 30, crashesPerPeakHour: 0.4,
    truckShare: 0.05,
  },
  yangpu: {
    id: 'yangpu', planFleet: { robotaxi: 30, special: 30, bus: 120 }, underpasses: 2, parkingLots: 8,
    // 长阳秀带 parking guidance serves the Huangpu riverside south of Yangshupu Road.
    parkingPattern: 'leisure', riverward: [0.45, -0.89], evChargerSites: 4, pm25Base: 31, crashesPerPeakHour: 0.4,
    truckShare: 0.06,
  },
  // The synthetic city-scale test zone (20 km square, ~4,000 km of directed streets): sized so
  // that the morning peak runs 50,000 vehicles, the scale the performance issue asks the feed
  // server and the viewer to sustain. Not a real fleet.
  'synthetic-city': {
    id: 'synthetic-city', planFleet: { robotaxi: 600, special: 300, bus: 800 }, underpasses: 6, parkingLots: 16,
    parkingPattern: 'work', riverward: null, evChargerSites: 12, pm25Base: 31, crashesPerPeakHour: 2,
    truckShare: 0.08, maxBackgroundVehicles: 48_300,
  },
};

export function zoneProfile(zoneId: string): ZoneProfile {
  return ZONE_PROFILES[zoneId] ?? { ...ZONE_PROFILES.jiading!, id: zoneId, planFleet: { robotaxi: 30, special: 20, bus: 60 } };
}

export type FleetClassCounts = Record<VehicleClass, number>;
