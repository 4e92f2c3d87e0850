/**
 * Streaming parse of raw OSM XML (openstreetmap.org exports, JOSM files) into plain maps.
 * Uses saxes, a conforming XML parser, so entities, CDATA and comments are handled for us.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export type OsmTags = Record<string, string>;

export interface OsmNode {
  lon: number;
  lat: number;
  tags: OsmTags;
}

export interface OsmWay {
  id: string;
  refs: string[];
  tags: OsmTags;
}

export interface OsmMember {
  type: 'node' | 'way' | 'relation';
  ref: string;
  role: string;
}

export interface OsmRelation {
  id: string;
  members: OsmMember[];
  tags: OsmTags;
}

export interface OsmData {
  nodes: Map<string, OsmNode>;
  ways: Map<string, OsmWay>;
  /** In document order. */
  relations: OsmRelation[];
  /** Nodes dropped for missing or out-of-range coordinates. */
  invalidNodes: number;
}

type Current =
  | { kind: 'node'; id: string; node: OsmNode | null }
  | { kind: 'way'; way: OsmWay }
  | { kind: 'relation'; relation: OsmRelation }
  | null;

function isDeleted(attrs: Record<string, string>): boolean {
  return attrs.visible === 'false' || attrs.action === 'delete';
}

export function parseOsmXml(xml: string): OsmData {
  const data: OsmData = { nodes: new Map(), ways: new Map(), relations: [], invalidNodes: 0 };
  const parser = new SaxesParser();
  let current: Current = null;
  // saxes reports a close for every open, self-closing tags included, so depth counting is exact.
  let skipDepth = 0;
  let sawRoot = false;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    // Without namespace processing saxes gives plain string attribute values.
    const a = tag.attributes as Record<string, string>;
    if (tag.name === 'osm') sawRoot = true;
    if (skipDepth > 0) {
      skipDepth++;
      return;
    }
    switch (tag.name) {
      case 'node': {
        if (isDeleted(a)) {
          skipDepth = 1;
          break;
        }
        const lat = Number(a.lat), lon = Number(a.lon);
        const ok = a.id !== undefined && a.lat !== undefined && a.lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon)
          && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
        if (!ok) data.invalidNodes++;
        const node = ok ? { lon, lat, tags: {} } : null;
        if (node) data.nodes.set(a.id!, node);
        current = { kind: 'node', id: a.id ?? '', node };
        break;
      }
      case 'way':
        if (a.id === undefined || isDeleted(a)) skipDepth = 1;
        else current = { kind: 'way', way: { id: a.id, refs: [], tags: {} } };
        break;
      case 'relation':
        if (a.id === undefined || isDeleted(a)) skipDepth = 1;
        else current = { kind: 'relation', relation: { id: a.id, members: [], tags: {} } };
        break;
      case 'tag':
        if (a.k === undefined || a.v === undefined || !current) break;
        if (current.kind === 'node') {
          if (current.node) current.node.tags[a.k] = a.v;
        } else if (current.kind === 'way') current.way.tags[a.k] = a.v;
        else current.relation.tags[a.k] = a.v;
        break;
      case 'nd':
        if (current?.kind === 'way' && a.ref !== undefined) current.way.refs.push(a.ref);
        break;
      case 'member': {
        const type = a.type;
        if (current?.kind === 'relation' && a.ref !== undefined && (type === 'node' || type === 'way' || type === 'relation')) {
          current.relation.members.push({ type, ref: a.ref, role: a.role ?? '' });
        }
        break;
      }
      default:
        break;
    }
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    if (tag.name === 'way' && current?.kind === 'way') {
      data.ways.set(current.way.id, current.way);
      current = null;
    } else if (tag.name === 'relation' && current?.kind === 'relation') {
      data.relations.push(current.relation);
      current = null;
    } else if (tag.name === 'node') {
      current = null;
    }
  });
  parser.write(xml).close();
  if (!sawRoot) throw new Error('not an OSM XML document (no <osm> root element)');
  return data;
}
