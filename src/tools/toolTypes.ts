/**
 * Shapes shared by the planner tools' state machine, the tool definitions, the snapping service
 * and the results list. They live apart from the code so that those modules can import each
 * other's types without import cycles. Geometry is zone ENU metres: x east, y north, z up.
 */
import type { Vec3 } from '../core/geodesy';

export type { Vec3 };

/** What the pick (after snapping) landed on. */
export type HitKind = 'vertex' | 'edge' | 'face' | 'ground';

/** A picked 3D point as the renderer (then the snapping service) reports it. */
export interface PickHit {
  point: Vec3;
  kind: HitKind;
  buildingId?: string;
  /** Unit normal of the face hit, when a face was hit. */
  normal?: Vec3;
  /** Id of the tool's own handle under the pointer (see `toolHandles`), when one was picked. */
  handle?: string;
}

/** The pointer's picking ray; lets a handle drag follow the pointer even off the geometry. */
export interface Ray {
  origin: Vec3;
  /** Need not be unit length, must not be zero. */
  dir: Vec3;
}

export type PointerKind = 'mouse' | 'touch' | 'pen';

/** Everything the machine needs from a DOM PointerEvent, plus the pick under it. */
export interface PointerSample {
  pointerType: PointerKind;
  pointerId: number;
  /** Screen position, CSS px. */
  x: number;
  y: number;
  /** Event timeStamp, ms. */
  time: number;
  isPrimary: boolean;
  /** DOM `button` of a pointerdown; absent means the main button. */
  button?: number;
  hit: PickHit | null;
  ray?: Ray;
  /** Metres the click slop spans at the hit's distance: the radius for "click on the first point". */
  toleranceM?: number;
}

export type PointerEventType = 'pointerdown' | 'pointermove' | 'pointerup' | 'pointercancel';

export type PointerToolEvent = { type: PointerEventType } & PointerSample;

export type ToolEvent =
  | PointerToolEvent
  | { type: 'key'; key: string; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean }
  | { type: 'dblclick' }
  /** Places a point without a pointer (keyboard entry, the camera position, tests). */
  | { type: 'place'; hit: PickHit }
  | { type: 'start' }
  | { type: 'cancel' }
  | { type: 'undo' }
  | { type: 'finish' }
  | { type: 'reset' };

export type ToolPhase = 'idle' | 'placing' | 'editing' | 'done' | 'cancelled';

export type ToolKind =
  | 'measure-distance'
  | 'measure-polyline'
  | 'measure-area-horizontal'
  | 'measure-area-surface'
  | 'measure-height'
  | 'measure-bearing'
  | 'height-limit'
  | 'sight-line'
  | 'viewshed'
  | 'skyline'
  | 'section';

export type NoParams = Record<string, never>;

export interface HeightLimitParams {
  /** 'value': a drawn polygon and `limitM`; 'plot': the limit of the plot `plotId`. */
  mode: 'value' | 'plot';
  /** Metres above ground. */
  limitM: number;
  plotId: string | null;
}

export interface SightLineParams {
  /** Observer's eye above the picked point. */
  eyeHeightM: number;
  /** Raised above each picked target (e.g. a window's centre). */
  targetHeightM: number;
}

export interface ViewshedParams {
  eyeHeightM: number;
  mode: '360' | 'cone';
  /** Compass heading of the cone's axis: degrees clockwise from north, as src/analysis/visibility takes it. */
  headingDeg: number;
  /** Degrees above the horizon. */
  pitchDeg: number;
  /** Full openings, degrees: (0, 360] and (0, 180]. */
  horizontalFovDeg: number;
  verticalFovDeg: number;
  distanceM: number;
}

export interface SkylineParams {
  /** 'pick': a picked viewpoint raised by `eyeHeightM`; 'camera': the current camera's pose. */
  source: 'pick' | 'camera';
  eyeHeightM: number;
  headingDeg: number;
  pitchDeg: number;
  /** Full horizontal field of view, degrees in (0, 360]. */
  horizontalFovDeg: number;
  distanceM: number;
}

