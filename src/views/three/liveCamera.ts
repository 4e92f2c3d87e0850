/**
 * The three.js camera as it is at this moment, mid-flight included, for the few readers that need
 * more than the pose the view publishes at rest (the video-wall leader samples it at ≤ 10 Hz so
 * its followers fly with it instead of jumping at the end). Pulled on demand: nothing runs per
 * frame for it. The view registers a reader on mount and removes it in the same cleanup.
 */
import type { CameraPose } from '../../state/viewSlice';

export interface LiveCamera {
  pose: CameraPose;
  /** Vertical field of view, degrees. */
  fovDeg: number;
}

type Reader = () => LiveCamera | null;

let reader: Reader | null = null;

export function provideLiveCamera(r: Reader): () => void {
  reader = r;
  return () => {
    if (reader === r) reader = null;
  };
}

/** null when no three.js view is mounted (the globe, or between zones). */
export function readLiveCamera(): LiveCamera | null {
  return reader ? reader() : null;
}
