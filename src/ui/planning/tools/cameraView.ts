/**
 * The skyline tool's "use current view": the camera's heading and pitch from the pose the view
 * publishes when it comes to rest (position → target, zone ENU), in the tool's conventions
 * (compass heading clockwise from north, pitch above the horizon).
 */
import { direction } from '../../../analysis/measure/angles';
import type { CameraPose } from '../../../state/viewSlice';

/** Shown and stored to a tenth of a degree: finer than that is noise from the camera controls. */
const ANGLE_STEP_DEG = 0.1;
const round = (deg: number): number => Math.round(deg / ANGLE_STEP_DEG) * ANGLE_STEP_DEG + 0;

export interface ViewAngles {
  headingDeg: number;
  pitchDeg: number;
}

/** Null for a degenerate pose (target at the camera, or non-finite numbers). */
export function viewAngles(pose: CameraPose): ViewAngles | null {
  const d = direction(pose.position, pose.target);
  if (!d.ok) return null;
  // Looking straight down has no heading; north is as good as any and keeps the form valid.
  return { headingDeg: round(d.value.bearingDeg ?? 0) % 360, pitchDeg: round(d.value.elevationDeg) };
}
