/**
 * The zone simulator: road network, signals, traffic, sensors, weather and incidents, advanced in
 * fixed sub-steps of simulated time. Seeded and free of wall-clock reads: the host decides how much
 * simulated time passes (that is how the 1×–60× time scale works) and when.
 */
import { createRng, type Rng } from '../core/rng';
import type { RoadGraph } from '../core/roadGraph';
import { Incidents, type SimIncident } from './incidents/Incidents';
import { Network } from './network/Network';
import type { ScenarioParams, ScheduledScenario } from './scenarios/scenarios';
import { placeSensors } from './sensors/placement';
import { Sensors } from './sensors/Sensors';
import { SignalSystem } from './signals/SignalSystem';
import { trafficDemand } from './time/demand';
import { buildBusLines, type BusLine } from './traffic/busLines';
import { planFleet, type FleetPlan } from './traffic/fleetSizing';
import { SegmentStats } from './traffic/SegmentStats';
import { Traffic, type TrafficEnv } from './traffic/Traffic';
import type { ScenarioName, VehicleClass } from './types';
import { Weather } from './weather';
import { zoneProfile, type ZoneProfile } from './zones/zoneProfiles';

export interface SimulationOptions {
  graph: RoadGraph;
  zoneId: string;
  seed: number | string;
  /** Simulated start time, epoch ms. */
  startSimMs: number;
  fleetScale?: number;
  /** Override the computed fleet (tests, benchmarks). */
  fleet?: Partial<FleetPlan>;
  randomIncidents?: boolean;
  stepS?: number;
}

/** 0.2 s: at 1× and the default 5 Hz delta rate every delta carries a new simulation state. */
export const DEFAULT_STEP_S = 0.2;
const BUSES_PER_LINE = 8;
const DEFAULT_FAULT_S = 3600;
const MAX_SCENARIO_LOG = 100;

export class Simulation {
  readonly zoneId: string;
  readonly profile: ZoneProfile;
  readonly net: Network;
  readonly signals: SignalSystem;
  readonly traffic: Traffic;
  readonly sensors: Sensors;
  readonly incidents: Incidents;
  readonly weather = new Weather();
  readonly segments: SegmentStats;
  readonly fleet: FleetPlan;
  readonly busLines: BusLine[];
  readonly startSimMs: number;
  readonly stepS: number;
  /** Simulated seconds since start. */
  tS = 0;
  rainMmH = 0;
  readonly scenarioLog: { name: ScenarioName; atSimMs: number; detail: string }[] = [];
  private readonly rngEvents: Rng;
  private readonly rngDemand: Rng;
  private readonly schedule: ScheduledScenario[] = [];
  private readonly randomIncidents: boolean;
  private background = 0;
  private backgroundTarget = 0;
  private backgroundSerial = 0;
  private accumS = 0;
  private stepIndex = 0;
  private readonly env: TrafficEnv;

  constructor(o: SimulationOptions) {
    // Independent streams per subsystem, so adding a sensor never changes the traffic trace.
    const seed = String(o.seed);
    this.zoneId = o.zoneId;
    this.profile = zoneProfile(o.zoneId);
    this.startSimMs = o.startSimMs;
    this.stepS = o.stepS ?? DEFAULT_STEP_S;
    this.randomIncidents = o.randomIncidents ?? true;
    this.rngEvents = createRng(`${seed}:events`);
    this.rngDemand = createRng(`${seed}:demand`);
    this.net = new Network(o.graph);
    this.signals = new SignalSystem(this.net, createRng(`${seed}:signals`));
    this.traffic = new Traffic(this.net, createRng(`${seed}:traffic`));
    this.incidents = new Incidents(this.net, createRng(`${seed}:incidents`));
    this.segments = new SegmentStats(this.net);
    this.sensors = new Sensors(placeSensors(this.net, this.profile), this.net, this.profile, createRng(`${seed}:sensors`), 0);
    const laneKm = this.net.drivable.reduce((a, i) => a + this.net.links[i]!.length * this.net.links[i]!.lanes, 0) / 1000;
    this.fleet = { ...planFleet(this.profile, this.net.drivableLengthM / 1000, laneKm, o.fleetScale ?? 1), ...o.fleet };
    this.busLines = this.fleet.bus > 0 ? buildBusLines(this.net, Math.ceil(this.fleet.bus / BUSES_PER_LINE), createRng(`${seed}:lines`)) : [];
    this.env = {
      tS: 0,
      signalAt: (l) => this.signals.signalAt(l),
      obstaclesOn: (l) => this.incidents.obstaclesOn(l),
      speedFactor: 1,
    };
    this.signals.update(0);
    this.populate();
  }