export interface SectionParams {
  /** 'box': points[0] is the centre; 'plane': points[0] lies on the plane. */
  shape: 'box' | 'plane';
  /** Box extent along its right, forward and up axes. */
  sizeM: Vec3;
  /** Compass heading of the box's forward (local y) axis, degrees clockwise from north. */
  headingDeg: number;
  /** Plane normal (normalised in the inputs). */
  normal: Vec3;
}

export interface ToolParamsByKind {
  'measure-distance': NoParams;
  'measure-polyline': NoParams;
  'measure-area-horizontal': NoParams;
  'measure-area-surface': NoParams;
  'measure-height': NoParams;
  'measure-bearing': NoParams;
  'height-limit': HeightLimitParams;
  'sight-line': SightLineParams;
  viewshed: ViewshedParams;
  skyline: SkylineParams;
  section: SectionParams;
}

export type ParamsOf<K extends ToolKind> = ToolParamsByKind[K];

/** What a finished tool hands to its compute function, and what a result keeps. */
export interface ToolInputs<K extends ToolKind = ToolKind> {
  kind: K;
  points: Vec3[];
  params: ParamsOf<K>;
  /** The building measured on (measure-area-surface). */
  buildingId?: string;
}

export type AnyToolInputs = { [K in ToolKind]: ToolInputs<K> }[ToolKind];

export type ResultValue = number | string | boolean | null | readonly number[];
export type ResultValues = Readonly<Record<string, ResultValue>>;

/** Why a point or a finish was refused; the UI translates the code. */
export type ToolProblem =
  | 'too-few-points'
  | 'self-intersecting'
  | 'zero-area'
  | 'zero-length'
  | 'needs-building'
  | 'other-building'
  | 'not-planar'
  | 'bad-params';

export type ParamProblemCode = 'not-finite' | 'out-of-range' | 'required' | 'bad-choice';

export interface ParamProblem {
  param: string;
  code: ParamProblemCode;
  min?: number;
  max?: number;
}

/** A draggable handle the renderer draws in the editing phase; dragging moves it along `axis`. */
export interface ToolHandle {
  id: string;
  position: Vec3;
  /** Unit direction a drag moves the handle along. */
  axis: Vec3;
}

/** How a result's points become GeoJSON: one point is a Point whatever the style. */
export type GeometryStyle = 'points' | 'line' | 'polygon';

/** A placed point: the hit, without any handle id. */
export type ToolPoint = Omit<PickHit, 'handle'>;

/**
 * One tool kind plugged into the generic machine. Members are methods (bivariant parameters) so
 * that a definition of one kind can be stored in a table of all kinds.
 */
export interface ToolDefinition<K extends ToolKind> {
  kind: K;
  defaultParams: ParamsOf<K>;
  geometry: GeometryStyle;
  /** After the last point: 'editing' (handles, parameters) before 'done', or straight to 'done'. */
  editable: boolean;
  /** A click within tolerance of the first point finishes (polygons). */
  closesOnFirstPoint: boolean;
  minPoints(params: ParamsOf<K>): number;
  /** Reaching this many points finishes without Enter. */
  maxPoints(params: ParamsOf<K>): number;
  /** Refuses a point before it is added (a facade tool refuses the ground). */
  acceptPoint(points: readonly ToolPoint[], hit: PickHit, params: ParamsOf<K>): ToolProblem | null;
  /** Adjusts a point as it is placed, and the parameters with it (a box sits on its point). */
  place(hit: PickHit, params: ParamsOf<K>): { point: ToolPoint; params: ParamsOf<K> };
  /** Refuses to finish a complete set of points (a crossing polygon). */
  checkFinish(points: readonly Vec3[], params: ParamsOf<K>): ToolProblem | null;
  validateParams(params: ParamsOf<K>): ParamProblem[];
  /** Parses stored parameters (an imported file); missing fields take their defaults. */
  parseParams(raw: unknown): { ok: true; params: ParamsOf<K> } | { ok: false; reason: string };
  inputs(points: readonly ToolPoint[], params: ParamsOf<K>): ToolInputs<K>;
  handles(points: readonly Vec3[], params: ParamsOf<K>): ToolHandle[];
  /** New points and parameters after handle `id` moved `distanceM` along its axis from `points`/`params`. */
  dragHandle(points: readonly Vec3[], params: ParamsOf<K>, id: string, distanceM: number): { points: Vec3[]; params: ParamsOf<K> } | null;
}
