/**
 * Turn choice at junctions for vehicles without a fixed line: weighted towards bigger roads and
 * going straight, never leaving the link's strongly connected component (so nobody strands).
 */
import type { Rng } from '../../core/rng';
import { classRank, type Network } from '../network/Network';

export class TurnTable {
  private readonly choices: Int32Array[] = [];
  private readonly cumWeights: Float64Array[] = [];

  constructor(private readonly net: Network) {
    for (const link of net.links) {
      const cands = net.successorsInComponent(link);
      const w = cands.map((c) => {
        const next = net.links[c]!;
        let turn = Math.abs(startYaw(net, c) - link.endYaw);
        if (turn > Math.PI) turn = 2 * Math.PI - turn;
        const straight = turn < Math.PI / 6 ? 2.5 : turn < (5 * Math.PI) / 6 ? 1 : 0.15;
        return (classRank(next.roadClass) + 1) * next.lanes * straight;
      });
      let acc = 0;
      this.choices.push(Int32Array.from(cands));
      this.cumWeights.push(Float64Array.from(w.map((x) => (acc += x))));
    }
  }

  /** Next link after `link`, or -1 at a dead end with no way back (should not happen in drivable links). */
  choose(link: number, rng: Rng): number {
    const c = this.choices[link]!;
    if (c.length === 0) return -1;
    if (c.length === 1) return c[0]!;
    const cw = this.cumWeights[link]!;
    const r = rng.next() * cw[cw.length - 1]!;
    for (let i = 0; i < c.length; i++) if (r < cw[i]!) return c[i]!;
    return c[c.length - 1]!;
  }

  get network(): Network {
    return this.net;
  }
}

function startYaw(net: Network, linkIndex: number): number {
  const l = net.links[linkIndex]!;
  return Math.atan2(l.ys[1]! - l.ys[0]!, l.xs[1]! - l.xs[0]!);
}
