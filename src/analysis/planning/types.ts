/**
 * The planning model shared by the tiler (which writes a zone's plan.json), the analyses
 * (indicators, compliance, diff) and the viewer (catalogue, board, comparison). Plain data only.
 *
 * Geometry is in the zone's local ENU frame, metres: rings are [east, north][], open (the first
 * point is not repeated) and counter-clockwise; holes are clockwise. Every planning value in the
 * shipped data is illustrative (示意), never a statutory figure.
 */
import type { LandUseClass } from '../../core/landUse';

export type Ring = [number, number][];

export interface Bilingual {
  zh: string;
  en: string;
}

/** The four 控规 limits a plot carries. A null limit is "not controlled" and always passes. */
export interface PlotLimits {
  /** 容积率上限: gross floor area / site area. */
  farMax: number | null;
  /** 限高, metres above ground. */
  heightMaxM: number | null;
  /** 建筑密度上限, 0..1: footprint area / site area. */
  densityMax: number | null;
  /** 绿地率下限, 0..1: green area / site area. */
  greenRatioMin: number | null;
}

/** A 控规 plot (地块) derived from a land-use block. */
export interface Plot {
  id: string;
  /** Plot code as printed on the map, e.g. "XH-B2-03". */
  code: string;
  /** The land-use block it was derived from (tiles/<zone>/landuse.geojson code or site id). */
  blockCode: string;
  landUse: LandUseClass;
  name: Bilingual;
  ring: Ring;
  holes?: Ring[];
  limits: PlotLimits;
  /** Ids of the schemes drawn for this plot (may be empty). */
  schemeIds: string[];
}

/** 城市四线: red (road boundaries), green (green space), blue (water), purple (heritage). */
export type ControlLineKind = 'red' | 'green' | 'blue' | 'purple';

export interface ControlLine {
  id: string;
  kind: ControlLineKind;
  name: Bilingual;
  /** Closed boundary of the controlled area. */
  ring: Ring;
  /** For purple lines: the OSM id of the heritage landmark it protects. */
  osmId?: string;
}

/** A building as planning analyses see it: a footprint extruded to a height, with floors. */
export interface PlanBuilding {
  id: string;
  name: Bilingual;
  footprint: Ring;
  holes?: Ring[];
  /** Storeys above ground that count towards GFA (计容). */
  floors: number;
  heightM: number;
  use: LandUseClass;
  status: 'existing' | 'planned';
}

/** A redevelopment site: the plot plus the existing buildings standing on it today. */
export interface Site {
  id: string;
  plotId: string;
  name: Bilingual;
  /** Existing buildings whose footprint touches the plot (hidden while a scheme of the site shows). */
  existing: PlanBuilding[];
}

export type SchemeSource = 'shipped' | 'imported';

export interface Scheme {
  id: string;
  siteId: string;
  name: Bilingual;
  source: SchemeSource;
  buildings: PlanBuilding[];
  /** Green-space polygons of the scheme (for the green ratio). */
  green: Ring[];
  /** Shipped schemes: tileset URL relative to the zone's tile directory. Imported: absent. */
  tileset?: string;
}

/** public/tiles/<zone>/plan/plan.json, written by the tiler. */
export interface ZonePlan {
  version: 1;
  zoneId: string;
  /** Always true for shipped data: the catalogue and attribute panel show 示意. */
  illustrative: true;
  plots: Plot[];
  controlLines: ControlLine[];
  sites: Site[];
  schemes: Scheme[];
}

/** Indicators of one state (existing or a scheme) on one site. Areas m², ratios 0..1 or plain. */
export interface Indicators {
  siteAreaM2: number;
  gfaM2: number;
  far: number;
  footprintM2: number;
  density: number;
  greenM2: number;
  greenRatio: number;
  maxHeightM: number;
  buildingCount: number;
}

export type IndicatorKey = 'far' | 'density' | 'greenRatio' | 'maxHeightM';
export type Verdict = 'pass' | 'fail' | 'uncontrolled';

export interface ComplianceRow {
  indicator: IndicatorKey;
  value: number;
  limit: number | null;
  /** 'max' limits pass when value ≤ limit; 'min' limits when value ≥ limit. */
  sense: 'max' | 'min';
  verdict: Verdict;
  /** Signed headroom: positive = room left, negative = by how much it fails. Null if uncontrolled. */
  margin: number | null;
}

export type DiffKind = 'added' | 'removed' | 'taller' | 'lower' | 'unchanged';

export interface DiffEntry {
  kind: DiffKind;
  /** Building id in state A (removed, taller, lower, unchanged) or B (added). */
  id: string;
  /** The matching building in B, if any. */
  otherId?: string;
  name: Bilingual;
  heightA: number | null;
  heightB: number | null;
  /** Footprint centroid, ENU metres, for fly-to. */
  x: number;
  y: number;
}

export interface DiffResult {
  added: number;
  removed: number;
  taller: number;
  lower: number;
  unchanged: number;
  entries: DiffEntry[];
}

/** The state id of today's city; every other state id is a scheme id. */
export const EXISTING_STATE = 'existing';

export type PlanViewMode = 'existing' | 'scheme' | 'compare';
export type CompareLayout = 'swipe' | 'split' | 'toggle';

/** What the planner's view compares. Plain data, kept in the store (src/state/planningSlice). */
export interface PlanView {
  mode: PlanViewMode;
  /** State drawn left of the divider (swipe), in the left view (split), or first (toggle). */
  left: string;
  /** The scheme shown in 'scheme' mode, or the right-hand state in 'compare' mode. */
  right: string;
  layout: CompareLayout;
  /** Divider position as a share of the view width, 0..1 (swipe). */
  dividerX: number;
  /** Which side the toggle layout currently shows. */
  toggleSide: 'left' | 'right';
}