  get simMs(): number {
    return this.startSimMs + Math.round(this.tS * 1000);
  }

  /** Advances by simulated milliseconds in fixed sub-steps; the remainder carries to the next call. */
  advance(simMsDelta: number): number {
    if (!(simMsDelta > 0)) return 0;
    this.accumS += simMsDelta / 1000;
    let n = 0;
    while (this.accumS >= this.stepS - 1e-9) {
      this.accumS -= this.stepS;
      this.step();
      n++;
    }
    return n;
  }

  step(): void {
    const dt = this.stepS;
    this.tS = (++this.stepIndex) * dt;
    const simMs = this.simMs;
    this.runSchedule();
    this.signals.update(this.tS);
    this.rainMmH = this.weather.rainMmH(this.tS);
    this.env.tS = this.tS;
    this.env.speedFactor = Weather.speedFactor(this.rainMmH);
    this.traffic.step(dt, this.env, () => {
      if (this.background <= this.backgroundTarget) return false;
      this.background--;
      return true;
    });
    const everySecond = Math.round(1 / dt);
    if (this.stepIndex % everySecond === 0) {
      this.segments.sample(this.traffic, 1);
      this.sensors.step(this.tS, 1, simMs, this.rainMmH);
      this.checkSensorIncidents(simMs);
      this.incidents.step(this.tS);
    }
    if (this.stepIndex % (5 * everySecond) === 0) this.balanceDemand();
    if (this.randomIncidents && this.stepIndex % (60 * everySecond) === 0) this.maybeRandomCrash(simMs);
  }

  scheduleScenario(s: ScheduledScenario): void {
    this.schedule.push({ ...s, atS: Math.max(s.atS, this.tS) });
  }

  /** Applies a scenario now. Returns a short description of what it did. */
  trigger(name: ScenarioName, params: ScenarioParams = {}): string {
    const tS = this.tS;
    const until = tS + (params.durationS ?? DEFAULT_FAULT_S);
    let detail: string;
    switch (name) {
      case 'rainstorm':
        this.weather.startStorm(tS);
        detail = 'rainstorm started';
        break;
      case 'crash': {
        const link = this.crashLink(params);
        if (link < 0) {
          detail = 'no road for a crash';
          break;
        }
        const L = this.net.links[link]!;
        // A triggered crash is the serious kind (direction closed); random ones close a lane.
        const inc = this.incidents.crash(tS, this.simMs, link, Math.min(L.length - 10, Math.max(10, L.length * 0.6)), params.closeAll ?? true);
        detail = `crash ${inc.id} on edge ${L.edgeId}${L.reverse ? ' (reverse)' : ''}`;
        break;
      }
      case 'sensor-silent': {
        const spec = this.pickSensor(params.sensorId, 'water_level');
        detail = spec && this.sensors.silence(spec.id, until) ? `sensor ${spec.id} silent` : 'no such sensor';
        break;
      }
      case 'rsu-fail': {
        const spec = this.pickSensor(params.sensorId, 'rsu');
        if (spec && this.sensors.fail(spec.id, until)) {
          this.incidents.raiseForSensor('rsu_fault', spec.id, spec.x, spec.y, this.simMs, 2, until);
          detail = `RSU ${spec.id} failed`;
        } else detail = 'no such RSU';
        break;
      }
    }
    this.scenarioLog.push({ name, atSimMs: this.simMs, detail });
    // Kiosks run for days with random crashes; keep only recent history.
    if (this.scenarioLog.length > MAX_SCENARIO_LOG) this.scenarioLog.splice(0, this.scenarioLog.length - MAX_SCENARIO_LOG);
    return detail;
  }

  activeIncidents(): SimIncident[] {
    return this.incidents.active();
  }

  vehicleCounts(): Record<VehicleClass, number> {
    const c: Record<VehicleClass, number> = { robotaxi: 0, special: 0, bus: 0, car: 0, truck: 0 };
    for (const v of this.traffic.byId.values()) c[v.cls]++;
    return c;
  }

