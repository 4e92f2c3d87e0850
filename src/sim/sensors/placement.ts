/**
 * Derives a zone's sensor catalogue from its road graph, deterministically (same graph and zone →
 * same sensors and ids). The graph carries no elevation, so underpass "low points" are chosen by a
 * stable hash among major junctions; riverside parking lots are the junctions furthest towards the
 * river along the zone profile's riverward direction. Smart poles stand at the kerb, so they go
 * along surface roads only: a bridge or tunnel link would put one mid-river.
 */
import { hashString } from '../../core/rng';
import { classRank, type NetNode, type Network } from '../network/Network';
import type { ZoneProfile } from '../zones/zoneProfiles';
import {
  AQI_THRESHOLDS, DEVICE_HEALTH_THRESHOLDS, NOISE_THRESHOLDS, PM25_THRESHOLDS, SENSOR_UNITS, UNDERPASS_THRESHOLDS,
  type SensorSpec,
} from './sensorSpec';

const MAX_RSU = 60;
const MAX_POLES = 80;
const POLE_SPACING_M = 350;

const pad = (n: number) => String(n).padStart(2, '0');

function roadNameAt(net: Network, node: NetNode): { zh: string; en: string } {
  for (const li of [...node.inLinks, ...node.outLinks]) {
    const l = net.links[li]!;
    if (l.name) return { zh: l.name, en: l.nameEn || l.name };
  }
  return { zh: '', en: '' };
}

/** Greedy farthest-point sampling: spreads k picks over the candidates, starting near the centroid. */
export function spreadNodes(nodes: readonly NetNode[], k: number): NetNode[] {
  if (nodes.length === 0 || k <= 0) return [];
  const cx = nodes.reduce((a, n) => a + n.x, 0) / nodes.length;
  const cy = nodes.reduce((a, n) => a + n.y, 0) / nodes.length;
  let first = nodes[0]!;
  for (const n of nodes) if (Math.hypot(n.x - cx, n.y - cy) < Math.hypot(first.x - cx, first.y - cy)) first = n;
  const picked = [first];
  const dist = nodes.map((n) => Math.hypot(n.x - first.x, n.y - first.y));
  while (picked.length < Math.min(k, nodes.length)) {
    let bi = 0;
    for (let i = 1; i < nodes.length; i++) if (dist[i]! > dist[bi]!) bi = i;
    if (dist[bi]! <= 0) break;
    const p = nodes[bi]!;
    picked.push(p);
    nodes.forEach((n, i) => (dist[i] = Math.min(dist[i]!, Math.hypot(n.x - p.x, n.y - p.y))));
  }
  return picked;
}

function withSeparation(sorted: readonly NetNode[], k: number, minSepM: number): NetNode[] {
  const out: NetNode[] = [];
  for (const n of sorted) {
    if (out.length >= k) break;
    if (out.every((o) => Math.hypot(o.x - n.x, o.y - n.y) >= minSepM)) out.push(n);
  }
  return out;
}

