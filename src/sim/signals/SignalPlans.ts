/**
 * Fixed-time signal plans for every signalised junction (SCATS-style two-phase control is the
 * common case in Jiading). Approaches are grouped into two movements by their axis; a junction
 * with a single approach axis still cycles, with the cross phase serving pedestrians.
 */
import type { Rng } from '../../core/rng';
import { classRank, type Network } from '../network/Network';
import type { SignalColor } from '../types';

export const AMBER_S = 3;
export const ALL_RED_S = 2;

export interface Junction {
  /** Road-graph node id. */
  nodeId: number;
  nodeIndex: number;
  cycleS: number;
  offsetS: number;
  /** Green duration per group. */
  greenS: [number, number];
  /** Incoming link index → group 0 or 1. */
  groupOfLink: Map<number, 0 | 1>;
}

export interface ApproachState {
  color: SignalColor;
  /** Seconds until this approach's colour changes. */
  remainingS: number;
}

const MIN_GREEN_S = 12;

function cycleForRank(rank: number): number {
  if (rank >= 5) return 120;
  if (rank >= 4) return 100;
  if (rank >= 3) return 80;
  return 60;
}

function axisOf(yaw: number): number {
  const a = yaw % Math.PI;
  return a < 0 ? a + Math.PI : a;
}

function axisDistance(a: number, b: number): number {
  const d = Math.abs(a - b);
  return Math.min(d, Math.PI - d);
}

export function buildSignalPlans(net: Network, rng: Rng): Junction[] {
  const out: Junction[] = [];
  for (const node of net.nodes) {
    if (!node.signalised || node.inLinks.length === 0) continue;
    const first = net.links[node.inLinks[0]!]!;
    const axis0 = axisOf(first.endYaw);
    const groupOfLink = new Map<number, 0 | 1>();
    const lanes: [number, number] = [0, 0];
    let rank = 0;
    for (const li of node.inLinks) {
      const l = net.links[li]!;
      const g: 0 | 1 = axisDistance(axisOf(l.endYaw), axis0) <= Math.PI / 4 ? 0 : 1;
      groupOfLink.set(li, g);
      lanes[g] += l.lanes;
      rank = Math.max(rank, classRank(l.roadClass));
    }
    const cycleS = cycleForRank(rank);
    const greenTotal = cycleS - 2 * (AMBER_S + ALL_RED_S);
    // The cross phase with no vehicle approach still needs a pedestrian green.
    const w0 = lanes[0] || 1, w1 = lanes[1] || Math.max(1, lanes[0] * 0.4);
    const g0 = Math.max(MIN_GREEN_S, Math.round((greenTotal * w0) / (w0 + w1)));
    const greenS: [number, number] = [g0, Math.max(MIN_GREEN_S, greenTotal - g0)];
    out.push({ nodeId: node.id, nodeIndex: node.index, cycleS: greenS[0] + greenS[1] + 2 * (AMBER_S + ALL_RED_S), offsetS: rng.int(0, cycleS), greenS, groupOfLink });
  }
  return out;
}

/** Colour and countdown of one approach group at simulated time t (seconds). */
export function groupState(j: Junction, group: 0 | 1, tS: number): ApproachState {
  const c = j.cycleS;
  const phase = (((tS + j.offsetS) % c) + c) % c;
  const [g0, g1] = j.greenS;
  // Cycle: G0, A0, R-all, G1, A1, R-all.
  const a0End = g0 + AMBER_S;
  const r0End = a0End + ALL_RED_S;
  const g1End = r0End + g1;
  const a1End = g1End + AMBER_S;
  if (group === 0) {
    if (phase < g0) return { color: 'green', remainingS: g0 - phase };
    if (phase < a0End) return { color: 'amber', remainingS: a0End - phase };
    return { color: 'red', remainingS: c - phase };
  }
  if (phase < r0End) return { color: 'red', remainingS: r0End - phase };
  if (phase < g1End) return { color: 'green', remainingS: g1End - phase };
  if (phase < a1End) return { color: 'amber', remainingS: a1End - phase };
  return { color: 'red', remainingS: c - phase + r0End };
}
