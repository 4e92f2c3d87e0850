/** Applies a validated wire catalogue (from a snapshot, MQTT or the scene) into client state. */
import type { EnuFrame, Vec3 } from '../../core/geodesy';
import type { WireCatalogue } from '../protocol/entities';
import type { BusLineEntry, BusStopEntry } from './entities';
import type { SensorBuffer, SensorInfo } from './SensorBuffer';

const scratch: Vec3 = [0, 0, 0];

export function applyCatalogue(cat: WireCatalogue, frame: EnuFrame, sensors: SensorBuffer,
  lines: Map<string, BusLineEntry>, stops: Map<string, BusStopEntry>): void {
  if (cat.sensors) {
    const infos: SensorInfo[] = [];
    for (const s of cat.sensors) {
      const p = frame.lonLatToEnu(s.lonDeg, s.latDeg, 0, scratch);
      if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
      const info: SensorInfo = { id: s.id, type: s.type, name: s.name, unit: s.unit, x: p[0], y: p[1] };
      if (s.reportEveryS !== undefined) info.reportEveryS = s.reportEveryS;
      if (s.thresholds) info.thresholds = s.thresholds;
      if (s.capacity !== undefined) info.capacity = s.capacity;
      if (s.stationId) info.stationId = s.stationId;
      infos.push(info);
    }
    sensors.setCatalogue(infos);
  }
  if (cat.lines) {
    lines.clear();
    for (const l of cat.lines) lines.set(l.id, { id: l.id, name: l.name, stopIds: l.stopIds, lengthM: l.lengthM });
  }
  if (cat.stops) {
    stops.clear();
    for (const s of cat.stops) {
      const p = frame.lonLatToEnu(s.lonDeg, s.latDeg, 0, scratch);
      if (Number.isFinite(p[0]) && Number.isFinite(p[1])) stops.set(s.id, { id: s.id, lineId: s.lineId, name: s.name, x: p[0], y: p[1] });
    }
  }
}
