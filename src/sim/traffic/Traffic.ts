/**
 * Vehicles on links, one FIFO queue per lane (no overtaking within a lane, so order is stable),
 * advanced with IDM. Hard limits (red stop lines, obstacles, bus stops, the leader's new position)
 * are enforced after integration, so a large step can never carry a vehicle through a red light.
 */
import type { Rng } from '../../core/rng';
import type { Network } from '../network/Network';
import type { ApproachState } from '../signals/SignalPlans';
import type { VehicleClass } from '../types';
import { busStopAhead } from './busStops';
import { idmAcceleration } from './idm';
import { TurnTable } from './routing';
import type { BusRun, Obstacle, SimVehicle } from './vehicle';
import { LaneIndex } from './LaneIndex';
import { CLASS_PROFILES } from './vehicleClasses';

export interface TrafficEnv {
  tS: number;
  /** Signal state at the end of a link, or null when unsignalised. */
  signalAt(link: number): ApproachState | null;
  obstaclesOn(link: number): readonly Obstacle[];
  /** Weather multiplier on desired speed. */
  speedFactor: number;
}

export interface StopLineCrossing {
  vehicle: SimVehicle;
  link: number;
  color: ApproachState['color'];
}

/** Stop line sits this far before the link's end node. */
export const STOP_LINE_BACKOFF_M = 1;
/** How far ahead a free-running vehicle looks into the next link. */
const LOOKAHEAD_M = 150;
/** Max deceleration a driver accepts to stop for amber. */
const AMBER_STOP_DECEL = 4.5;

export class Traffic {
  readonly vehicles: SimVehicle[] = [];
  readonly byId = new Map<string, SimVehicle>();
  /** Ids removed since the last drain, for the producer's "removed" list. */
  readonly removed: string[] = [];
  /** Vehicles that left each link since the last drain (flow counts). */
  readonly exits: Uint32Array;
  readonly turns: TurnTable;
  onCrossing: ((c: StopLineCrossing) => void) | null = null;
  private readonly lanes: LaneIndex;
  private stepCount = 0;
  private serial = 0;

  constructor(readonly net: Network, private readonly rng: Rng) {
    this.lanes = new LaneIndex(net);
    this.exits = new Uint32Array(net.links.length);
    this.turns = new TurnTable(net);
  }

  get count(): number {
    return this.byId.size;
  }

  laneQueue(link: number, lane: number): readonly SimVehicle[] {
    return this.lanes.queue(link, lane);
  }

  /** World position [x, y, yaw] of a vehicle, lane offset included. */
  position(v: SimVehicle, out: number[] | Float64Array): void {
    this.lanes.position(v, out);
  }

  /**
   * Adds a vehicle at a given or random place with room. Returns null when no room was found, so
   * callers can retry later instead of overlapping vehicles.
   */
  spawn(cls: VehicleClass, id: string, opts: { link?: number; s?: number; lane?: number; background?: boolean; bus?: BusRun } = {}): SimVehicle | null {
    const profile = CLASS_PROFILES[cls];
    for (let attempt = 0; attempt < 12; attempt++) {
      const link = opts.link ?? this.lanes.randomDrivableLink(this.rng);
      if (link < 0) return null;
      const L = this.net.links[link]!;
      const lane = opts.lane ?? this.rng.int(0, L.lanes);
      const s = opts.s ?? this.rng.range(Math.min(5, L.length / 2), Math.max(L.length - 8, L.length / 2));
      const q = this.lanes.queue(link, lane);
      let at = 0;
      while (at < q.length && q[at]!.s > s) at++;
      const ahead = q[at - 1], behind = q[at];
      const need = profile.idm.lengthM + profile.idm.minGapM + 1;
      if ((ahead && ahead.s - ahead.profile.idm.lengthM - s < need) || (behind && s - profile.idm.lengthM - behind.s < behind.profile.idm.minGapM + 1)) {
        if (opts.s !== undefined && attempt >= 3) return null;
        continue;
      }
      const [amin, amax] = profile.automation;
      const v: SimVehicle = {
        id, serial: this.serial++, cls, profile, automation: this.rng.int(amin, amax + 1), link, lane, s,
        v: 0, acc: 0, next: -1, desired: this.rng.range(0.9, 1.08), background: opts.background ?? false,
        tripLeftM: this.rng.range(1500, 8000), route: null, bus: opts.bus ?? null, limitS: Infinity, steppedAt: -1, alive: true,
      };
      v.next = this.chooseNext(v);
      q.splice(at, 0, v);
      this.vehicles.push(v);
      this.byId.set(id, v);
      return v;
    }
    return null;
  }

