/**
 * Images of the 3D view, taken by whichever view is mounted, for the UI that needs them without
 * holding any renderer. The view registers its capturers on mount (like diagnostics providers).
 *
 * - State captures: the printable scheme report's screenshots of chosen plan states. Resolves to
 *   an empty list when no view that can capture is mounted.
 * - View shots: the screenshot export's one render of the view as it is, at a chosen pixel size,
 *   with the camera it was drawn with (for the north arrow and the scale bar). Both views
 *   register one (three.js: src/views/three/ViewExportCapture.tsx; globe:
 *   src/views/globe/attachGlobeExport.ts). Resolves to null when none is mounted; rejects when
 *   the view could not draw or be read (context lost, a tainted canvas).
 */
import type { Vec3 } from '../core/geodesy';

export interface StateImage {
  stateId: string;
  dataUrl: string;
}

export type StateCapturer = (stateIds: readonly string[]) => StateImage[];

let capturer: StateCapturer | null = null;

export function registerStateCapturer(c: StateCapturer): () => void {
  capturer = c;
  return () => {
    if (capturer === c) capturer = null;
  };
}

/** After the current frame, so a capture does not race the render loop's own passes. */
const afterFrame = () => new Promise((r) => setTimeout(r, 0));

export async function captureStates(stateIds: readonly string[]): Promise<StateImage[]> {
  await afterFrame();
  return capturer ? capturer(stateIds) : [];
}

/** The camera a shot was drawn with, in the zone's ENU frame (unit vectors, metres). */
export interface ShotCamera {
  positionEnu: Vec3;
  forwardEnu: Vec3;
  upEnu: Vec3;
  /** Vertical field of view of the drawn image, radians. */
  vFovRad: number;
}

export interface ViewShot {
  /** A 2D canvas of exactly the requested size, holding the view's pixels. */
  image: HTMLCanvasElement;
  camera: ShotCamera;
  /** Credits of what the engine drew beyond the scene's own attribution (the globe's imagery). */
  credits: string[];
  /** The pixels the view actually rendered, when the GPU could not reach the requested size and the image was scaled up. */
  renderedPx: { width: number; height: number };
}

export interface ShotSize {
  width: number;
  height: number;
}

/** Draws the view once at `size` and copies it out in the same task; throws if it cannot. */
export type ViewCapturer = (size: ShotSize) => ViewShot;

let viewCapturer: ViewCapturer | null = null;

export function registerViewCapturer(c: ViewCapturer): () => void {
  viewCapturer = c;
  return () => {
    if (viewCapturer === c) viewCapturer = null;
  };
}

export async function captureView(size: ShotSize): Promise<ViewShot | null> {
  await afterFrame();
  return viewCapturer ? viewCapturer(size) : null;
}
