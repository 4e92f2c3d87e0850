/** A simulated vehicle. Mutable on purpose: the step loop updates thousands of these in place. */
import type { VehicleClass } from '../types';
import type { BusLine } from './busLines';
import type { ClassProfile } from './vehicleClasses';

export interface BusRun {
  line: BusLine;
  pathIndex: number;
  nextStop: number;
  /** Simulated seconds until which the bus stands at a stop; 0 when moving. */
  dwellUntilS: number;
}

export interface SimVehicle {
  id: string;
  serial: number;
  cls: VehicleClass;
  profile: ClassProfile;
  automation: number;
  link: number;
  lane: number;
  /** Distance along the link, m (front bumper). */
  s: number;
  v: number;
  acc: number;
  /** Link chosen for after this one, so the look-ahead can see into it. */
  next: number;
  /** Personal multiple of the class's desired speed. */
  desired: number;
  /** Cars and trucks that come and go with demand. */
  background: boolean;
  tripLeftM: number;
  route: string | null;
  bus: BusRun | null;
  /** Hard upper bound on s for this step (red stop line, obstacle, bus stop). */
  limitS: number;
  steppedAt: number;
  alive: boolean;
}

export interface Obstacle {
  /** Position along the link, m. */
  s: number;
  /** Lanes 0..lanesBlocked-1 are closed. */
  lanesBlocked: number;
  /** Speed cap for the open lanes within slowZoneM upstream (rubbernecking), m/s. */
  slowSpeedMps: number;
  slowZoneM: number;
}
