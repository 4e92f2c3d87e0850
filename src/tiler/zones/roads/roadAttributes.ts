/**
 * OSM-style road tags → the typed attributes of a road graph edge. Skeleton roads carry the same
 * tags as OSM ways, so both sources go through one interpretation.
 */
import type { RoadClass, RoadStructure } from '../../../core/roadGraph';

export interface RoadTags {
  highway: string;
  name?: string;
  'name:en'?: string;
  lanes?: string | number;
  oneway?: string | number | boolean;
  maxspeed?: string | number;
  bridge?: string;
  tunnel?: string;
  layer?: string | number;
  junction?: string;
}

export interface RoadAttributes {
  roadClass: RoadClass;
  /** Lanes in each travel direction. */
  lanesPerDirection: number;
  oneway: boolean;
  /** The way is drawn against its travel direction (OSM oneway=-1). */
  reversed: boolean;
  speedLimitKmh: number;
  name: string;
  nameEn: string;
  /** Bridges, tunnels and motorways cross other roads without meeting them. */
  gradeSeparated: boolean;
  structure?: RoadStructure;
}

const CLASS_OF_HIGHWAY: Record<string, RoadClass> = {
  motorway: 'motorway', motorway_link: 'motorway',
  trunk: 'trunk', trunk_link: 'trunk',
  primary: 'primary', primary_link: 'primary',
  secondary: 'secondary', secondary_link: 'secondary',
  tertiary: 'tertiary', tertiary_link: 'tertiary',
  residential: 'residential', unclassified: 'residential', living_street: 'residential', road: 'residential',
  service: 'service',
};

/** Lanes per direction when OSM does not say; typical Shanghai cross-sections per class. */
export const DEFAULT_LANES_PER_DIRECTION: Record<RoadClass, number> = {
  motorway: 3, trunk: 3, primary: 2, secondary: 2, tertiary: 1, residential: 1, service: 1,
};

/** Urban limits used in Shanghai where a way has no maxspeed tag. */
export const DEFAULT_SPEED_KMH: Record<RoadClass, number> = {
  motorway: 80, trunk: 60, primary: 50, secondary: 40, tertiary: 40, residential: 30, service: 20,
};

export const LANE_WIDTH_M = 3.5;

export function roadClassOf(highway: string): RoadClass | null {
  return CLASS_OF_HIGHWAY[highway] ?? null;
}

function parseNumber(v: string | number | undefined): number | null {
  if (v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  // OSM values such as "60", "60 km/h" or "3;2"; the first number is the one that matters.
  const m = /^\s*(-?\d+(?:\.\d+)?)/.exec(v);
  return m ? Number(m[1]) : null;
}

function parseOneway(v: RoadTags['oneway']): { oneway: boolean; reversed: boolean } | null {
  if (v === undefined) return null;
  const s = String(v).toLowerCase();
  if (s === 'yes' || s === 'true' || s === '1') return { oneway: true, reversed: false };
  if (s === '-1' || s === 'reverse') return { oneway: true, reversed: true };
  if (s === 'no' || s === 'false' || s === '0') return { oneway: false, reversed: false };
  return null;
}

export function roadAttributes(tags: RoadTags): RoadAttributes | null {
  const roadClass = roadClassOf(tags.highway);
  if (!roadClass) return null;
  const ow = parseOneway(tags.oneway)
    ?? { oneway: tags.highway === 'motorway' || tags.highway === 'motorway_link' || tags.junction === 'roundabout', reversed: false };
  const lanesTag = parseNumber(tags.lanes);
  let lanesPerDirection = DEFAULT_LANES_PER_DIRECTION[roadClass];
  // OSM `lanes` counts both directions on a two-way road and the single direction on a oneway.
  if (lanesTag !== null && lanesTag >= 1) lanesPerDirection = ow.oneway ? Math.round(lanesTag) : Math.max(1, Math.round(lanesTag / 2));
  lanesPerDirection = Math.min(Math.max(lanesPerDirection, 1), 8);
  const speedTag = parseNumber(tags.maxspeed);
  const speedLimitKmh = speedTag !== null && speedTag >= 5 && speedTag <= 130 ? speedTag : DEFAULT_SPEED_KMH[roadClass];
  const layer = parseNumber(tags.layer) ?? 0;
  const isBridge = tags.bridge !== undefined && tags.bridge !== 'no';
  const isTunnel = tags.tunnel !== undefined && tags.tunnel !== 'no';
  const gradeSeparated = roadClass === 'motorway' || isBridge || isTunnel || layer !== 0;
  return {
    roadClass,
    lanesPerDirection,
    oneway: ow.oneway,
    reversed: ow.reversed,
    speedLimitKmh,
    name: tags.name ?? '',
    nameEn: tags['name:en'] ?? '',
    gradeSeparated,
    ...(isBridge ? { structure: 'bridge' as const } : isTunnel ? { structure: 'tunnel' as const } : {}),
  };
}

/** Full paved width of the carriageway a centreline stands for. */
export function carriagewayWidthM(a: Pick<RoadAttributes, 'lanesPerDirection' | 'oneway'>): number {
  return a.lanesPerDirection * LANE_WIDTH_M * (a.oneway ? 1 : 2);
}
