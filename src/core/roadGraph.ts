/**
 * The road graph a zone's tiler emits (public/tiles/<zone>/roads.json) and the simulator drives on.
 * Coordinates are the zone's local ENU metres [east, north].
 */
export type RoadClass = 'motorway' | 'trunk' | 'primary' | 'secondary' | 'tertiary' | 'residential' | 'service';

export interface RoadNode {
  id: number;
  x: number; // east, m
  y: number; // north, m
  signalised: boolean;
  /** OSM node id of a real signal, when the node carries one. */
  osmSignalId?: string;
}

export interface RoadEdge {
  id: number;
  from: number; // node id
  to: number; // node id
  /** Polyline from `from` to `to`, inclusive of both end points, ENU metres. */
  points: [number, number][];
  lengthM: number;
  lanes: number; // per direction
  oneway: boolean;
  speedLimitKmh: number;
  roadClass: RoadClass;
  name: string;
  nameEn: string;
  /** 'osm' for real OSM ways, 'skeleton' for hand-drawn street skeletons that follow the real layout. */
  source: 'osm' | 'skeleton';
  osmWayId?: string;
  /** Raised or sunk: nothing stands on it at ground level (no kerbside poles, no ground surface over water). */
  structure?: RoadStructure;
}

export type RoadStructure = 'bridge' | 'tunnel';

export interface RoadGraph {
  version: 1;
  zoneId: string;
  nodes: RoadNode[];
  edges: RoadEdge[];
}
