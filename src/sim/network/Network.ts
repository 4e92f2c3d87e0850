/**
 * The road graph as the simulator drives it: directed links (a two-way edge gives two), with
 * cumulative lengths for O(log n) position lookup, and a successor relation that only allows a
 * U-turn at a dead end.
 */
import type { RoadClass, RoadGraph, RoadStructure } from '../../core/roadGraph';
import { stronglyConnectedComponents } from './scc';

export interface Link {
  index: number;
  edgeId: number;
  reverse: boolean;
  from: number; // node index
  to: number; // node index
  xs: Float64Array;
  ys: Float64Array;
  /** Cumulative length at each polyline vertex; last entry is the link length. */
  cum: Float64Array;
  length: number;
  lanes: number;
  speedLimitMps: number;
  roadClass: RoadClass;
  name: string;
  nameEn: string;
  /** Bridge or tunnel: the link runs above or below the ground. */
  structure?: RoadStructure;
  /** Travel direction entering the end node, radians counter-clockwise from east. */
  endYaw: number;
  successors: number[];
  /** Index of the strongly connected component this link belongs to. */
  component: number;
}

export interface NetNode {
  index: number;
  id: number;
  x: number;
  y: number;
  signalised: boolean;
  inLinks: number[];
  outLinks: number[];
}

/** Edges shorter than this are junction artefacts and would make vehicles jump. */
const MIN_LINK_LENGTH_M = 2;
/** Components smaller than this are fragments too short to host a vehicle's life. */
const MIN_COMPONENT_LENGTH_M = 300;

const CLASS_RANK: Record<RoadClass, number> = {
  motorway: 6, trunk: 5, primary: 4, secondary: 3, tertiary: 2, residential: 1, service: 0,
};

export function classRank(c: RoadClass): number {
  return CLASS_RANK[c];
}

export class Network {
  readonly nodes: NetNode[] = [];
  readonly links: Link[] = [];
  /** Links in components long enough to drive in, in index order (deterministic). */
  readonly drivable: number[] = [];
  readonly totalLengthM: number;
  readonly drivableLengthM: number;
  private readonly nodeIndexById = new Map<number, number>();
  /** Key edgeId*2+reverse → link index. */
  private readonly linkByEdgeDir = new Map<number, number>();

  constructor(graph: RoadGraph) {
    for (const n of graph.nodes) {
      if (this.nodeIndexById.has(n.id)) continue;
      this.nodeIndexById.set(n.id, this.nodes.length);
      this.nodes.push({ index: this.nodes.length, id: n.id, x: n.x, y: n.y, signalised: n.signalised, inLinks: [], outLinks: [] });
    }
    for (const e of graph.edges) {
      const from = this.nodeIndexById.get(e.from);
      const to = this.nodeIndexById.get(e.to);
      if (from === undefined || to === undefined) continue;
      this.addLink(e.id, false, from, to, e.points, e);
      if (!e.oneway) this.addLink(e.id, true, to, from, [...e.points].reverse(), e);
    }
    for (const l of this.links) {
      const end = this.nodes[l.to]!;
      const ahead = end.outLinks.filter((o) => !this.isUTurn(l, this.links[o]!));
      l.successors = ahead.length > 0 ? ahead : end.outLinks.filter((o) => this.isUTurn(l, this.links[o]!));
    }
    const comp = stronglyConnectedComponents(this.links.length, (i) => this.links[i]!.successors);
    const compLength = new Map<number, number>();
    this.links.forEach((l, i) => {
      l.component = comp[i]!;
      compLength.set(l.component, (compLength.get(l.component) ?? 0) + l.length);
    });
    let total = 0, drivable = 0;
    for (const l of this.links) {
      total += l.length;
      if ((compLength.get(l.component) ?? 0) >= MIN_COMPONENT_LENGTH_M && l.successors.length > 0) {
        this.drivable.push(l.index);
        drivable += l.length;
      }
    }
    this.totalLengthM = total;
    this.drivableLengthM = drivable;
  }

  nodeIndex(id: number): number | undefined {
    return this.nodeIndexById.get(id);
  }

  linkFor(edgeId: number, reverse: boolean): Link | undefined {
    const i = this.linkByEdgeDir.get(edgeId * 2 + (reverse ? 1 : 0));
    return i === undefined ? undefined : this.links[i];
  }

  /** Successors that stay inside the link's component, so a vehicle can never strand itself. */
  successorsInComponent(link: Link): number[] {
    return link.successors.filter((s) => this.links[s]!.component === link.component);
  }

  isUTurn(a: Link, b: Link): boolean {
    return a.edgeId === b.edgeId && a.reverse !== b.reverse;
  }

  /**
   * Position at distance s along a link, shifted `lateralM` to the right of travel (lanes).
   * Writes [x, y, yaw] into out to avoid allocation in the step loop.
   */
  pointAt(link: Link, s: number, lateralM: number, out: Float64Array | number[]): void {
    const cum = link.cum;
    const n = cum.length;
    const sc = s <= 0 ? 0 : s >= link.length ? link.length : s;
    let lo = 0, hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! <= sc) lo = mid;
      else hi = mid;
    }
    const segLen = cum[hi]! - cum[lo]!;
    const t = segLen > 0 ? (sc - cum[lo]!) / segLen : 0;
    const dx = link.xs[hi]! - link.xs[lo]!, dy = link.ys[hi]! - link.ys[lo]!;
    const d = Math.hypot(dx, dy) || 1;
    // Right-hand normal of the travel direction (dy, -dx): Shanghai drives on the right.
    out[0] = link.xs[lo]! + dx * t + (dy / d) * lateralM;
    out[1] = link.ys[lo]! + dy * t + (-dx / d) * lateralM;
    out[2] = Math.atan2(dy, dx);
  }

  private addLink(edgeId: number, reverse: boolean, from: number, to: number, pts: [number, number][],
    e: { lanes: number; speedLimitKmh: number; roadClass: RoadClass; name: string; nameEn: string; structure?: RoadStructure }): void {
    const xs: number[] = [], ys: number[] = [];
    for (const [x, y] of pts) {
      if (xs.length > 0 && Math.hypot(x - xs[xs.length - 1]!, y - ys[ys.length - 1]!) < 1e-3) continue;
      xs.push(x);
      ys.push(y);
    }
    if (xs.length < 2) return;
    const cum = new Float64Array(xs.length);
    for (let i = 1; i < xs.length; i++) cum[i] = cum[i - 1]! + Math.hypot(xs[i]! - xs[i - 1]!, ys[i]! - ys[i - 1]!);
    const length = cum[xs.length - 1]!;
    if (length < MIN_LINK_LENGTH_M) return;
    const k = xs.length - 1;
    const link: Link = {
      index: this.links.length, edgeId, reverse, from, to,
      xs: Float64Array.from(xs), ys: Float64Array.from(ys), cum, length,
      lanes: e.lanes, speedLimitMps: e.speedLimitKmh / 3.6, roadClass: e.roadClass, name: e.name, nameEn: e.nameEn,
      endYaw: Math.atan2(ys[k]! - ys[k - 1]!, xs[k]! - xs[k - 1]!),
      successors: [], component: -1,
      ...(e.structure ? { structure: e.structure } : {}),
    };
    this.linkByEdgeDir.set(edgeId * 2 + (reverse ? 1 : 0), link.index);
    this.links.push(link);
    this.nodes[from]!.outLinks.push(link.index);
    this.nodes[to]!.inLinks.push(link.index);
  }
}
