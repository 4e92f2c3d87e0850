/**
 * Plain-data types of the sunlight engine, shared by the receivers, the engine, the worker, the
 * panel and the Node CLI. Geometry is zone ENU metres: x = east, y = north, z = up (the engine does
 * not use three's y-up). Everything here can cross postMessage.
 */
import type { Vec3 } from '../../core/geodesy';

/** A sample point: a window's reference point (窗台面 centre) or a ground-grid point. */
export interface Receiver {
  /** `${buildingId}:f${facade}:l${floor}:w${i}` for windows; `ground:${i}:${j}` for ground points. */
  id: string;
  /** '' for ground points. */
  buildingId: string;
  /** Edge index along the outer ring, then along each hole; −1 for ground points. */
  facade: number;
  /** 1-based storey; 0 for ground points. */
  floor: number;
  position: Vec3;
  /** Outward unit normal: horizontal [e, n, 0] on facades, [0, 0, 1] on the ground. */
  normal: Vec3;
  /** Unit vector along the facade (the ring's direction); [1, 0, 0] on the ground. */
  tangent: Vec3;
  /**
   * Distance from the centre to the nearer end of its facade edge, metres: a 满窗 window's edge
   * points are clamped to it, so a wide window on a short wall never samples inside the next wall.
   * Absent = unlimited.
   */
  halfWidthMaxM?: number;
}

export interface ReceiverResult {
  id: string;
  buildingId: string;
  facade: number;
  floor: number;
  position: Vec3;
  normal: Vec3;
  /** The profile's measure: cumulative total (segments ≥ minSegmentMin) or the longest segment. */
  hours: number;
  longestContinuousH: number;
  pass: boolean;
  /** 1 where the sample was lit, per time step (only when the run asked for masks). */
  litMask?: Uint8Array;
}

export interface SunlightResult {
  profileId: string;
  stepMin: number;
  /** UTC ms of each sample: the midpoint of each step of the window. */
  times: number[];
  receivers: ReceiverResult[];
  passed: number;
  failed: number;
  /** Over the receivers; 0 when there are none. */
  minHours: number;
  maxHours: number;
  /** True when shouldCancel stopped the run: `receivers` then holds only those done. */
  cancelled: boolean;
}
