/**
 * How each vehicle class looks: colour, nominal size and shape, shared by the 3D layer and the
 * legend so they can never disagree. Colours avoid the congestion scale's greens, ambers and reds.
 */
import type { VehicleClass } from '../../sim/types';

export type VehicleShape = 'car' | 'car-sensor' | 'sweeper' | 'bus' | 'truck';

export interface VehicleStyle {
  color: string;
  shape: VehicleShape;
  /** Length, m: the size kept at least MIN_VEHICLE_PX on screen. */
  lengthM: number;
}

export const VEHICLE_STYLE: Record<VehicleClass, VehicleStyle> = {
  robotaxi: { color: '#22d3ee', shape: 'car-sensor', lengthM: 4.8 },
  special: { color: '#a78bfa', shape: 'sweeper', lengthM: 5.5 },
  bus: { color: '#3b82f6', shape: 'bus', lengthM: 12 },
  car: { color: '#e2e8f0', shape: 'car', lengthM: 4.6 },
  truck: { color: '#d6a26c', shape: 'truck', lengthM: 10 },
};

export const STALE_VEHICLE_COLOR = '#4b5563';
export const SELECTED_VEHICLE_COLOR = '#fde047';

/** Smallest on-screen length of a vehicle, CSS px: a readable dot at overview on a wall screen. */
export const MIN_VEHICLE_PX = 12;

/** Vehicles ride just above the road surface and the congestion ribbons. */
export const VEHICLE_BASE_UP_M = 1.2;
