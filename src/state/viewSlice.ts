import type { StateCreator } from 'zustand/vanilla';

export type ViewEngine = 'three' | 'globe';
export type Language = 'zh' | 'en';

/** A request for the camera to move. `seq` makes repeated requests to the same place distinct. */
export type FlyRequest =
  | { seq: number; kind: 'viewpoint'; viewpointId: string }
  | { seq: number; kind: 'target'; target: [number, number, number]; radiusM: number }
  | { seq: number; kind: 'pose'; position: [number, number, number]; target: [number, number, number]; instant: boolean };

/** Camera pose in the zone's ENU frame, published when the camera comes to rest (not per frame). */
export interface CameraPose {
  position: [number, number, number];
  target: [number, number, number];
}

/**
 * Tighter camera limits a shell sets for strangers (the kiosk), so a visitor cannot get lost;
 * null keeps the view's own limits (planner). ENU metres and radians.
 */
export interface CameraLimits {
  minDistanceM: number;
  maxDistanceM: number;
  /** Lowest and highest look-down angle above the target's horizon. */
  minElevationRad: number;
  maxElevationRad: number;
  /** How far beyond the zone's bounds the camera target may go. */
  boundsMarginM: number;
}

export interface ViewSlice {
  engine: ViewEngine;
  language: Language;
  /** Sun time as epoch ms; null means "use the scene's default". */
  sunTimeMs: number | null;
  shadows: boolean;
  flyRequest: FlyRequest | null;
  cameraPose: CameraPose | null;
  /** Tile cache budget from the URL (`tileBudgetMB`); null means the view's own default. */
  tileBudgetMB: number | null;
  setTileBudgetMB(mb: number | null): void;
  /** The 3D view's WebGL context is lost; the UI shows an overlay until it is restored. */
  webglLost: boolean;
  setWebglLost(lost: boolean): void;
  /**
   * 'waiting' while the 3D view holds its first picture until the tiles are in (the page shows a
   * loading note over it), 'shown' otherwise. Only the three.js view sets 'waiting'.
   */
  firstPicture: 'waiting' | 'shown';
  setFirstPicture(v: 'waiting' | 'shown'): void;
  cameraLimits: CameraLimits | null;
  setCameraLimits(limits: CameraLimits | null): void;
  setCameraPose(pose: CameraPose | null): void;
  flyToPose(pose: CameraPose, instant?: boolean): void;
  setEngine(engine: ViewEngine): void;
  setLanguage(language: Language): void;
  setSunTime(ms: number | null): void;
  setShadows(on: boolean): void;
  flyToViewpoint(viewpointId: string): void;
  flyToTarget(target: [number, number, number], radiusM: number): void;
}

let flySeq = 0;

export const createViewSlice: StateCreator<ViewSlice, [], [], ViewSlice> = (set) => ({
  engine: 'three',
  language: 'zh',
  sunTimeMs: null,
  shadows: true,
  flyRequest: null,
  cameraPose: null,
  tileBudgetMB: null,
  setTileBudgetMB: (tileBudgetMB) => set({ tileBudgetMB }),
  webglLost: false,
  setWebglLost: (webglLost) => set({ webglLost }),
  firstPicture: 'shown',
  setFirstPicture: (firstPicture) => set({ firstPicture }),
  cameraLimits: null,
  setCameraLimits: (cameraLimits) => set({ cameraLimits }),
  setCameraPose: (cameraPose) => set({ cameraPose }),
  flyToPose: (pose, instant = false) =>
    set({ flyRequest: { seq: ++flySeq, kind: 'pose', position: pose.position, target: pose.target, instant } }),
  setEngine: (engine) => set({ engine }),
  setLanguage: (language) => set({ language }),
  setSunTime: (sunTimeMs) => set({ sunTimeMs }),
  setShadows: (shadows) => set({ shadows }),
  flyToViewpoint: (viewpointId) => set({ flyRequest: { seq: ++flySeq, kind: 'viewpoint', viewpointId } }),
  flyToTarget: (target, radiusM) => set({ flyRequest: { seq: ++flySeq, kind: 'target', target, radiusM } }),
});