  despawn(v: SimVehicle): void {
    if (!v.alive) return;
    const q = this.lanes.queue(v.link, v.lane);
    const i = q.indexOf(v);
    if (i >= 0) q.splice(i, 1);
    v.alive = false;
    this.byId.delete(v.id);
    this.removed.push(v.id);
  }

  /** One fixed sub-step of dtS seconds. */
  step(dtS: number, env: TrafficEnv, retireBackground: () => boolean): void {
    this.stepCount++;
    const queues = this.lanes.all;
    for (const q of queues) for (let i = 0; i < q.length; i++) this.accelerate(q[i]!, i > 0 ? q[i - 1]! : null, env);
    for (const q of queues) {
      let departed = 0;
      for (let i = 0; i < q.length; i++) {
        const veh = q[i]!;
        if (veh.steppedAt === this.stepCount) continue;
        veh.steppedAt = this.stepCount;
        const leader = i > departed ? q[i - 1]! : null;
        if (this.integrate(veh, leader, dtS, env, retireBackground)) departed++;
      }
      if (departed > 0) q.splice(0, departed);
    }
    if (this.stepCount % 400 === 0) this.compact();
  }

  private accelerate(veh: SimVehicle, leader: SimVehicle | null, env: TrafficEnv): void {
    const link = this.net.links[veh.link]!;
    const p = veh.profile;
    let v0 = Math.min(link.speedLimitMps * p.speedFactor * veh.desired, p.maxSpeedMps) * env.speedFactor;
    let gap = Infinity, dv = 0;
    veh.limitS = Infinity;
    if (leader) {
      gap = leader.s - leader.profile.idm.lengthM - veh.s;
      dv = veh.v - leader.v;
    }
    // Every vehicle, not only the queue's front, obeys the stop line: a leader that cleared it on
    // amber must not drag its follower through red.
    const stopLine = Math.max(0, link.length - STOP_LINE_BACKOFF_M);
    const sig = env.signalAt(veh.link);
    let mustStop = false;
    if (sig && veh.s <= stopLine) {
      const d = stopLine - veh.s;
      mustStop = sig.color === 'red' || (sig.color === 'amber' && d > (veh.v * veh.v) / (2 * AMBER_STOP_DECEL) + veh.v * 0.3);
    }
    if (mustStop) {
      if (stopLine - veh.s < gap) {
        gap = stopLine - veh.s;
        dv = veh.v;
      }
      veh.limitS = stopLine;
    } else if (!leader && veh.next >= 0) {
      const space = this.lanes.entrySpace(veh.next, veh, env.obstaclesOn(veh.next));
      const g = link.length - veh.s + space.gap;
      if (g < LOOKAHEAD_M) {
        gap = g;
        dv = veh.v - space.speed;
      }
    }
    for (const ob of env.obstaclesOn(veh.link)) {
      if (ob.s < veh.s) continue;
      if (veh.lane < ob.lanesBlocked) {
        const g = ob.s - 1 - veh.s;
        if (g < gap) {
          gap = g;
          dv = veh.v;
        }
        veh.limitS = Math.min(veh.limitS, ob.s - 1);
      } else if (ob.s - veh.s < ob.slowZoneM) {
        v0 = Math.min(v0, ob.slowSpeedMps);
      }
    }
    if (veh.bus) {
      const stop = busStopAhead(veh, env.tS, this.rng);
      if (stop.dwelling) {
        veh.acc = 0;
        veh.v = 0;
        veh.limitS = veh.s;
        return;
      }
      if (stop.gap < gap) {
        gap = stop.gap;
        dv = veh.v;
      }
      veh.limitS = Math.min(veh.limitS, stop.limitS);
    }
    veh.acc = idmAcceleration(p.idm, veh.v, v0, gap, dv);
  }

