/**
 * Evaluates every junction's plan once per step and caches the state per incoming link, so the
 * traffic loop's many `signalAt` calls are array lookups without allocation.
 */
import type { Rng } from '../../core/rng';
import type { Network } from '../network/Network';
import { buildSignalPlans, groupState, type ApproachState, type Junction } from './SignalPlans';

export class SignalSystem {
  readonly junctions: Junction[];
  private readonly stateOfLink: (ApproachState | null)[];
  private readonly junctionOfLink: Int32Array;
  /** Bumped for a junction whenever any of its approaches changes colour. */
  readonly changeSeq: Uint32Array;
  private readonly lastColorKey: string[];

  constructor(readonly net: Network, rng: Rng) {
    this.junctions = buildSignalPlans(net, rng);
    this.stateOfLink = net.links.map(() => null);
    this.junctionOfLink = new Int32Array(net.links.length).fill(-1);
    this.junctions.forEach((j, ji) => {
      for (const li of j.groupOfLink.keys()) {
        this.junctionOfLink[li] = ji;
        this.stateOfLink[li] = { color: 'red', remainingS: 0 };
      }
    });
    this.changeSeq = new Uint32Array(this.junctions.length);
    this.lastColorKey = this.junctions.map(() => '');
  }

  update(tS: number): void {
    this.junctions.forEach((j, ji) => {
      const g0 = groupState(j, 0, tS), g1 = groupState(j, 1, tS);
      let key = '';
      for (const [li, g] of j.groupOfLink) {
        const st = this.stateOfLink[li]!;
        const src = g === 0 ? g0 : g1;
        st.color = src.color;
        st.remainingS = src.remainingS;
        key += src.color[0];
      }
      if (key !== this.lastColorKey[ji]) {
        this.lastColorKey[ji] = key;
        this.changeSeq[ji]!++;
      }
    });
  }

  signalAt(link: number): ApproachState | null {
    return this.stateOfLink[link] ?? null;
  }

  /** Approach states of a junction, in its incoming-link order. */
  approaches(ji: number): { link: number; state: ApproachState }[] {
    const j = this.junctions[ji]!;
    return [...j.groupOfLink.keys()].map((link) => ({ link, state: this.stateOfLink[link]! }));
  }
}
