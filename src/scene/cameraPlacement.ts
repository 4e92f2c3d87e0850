/**
 * Turns a tour stop's or story step's camera placement (a viewpoint id or a pose of its own) into
 * a camera pose. Shared by the story player and the tour so both read viewpoints the same way.
 */
import type { CameraPoseSpec } from './storySchema';

type Vec3 = [number, number, number];

export interface PlacedCamera {
  pose: { position: Vec3; target: Vec3 };
  /** The viewpoint the placement named, for UI that marks the current viewpoint; null for a pose. */
  viewpointId: string | null;
}

interface Placement {
  viewpoint?: string | undefined;
  pose?: CameraPoseSpec | undefined;
}

interface NamedPose {
  id: string;
  position: readonly [number, number, number];
  target: readonly [number, number, number];
}

const copy = (v: readonly [number, number, number]): Vec3 => [v[0], v[1], v[2]];

/**
 * The pose of a placement, copied so that a caller who animates it never writes into the scene.
 * Null when the placement names a viewpoint the list lacks (a scene that skipped validation).
 */
export function placementPose(viewpoints: readonly NamedPose[], p: Placement): PlacedCamera | null {
  if (p.pose) return { pose: { position: copy(p.pose.position), target: copy(p.pose.target) }, viewpointId: null };
  const vp = p.viewpoint === undefined ? undefined : viewpoints.find((v) => v.id === p.viewpoint);
  return vp ? { pose: { position: copy(vp.position), target: copy(vp.target) }, viewpointId: vp.id } : null;
}
