/**
 * A decoded v2 frame back in the v1 message shape, for clients that keep the v1 ingest path and
 * for tests that check "same state as v1". Every entity carries an explicit ts (v1's inherited
 * ts made explicit); positions return to degrees rounded to 1e-7, headings and speeds to 0.01.
 * Delta arrays appear only when non-empty; a snapshot has all of them.
 */
import { PROTOCOL_VERSION } from '../limits';
import type { EnuFrame } from '../../../core/geodesy';
import { VEHICLE_CLASSES } from '../../../sim/types';
import type { WireVehicle } from '../entities';
import type { DeltaMessage, SnapshotMessage } from '../messages';
import { AUTOMATION_ABSENT } from './layout';
import type { DecodedFrameV2 } from './types';

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The ground point (height 0) whose ENU east/north are (e, n): the inverse of what the v1 ingest
 * does (lonLatToEnu(lon, lat, 0), then drop up). enuToLonLat(e, n, 0) alone would land up to
 * metres off far from the origin, where the ground curves below the ENU plane.
 */
export function enuGroundToLonLat(enu: EnuFrame, east: number, north: number): { lonDeg: number; latDeg: number } {
  let up = 0;
  let g = enu.enuToLonLat(east, north, up);
  for (let k = 0; k < 4 && Math.abs(g.heightM) > 1e-4; k++) {
    up -= g.heightM;
    g = enu.enuToLonLat(east, north, up);
  }
  return { lonDeg: g.lonDeg, latDeg: g.latDeg };
}

export function decodedToV1(frame: DecodedFrameV2, enu: EnuFrame): SnapshotMessage | DeltaMessage {
  const v = frame.vehicles;
  const extras = new Map(v.extras.map((e) => [e.row, e]));
  const vehicles: WireVehicle[] = new Array<WireVehicle>(v.count);
  for (let i = 0; i < v.count; i++) {
    const g = enuGroundToLonLat(enu, v.east[i]!, v.north[i]!);
    const w: WireVehicle = {
      id: v.ids[i]!, cls: VEHICLE_CLASSES[v.cls[i]!]!, lonDeg: round7(g.lonDeg), latDeg: round7(g.latDeg),
      headingDeg: round2(v.headingDeg[i]!), speedMps: round2(v.speedMps[i]!), ts: v.ts[i]!,
    };
    if (v.automation[i] !== AUTOMATION_ABSENT) w.automation = v.automation[i]!;
    const e = extras.get(i);
    if (e?.route !== undefined) w.route = e.route;
    if (e?.line !== undefined) w.line = e.line;
    vehicles[i] = w;
  }
  const env = { v: PROTOCOL_VERSION, zone: frame.zone, ts: frame.ts, seq: frame.seq } as const;
  const sim = { ...(frame.simMs !== undefined ? { simMs: frame.simMs } : {}), ...(frame.timeScale !== undefined ? { timeScale: frame.timeScale } : {}) };
  if (frame.kind === 'snapshot') {
    return {
      ...env, type: 'snapshot', ...sim, ...(frame.catalogue ? { catalogue: frame.catalogue } : {}),
      vehicles, sensors: frame.sensors, signals: frame.signals, segments: frame.segments, incidents: frame.incidents,
    };
  }
  const d: DeltaMessage = { ...env, type: 'delta', ...sim };
  if (vehicles.length) d.vehicles = vehicles;
  if (frame.removedVehicles.length) d.removed = { vehicles: frame.removedVehicles };
  if (frame.sensors.length) d.sensors = frame.sensors;
  if (frame.signals.length) d.signals = frame.signals;
  if (frame.segments.length) d.segments = frame.segments;
  if (frame.incidents.length) d.incidents = frame.incidents;
  return d;
}
