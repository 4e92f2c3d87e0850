/**
 * Connected-bus lines laid out on the road graph: an out-and-back loop between two junctions a few
 * kilometres apart (shortest paths both ways, so one-way streets are respected), with stops about
 * every 450 m placed clear of junctions.
 */
import type { Rng } from '../../core/rng';
import { classRank, type Network } from '../network/Network';
import { linkShortestPaths, pathTo } from '../network/shortestPath';
import type { LocalizedName } from '../types';

export interface BusStop {
  id: string;
  lineId: string;
  name: LocalizedName;
  pathIndex: number;
  /** Distance along the stop's link, m. */
  s: number;
  /** Distance along the whole loop, m. */
  along: number;
  x: number;
  y: number;
}

export interface BusLine {
  id: string;
  name: LocalizedName;
  /** Link indices; after the last comes the first again. */
  path: number[];
  /** Loop distance at the start of each path element. */
  startAlong: number[];
  lengthM: number;
  stops: BusStop[];
}

const STOP_SPACING_M = 450;
const STOP_CLEAR_START_M = 15;
const STOP_CLEAR_END_M = 30;
const MIN_TRIP_M = 2000;
const MAX_TRIP_M = 6000;

export function buildBusLines(net: Network, count: number, rng: Rng): BusLine[] {
  const lines: BusLine[] = [];
  const major = net.drivable.filter((i) => classRank(net.links[i]!.roadClass) >= 2);
  const starts = major.length > 0 ? major : net.drivable;
  if (starts.length === 0) return lines;
  for (let attempt = 0; lines.length < count && attempt < count * 4; attempt++) {
    const start = rng.pick(starts);
    const out = linkShortestPaths(net, start);
    const comp = net.links[start]!.component;
    const inRange: number[] = [];
    let farthest = -1;
    for (const i of net.drivable) {
      const d = out.dist[i]!;
      if (i === start || net.links[i]!.component !== comp || !Number.isFinite(d)) continue;
      if (d >= MIN_TRIP_M && d <= MAX_TRIP_M) inRange.push(i);
      if (farthest < 0 || d > out.dist[farthest]!) farthest = i;
    }
    const target = inRange.length > 0 ? rng.pick(inRange) : farthest;
    if (target < 0) continue;
    const there = pathTo(out, target);
    const back = pathTo(linkShortestPaths(net, target), start);
    if (there.length < 1 || back.length < 2) continue;
    const path = there.concat(back.slice(1, -1));
    lines.push(layoutLine(net, `L${lines.length + 1}`, path));
  }
  return lines;
}

function layoutLine(net: Network, id: string, path: number[]): BusLine {
  const startAlong: number[] = [];
  let along = 0;
  for (const li of path) {
    startAlong.push(along);
    along += net.links[li]!.length;
  }
  const first = net.links[path[0]!]!;
  const name: LocalizedName = { zh: `智能网联公交${id}线`, en: `Connected bus ${id}` };
  const line: BusLine = { id, name, path, startAlong, lengthM: along, stops: [] };
  const pt = [0, 0, 0];
  let nextAt = STOP_CLEAR_START_M;
  for (let pi = 0; pi < path.length; pi++) {
    const link = net.links[path[pi]!]!;
    if (link.length < STOP_CLEAR_START_M + STOP_CLEAR_END_M) continue;
    const lo = startAlong[pi]! + STOP_CLEAR_START_M;
    const hi = startAlong[pi]! + link.length - STOP_CLEAR_END_M;
    if (nextAt > hi) continue;
    const at = Math.max(nextAt, lo);
    const s = at - startAlong[pi]!;
    net.pointAt(link, s, 0, pt);
    const n = line.stops.length + 1;
    const road = link.name || first.name;
    const roadEn = link.nameEn || first.nameEn;
    line.stops.push({
      id: `${id}-S${n}`, lineId: id, pathIndex: pi, s, along: at, x: pt[0]!, y: pt[1]!,
      name: { zh: road ? `${road}站(${id}-${n})` : `${id}线第${n}站`, en: roadEn ? `${roadEn} (${id}-${n})` : `${id} stop ${n}` },
    });
    nextAt = at + STOP_SPACING_M;
  }
  return line;
}

/** Loop distance from `fromAlong` forward to `toAlong`. */
export function loopDistance(line: BusLine, fromAlong: number, toAlong: number): number {
  const d = toAlong - fromAlong;
  return d >= 0 ? d : d + line.lengthM;
}