export function placeSensors(net: Network, profile: ZoneProfile): SensorSpec[] {
  const out: SensorSpec[] = [];
  const nodeRank = (n: NetNode) => Math.max(-1, ...[...n.inLinks, ...n.outLinks].map((li) => classRank(net.links[li]!.roadClass)));
  const connected = net.nodes.filter((n) => n.inLinks.length + n.outLinks.length > 0);
  const major = connected.filter((n) => nodeRank(n) >= 3);
  const junctions = connected.filter((n) => n.inLinks.length >= 3 || n.signalised);

  let rsuNodes = connected.filter((n) => n.signalised && n.inLinks.length > 0);
  if (rsuNodes.length === 0) rsuNodes = spreadNodes(junctions.length > 0 ? junctions : connected, 10);
  rsuNodes.slice(0, MAX_RSU).forEach((n, i) => {
    const road = roadNameAt(net, n);
    out.push({ id: `rsu-${pad(i + 1)}`, type: 'rsu', name: { zh: `路侧单元RSU-${pad(i + 1)} ${road.zh}`.trim(), en: `RSU ${pad(i + 1)} ${road.en}`.trim() },
      x: n.x, y: n.y, unit: SENSOR_UNITS.rsu, reportEveryS: 30, thresholds: DEVICE_HEALTH_THRESHOLDS, nodeId: n.id });
  });

  const polePoints: { x: number; y: number }[] = [];
  const pt = [0, 0, 0];
  for (const l of net.links) {
    if (l.reverse || classRank(l.roadClass) < 3 || l.structure) continue;
    for (let s = POLE_SPACING_M / 2; s < l.length; s += POLE_SPACING_M) {
      net.pointAt(l, s, 0, pt);
      polePoints.push({ x: pt[0]!, y: pt[1]! });
    }
  }
  const stride = Math.max(1, Math.ceil(polePoints.length / MAX_POLES));
  polePoints.filter((_, i) => i % stride === 0).forEach((p, i) => {
    out.push({ id: `pole-${pad(i + 1)}`, type: 'pole', name: { zh: `智慧灯杆-${pad(i + 1)}`, en: `Smart pole ${pad(i + 1)}` },
      x: p.x, y: p.y, unit: SENSOR_UNITS.pole, reportEveryS: 60, thresholds: DEVICE_HEALTH_THRESHOLDS });
  });

  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const n of connected) {
    minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x); minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y);
  }
  const areaKm2 = connected.length > 0 ? ((maxX - minX) * (maxY - minY)) / 1e6 : 0;
  spreadNodes(connected, Math.min(6, Math.max(2, Math.round(areaKm2 / 2)))).forEach((n, i) => {
    const station = `aq-${pad(i + 1)}`;
    const name = { zh: `空气质量监测站-${pad(i + 1)}`, en: `Air quality station ${pad(i + 1)}` };
    out.push({ id: `${station}-pm25`, type: 'pm25', name: { zh: `${name.zh} PM2.5`, en: `${name.en} PM2.5` }, x: n.x, y: n.y,
      unit: SENSOR_UNITS.pm25, reportEveryS: 60, thresholds: PM25_THRESHOLDS, nodeId: n.id, stationId: station });
    out.push({ id: `${station}-aqi`, type: 'aqi', name: { zh: `${name.zh} AQI`, en: `${name.en} AQI` }, x: n.x, y: n.y,
      unit: SENSOR_UNITS.aqi, reportEveryS: 60, thresholds: AQI_THRESHOLDS, nodeId: n.id, stationId: station });
  });

  const majorKm = net.links.filter((l) => !l.reverse && classRank(l.roadClass) >= 3).reduce((a, l) => a + l.length, 0) / 1000;
  spreadNodes(major.length > 0 ? major : connected, Math.min(8, Math.max(2, Math.round(majorKm / 3)))).forEach((n, i) => {
    const road = roadNameAt(net, n);
    out.push({ id: `noise-${pad(i + 1)}`, type: 'noise', name: { zh: `噪声监测-${pad(i + 1)} ${road.zh}`.trim(), en: `Noise monitor ${pad(i + 1)} ${road.en}`.trim() },
      x: n.x, y: n.y, unit: SENSOR_UNITS.noise, reportEveryS: 10, thresholds: NOISE_THRESHOLDS, nodeId: n.id });
  });

  const lowCandidates = (major.filter((n) => n.inLinks.length >= 2).length > 0 ? major.filter((n) => n.inLinks.length >= 2) : connected)
    .slice().sort((a, b) => hashString(`${profile.id}:${a.id}`) - hashString(`${profile.id}:${b.id}`) || a.id - b.id);
  withSeparation(lowCandidates, profile.underpasses, 500).forEach((n, i) => {
    const road = roadNameAt(net, n);
    out.push({ id: `underpass-${pad(i + 1)}`, type: 'water_level', name: { zh: `${road.zh}下立交积水监测`.trim(), en: `${road.en || 'Underpass'} underpass water level`.trim() },
      x: n.x, y: n.y, unit: SENSOR_UNITS.water_level, reportEveryS: 60, thresholds: UNDERPASS_THRESHOLDS, nodeId: n.id });
  });

  const rw = profile.riverward;
  const parkingCandidates = rw
    ? connected.slice().sort((a, b) => b.x * rw[0] + b.y * rw[1] - (a.x * rw[0] + a.y * rw[1]) || a.id - b.id)
    : spreadNodes(connected, profile.parkingLots * 3);
  withSeparation(parkingCandidates, profile.parkingLots, 250).forEach((n, i) => {
    const capacity = 80 + (hashString(`${profile.id}:park:${n.id}`) % 33) * 10;
    const thresholds = { warn: Math.round(capacity * 0.85), alarm: Math.round(capacity * 0.97), direction: 'above' as const };
    out.push({ id: `parking-${pad(i + 1)}`, type: 'parking', name: { zh: `${rw ? '滨江' : ''}停车场P${i + 1}`, en: `${rw ? 'Riverside ' : ''}car park P${i + 1}` },
      x: n.x, y: n.y, unit: SENSOR_UNITS.parking, reportEveryS: 60, thresholds, capacity, nodeId: n.id });
  });

  spreadNodes(connected, profile.evChargerSites + profile.parkingLots).slice(-profile.evChargerSites).forEach((n, i) => {
    const capacity = 4 + (hashString(`${profile.id}:ev:${n.id}`) % 5) * 2;
    out.push({ id: `ev-${pad(i + 1)}`, type: 'ev_charger', name: { zh: `充电站-${pad(i + 1)}`, en: `EV charging site ${pad(i + 1)}` },
      x: n.x, y: n.y, unit: SENSOR_UNITS.ev_charger, reportEveryS: 60, capacity, nodeId: n.id });
  });
  return out;
}