  /** Integrates one vehicle; returns true when it left its queue (moved on or despawned). */
  private integrate(veh: SimVehicle, leader: SimVehicle | null, dt: number, env: TrafficEnv, retire: () => boolean): boolean {
    const s0 = veh.s;
    let v = veh.v + veh.acc * dt;
    let ds: number;
    if (v < 0) {
      ds = veh.acc < 0 ? (-0.5 * veh.v * veh.v) / veh.acc : 0;
      v = 0;
    } else {
      ds = veh.v * dt + 0.5 * veh.acc * dt * dt;
    }
    let s = s0 + Math.max(0, ds);
    if (leader) {
      const maxS = leader.s - leader.profile.idm.lengthM - 0.5;
      if (s > maxS) {
        s = Math.max(s0, maxS);
        v = Math.min(v, leader.v);
      }
    }
    if (s > veh.limitS) {
      s = Math.max(s0, veh.limitS);
      v = 0;
    }
    const link = this.net.links[veh.link]!;
    this.reportCrossing(veh, link.index, s0, s, env);
    veh.v = v;
    if (s < link.length) {
      veh.s = s;
      return false;
    }
    return this.moveOn(veh, s, env, retire);
  }

  private moveOn(veh: SimVehicle, sIn: number, env: TrafficEnv, retire: () => boolean): boolean {
    let s = sIn;
    const startQueue = this.lanes.queue(veh.link, veh.lane);
    let link = this.net.links[veh.link]!;
    while (s >= link.length) {
      veh.tripLeftM -= link.length;
      if (veh.background && veh.tripLeftM <= 0 && retire()) {
        this.exits[link.index]!++;
        veh.alive = false;
        this.byId.delete(veh.id);
        this.removed.push(veh.id);
        return true;
      }
      if (veh.tripLeftM <= 0) this.newTrip(veh);
      const next = veh.next;
      const space = next >= 0 ? this.lanes.entrySpace(next, veh, env.obstaclesOn(next)) : null;
      const overflow = s - link.length;
      if (!space || space.gap < overflow) {
        // Blocked exit (spill-back from the next link): wait at the end of this one.
        s = Math.max(link.length - 0.01, 0);
        veh.tripLeftM += link.length;
        veh.v = 0;
        break;
      }
      this.exits[link.index]!++;
      if (veh.bus) veh.bus.pathIndex = (veh.bus.pathIndex + 1) % veh.bus.line.path.length;
      veh.link = next;
      veh.lane = space.lane;
      link = this.net.links[next]!;
      s = overflow;
      veh.next = this.chooseNext(veh);
      const stopLine = Math.max(0, link.length - STOP_LINE_BACKOFF_M);
      const sig = env.signalAt(link.index);
      if (sig && sig.color === 'red' && s > stopLine) {
        s = stopLine;
        veh.v = 0;
      }
      this.reportCrossing(veh, link.index, 0, s, env);
    }
    veh.s = s;
    const q = this.lanes.queue(veh.link, veh.lane);
    if (q === startQueue) return false;
    q.push(veh);
    return true;
  }

  private reportCrossing(veh: SimVehicle, linkIndex: number, s0: number, s1: number, env: TrafficEnv): void {
    if (!this.onCrossing) return;
    const link = this.net.links[linkIndex]!;
    const stopLine = Math.max(0, link.length - STOP_LINE_BACKOFF_M);
    if (s0 <= stopLine && s1 > stopLine) {
      const sig = env.signalAt(linkIndex);
      if (sig) this.onCrossing({ vehicle: veh, link: linkIndex, color: sig.color });
    }
  }

  private chooseNext(veh: SimVehicle): number {
    if (veh.bus) {
      const path = veh.bus.line.path;
      return path[(veh.bus.pathIndex + 1) % path.length]!;
    }
    return this.turns.choose(veh.link, this.rng);
  }

  private newTrip(veh: SimVehicle): void {
    veh.tripLeftM = this.rng.range(1500, 8000);
    if (veh.cls === 'robotaxi') veh.route = `T${veh.serial}-${Math.floor(this.rng.next() * 1e6)}`;
  }

  private compact(): void {
    let w = 0;
    for (const v of this.vehicles) if (v.alive) this.vehicles[w++] = v;
    this.vehicles.length = w;
  }
}
