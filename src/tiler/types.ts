/**
 * The contract between zone assembly (src/tiler/zones, which reads tiles/<zone> sources and
 * generates buildings) and the 3D Tiles writer (src/tiler/*). All geometry is in the zone's
 * local ENU frame, metres: [east, north]. Rings are open (first point not repeated), CCW.
 */
import type { LandUseClass } from '../core/landUse';
import type { RoadGraph } from '../core/roadGraph';
import type { ZonePlanInput } from './plan/types';

export type Ring = [number, number][];

export type BuildingStatus = 'existing' | 'planned';
/** osm: real footprint; generated: synthetic filler; scheme: a hand-drawn planning scheme (示意). */
export type BuildingSource = 'osm' | 'generated' | 'scheme';
export type RoofShape = 'flat' | 'gable';

export interface BuildingInput {
  /** Stable id: "osm:way/123", "osm:relation/5" or "gen:<zone>:<n>". */
  id: string;
  /** Chinese name, '' when unnamed. Generated buildings get a descriptive generated name. */
  name: string;
  nameEn: string;
  footprint: Ring;
  holes?: Ring[];
  heightM: number;
  /** Ground elevation of the footprint base, metres above the zone origin's height. */
  baseM: number;
  floors: number;
  landUse: LandUseClass;
  status: BuildingStatus;
  source: BuildingSource;
  /** OSM element id ("way/123") for real buildings, '' for generated. */
  osmId: string;
  roof: RoofShape;
  /** Signature buildings also get a BIM-like close-up LOD (floor slabs, cores, facade grid). */
  signature: boolean;
  /** The planning scheme a `source: 'scheme'` building belongs to; absent for the zone's own buildings. */
  schemeId?: string;
}

export type GroundKind = 'water' | 'road' | 'green' | 'landuse';

export interface GroundInput {
  id: string;
  kind: GroundKind;
  /** Land-use class of a planning block; for water 'E', green 'G', road 'S'. */
  landUse: LandUseClass;
  name: string;
  polygon: Ring;
  holes?: Ring[];
}

/** Everything the tiler needs for one zone. Produced by src/tiler/zones/<zone>.ts. */
export interface ZoneInput {
  zoneId: string;
  origin: { lonDeg: number; latDeg: number; heightM: number };
  buildings: BuildingInput[];
  ground: GroundInput[];
  roads: RoadGraph;
  /** Planning layers (plots, control lines, sites, schemes) where tiles/<zone>/plan.json exists. */
  plan?: ZonePlanInput;
}

/** Names of the per-building properties in the EXT_structural_metadata property table. */
export const BUILDING_PROPERTIES = [
  'id', 'name', 'nameEn', 'heightM', 'floors', 'landUse', 'status', 'source', 'osmId', 'cimLevel', 'schemeId',
] as const;
export type BuildingPropertyName = (typeof BUILDING_PROPERTIES)[number];

/** CIM grading (住建部 CIM 基础平台技术导则): the level a tile's content represents. */
export type CimLevel = 'CIM2' | 'CIM3' | 'CIM5';