  private populate(): void {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (let i = 1; i <= this.fleet.robotaxi; i++) {
      const v = this.traffic.spawn('robotaxi', `RT-${pad(i, 3)}`);
      if (v) v.route = `T${v.serial}-0`;
    }
    for (let i = 1; i <= this.fleet.special; i++) this.traffic.spawn('special', `SV-${pad(i, 3)}`);
    this.placeBuses();
    this.balanceDemand(true);
  }

  private placeBuses(): void {
    const lines = this.busLines;
    for (let li = 0; li < lines.length; li++) {
      const line = lines[li]!;
      const k = Math.floor(this.fleet.bus / lines.length) + (li < this.fleet.bus % lines.length ? 1 : 0);
      for (let j = 0; j < k; j++) {
        for (let shift = 0; shift < 5; shift++) {
          const along = ((line.lengthM * j) / k + line.lengthM - shift * 20) % line.lengthM;
          let pi = 0;
          while (pi + 1 < line.path.length && line.startAlong[pi + 1]! <= along) pi++;
          const link = line.path[pi]!;
          const s = along - line.startAlong[pi]!;
          const nextStop = Math.max(0, line.stops.findIndex((st) => st.along > along));
          const bus = { line, pathIndex: pi, nextStop: line.stops.length ? nextStop : 0, dwellUntilS: 0 };
          const v = this.traffic.spawn('bus', `BUS-${line.id}-${String(j + 1).padStart(2, '0')}`, { link, s, lane: this.net.links[link]!.lanes - 1, bus });
          if (v) {
            v.route = line.id;
            break;
          }
        }
      }
    }
  }

  /** Spawns towards the demand target; gradually, except at start, so arrivals look like traffic. */
  private balanceDemand(initial = false): void {
    this.backgroundTarget = Math.round(this.fleet.backgroundPeak * trafficDemand(this.simMs));
    const deficit = this.backgroundTarget - this.background;
    const n = initial ? deficit : Math.min(deficit, 5 + Math.ceil(this.backgroundTarget * 0.02));
    for (let i = 0; i < n; i++) {
      const truck = this.rngDemand.next() < this.fleet.truckShare;
      const serial = ++this.backgroundSerial;
      const v = this.traffic.spawn(truck ? 'truck' : 'car', `${truck ? 'TK' : 'PC'}-${serial}`, { background: true });
      if (v) this.background++;
    }
  }

  private checkSensorIncidents(simMs: number): void {
    for (const spec of this.sensors.specs) {
      if (spec.type === 'water_level' && spec.thresholds) {
        const level = this.sensors.waterLevel(spec.id);
        if (level >= spec.thresholds.alarm) this.incidents.raiseForSensor('underpass_flood', spec.id, spec.x, spec.y, simMs, 3);
        else if (level < spec.thresholds.warn) this.incidents.resolveForSensor('underpass_flood', spec.id, this.tS);
      } else if (spec.type === 'rsu' && !this.sensors.isFailed(spec.id, this.tS)) {
        this.incidents.resolveForSensor('rsu_fault', spec.id, this.tS);
      }
    }
  }

  private maybeRandomCrash(simMs: number): void {
    const p = (this.profile.crashesPerPeakHour * trafficDemand(simMs)) / 60;
    if (this.rngEvents.next() >= p) return;
    this.trigger('crash', { closeAll: false });
  }

  private crashLink(params: ScenarioParams): number {
    if (params.edgeId !== undefined) return this.net.linkFor(params.edgeId, params.reverse ?? false)?.index ?? -1;
    let best = -1, bestCount = -1;
    for (const li of this.net.drivable) {
      const L = this.net.links[li]!;
      if (L.length < 60) continue;
      let n = 0;
      for (let lane = 0; lane < L.lanes; lane++) n += this.traffic.laneQueue(li, lane).length;
      // Busiest link, ties broken by a random draw so repeated crashes do not always hit one road.
      const score = n + this.rngEvents.next() * 0.5;
      if (score > bestCount) {
        best = li;
        bestCount = score;
      }
    }
    return best;
  }

  private pickSensor(id: string | undefined, type: string) {
    if (id !== undefined) return this.sensors.spec(id);
    return this.sensors.specs.find((s) => s.type === type) ?? this.sensors.specs[0];
  }

  private runSchedule(): void {
    for (let i = 0; i < this.schedule.length; ) {
      const s = this.schedule[i]!;
      if (s.atS <= this.tS) {
        this.schedule.splice(i, 1);
        this.trigger(s.name, s.params);
      } else i++;
    }
  }
}
