/**
 * Incidents and events the simulator knows about: crashes (which close lanes and slow the rest),
 * underpass flooding (raised from the water-level model) and RSU faults. Each changes status
 * active → clearing → resolved and is reported on every change.
 */
import type { Rng } from '../../core/rng';
import type { Network } from '../network/Network';
import type { Obstacle } from '../traffic/vehicle';
import type { IncidentStatus, IncidentType } from '../types';

export interface SimIncident {
  id: string;
  type: IncidentType;
  severity: 1 | 2 | 3 | 4;
  x: number;
  y: number;
  status: IncidentStatus;
  startedSimMs: number;
  link?: number;
  sAlong?: number;
  lanesBlocked?: number;
  sensorId?: string;
  clearAtS: number;
  resolveAtS: number;
}

/** A crash blocks lanes for 20–40 min, then the tow truck leaves a 5–10 min slow "clearing" phase. */
const CRASH_ACTIVE_S: [number, number] = [1200, 2400];
const CRASH_CLEARING_S: [number, number] = [300, 600];
const RUBBERNECK_MPS = 15 / 3.6;
const RUBBERNECK_ZONE_M = 120;
/** Resolved incidents are kept this long so every client sees the resolution. */
const RESOLVED_LINGER_S = 120;

export class Incidents {
  readonly list: SimIncident[] = [];
  /** Ids whose state changed since the last drain. */
  readonly changed = new Set<string>();
  private seq = 0;
  private readonly obstacles = new Map<number, Obstacle[]>();
  private readonly none: Obstacle[] = [];

  constructor(private readonly net: Network, private readonly rng: Rng) {}

  obstaclesOn(link: number): readonly Obstacle[] {
    return this.obstacles.get(link) ?? this.none;
  }

  active(): SimIncident[] {
    return this.list.filter((i) => i.status !== 'resolved');
  }

  /**
   * A crash at sAlong on a link. By default it closes one lane (two on wide roads); a serious crash
   * (`closeAll`) closes the whole direction until police clear it, which is what makes queues spill
   * back into upstream links.
   */
  crash(tS: number, simMs: number, link: number, sAlong: number, closeAll = false): SimIncident {
    const L = this.net.links[link]!;
    const pt = [0, 0, 0];
    this.net.pointAt(L, sAlong, 0, pt);
    const lanesBlocked = closeAll ? L.lanes : L.lanes <= 2 ? 1 : 2;
    const active = this.rng.range(CRASH_ACTIVE_S[0], CRASH_ACTIVE_S[1]);
    const inc: SimIncident = {
      id: `inc-${++this.seq}`, type: 'crash', severity: lanesBlocked >= L.lanes ? 3 : 2, x: pt[0]!, y: pt[1]!, status: 'active',
      startedSimMs: simMs, link, sAlong, lanesBlocked, clearAtS: tS + active,
      resolveAtS: tS + active + this.rng.range(CRASH_CLEARING_S[0], CRASH_CLEARING_S[1]),
    };
    this.add(inc);
    return inc;
  }

  /** Opens (or keeps) an incident tied to a sensor; returns it. */
  raiseForSensor(type: IncidentType, sensorId: string, x: number, y: number, simMs: number, severity: 1 | 2 | 3 | 4, untilS = Infinity): SimIncident {
    const open = this.list.find((i) => i.sensorId === sensorId && i.type === type && i.status !== 'resolved');
    if (open) return open;
    const inc: SimIncident = { id: `inc-${++this.seq}`, type, severity, x, y, status: 'active', startedSimMs: simMs, sensorId, clearAtS: untilS, resolveAtS: untilS };
    this.add(inc);
    return inc;
  }

  resolveForSensor(type: IncidentType, sensorId: string, tS: number): void {
    for (const i of this.list) {
      if (i.sensorId === sensorId && i.type === type && i.status !== 'resolved') {
        i.clearAtS = i.resolveAtS = tS;
      }
    }
  }

  step(tS: number): void {
    let obstaclesDirty = false;
    for (const i of this.list) {
      const before = i.status;
      if (i.status === 'active' && tS >= i.clearAtS) i.status = tS >= i.resolveAtS ? 'resolved' : 'clearing';
      else if (i.status === 'clearing' && tS >= i.resolveAtS) i.status = 'resolved';
      if (i.status !== before) {
        this.changed.add(i.id);
        if (i.link !== undefined) obstaclesDirty = true;
        if (i.status === 'resolved') i.resolveAtS = tS;
      }
    }
    const keep = this.list.filter((i) => i.status !== 'resolved' || tS - i.resolveAtS < RESOLVED_LINGER_S);
    if (keep.length !== this.list.length) {
      this.list.length = 0;
      this.list.push(...keep);
    }
    if (obstaclesDirty) this.rebuildObstacles();
  }

  private add(inc: SimIncident): void {
    this.list.push(inc);
    this.changed.add(inc.id);
    if (inc.link !== undefined) this.rebuildObstacles();
  }

  private rebuildObstacles(): void {
    this.obstacles.clear();
    for (const i of this.list) {
      if (i.link === undefined || i.sAlong === undefined || i.status === 'resolved') continue;
      const ob: Obstacle = {
        s: i.sAlong, lanesBlocked: i.status === 'active' ? i.lanesBlocked ?? 1 : 0,
        slowSpeedMps: RUBBERNECK_MPS, slowZoneM: RUBBERNECK_ZONE_M,
      };
      const arr = this.obstacles.get(i.link) ?? [];
      arr.push(ob);
      this.obstacles.set(i.link, arr);
    }
  }
}
