/**
 * "Current camera" for the skyline tool: the viewpoint is where the camera is and looks where it
 * looks, so no point is picked. The camera's eye is the viewpoint itself (no eye height added).
 */
import { setToolParams, toolReducer, type ToolState } from './machine';
import type { Vec3 } from './toolTypes';

export interface CameraPose {
  /** ENU metres. */
  position: Vec3;
  /** Compass heading of the view direction, degrees clockwise from north. */
  headingDeg: number;
  /** Degrees above the horizon. */
  pitchDeg: number;
  horizontalFovDeg: number;
}

/** Starts the tool if idle, takes the camera's pose and places the viewpoint there (→ editing). */
export function skylineFromCamera(state: ToolState<'skyline'>, camera: CameraPose): ToolState<'skyline'> {
  const started = state.phase === 'placing' && state.points.length === 0 ? state : toolReducer(state, { type: 'start' });
  const posed = setToolParams(started, {
    source: 'camera',
    headingDeg: camera.headingDeg,
    pitchDeg: camera.pitchDeg,
    horizontalFovDeg: camera.horizontalFovDeg,
  });
  return toolReducer(posed, { type: 'place', hit: { point: camera.position, kind: 'ground' } });
}
