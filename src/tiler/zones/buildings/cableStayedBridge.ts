/**
 * A cable-stayed bridge as simple solids the building tiles can carry: a deck that stands at its
 * real navigation clearance over the main span and descends along the approaches, piers under
 * the approaches, and two diamond towers (钻石形主塔) of stacked boxes whose legs straddle the
 * deck and meet above it. The towers stand where the main span, centred on the river crossing,
 * ends. Stay cables are left out: a box cannot lean. Modelled from published dimensions.
 */
import type { Ring } from '../../types';
import { orientedRect, pointInRing, segmentIntersection, type Pt } from '../geom/planar';
import type { CableStayedBridge } from '../sourceSchemas';
import { modelledName, type ModelledPiece } from './modelledStructures';

/** Deck pieces are this long: short enough that the approach steps read as a slope. */
const DECK_PIECE_M = 25;
/** Pieces overlap so bends in the road line leave no cracks. */
const DECK_OVERLAP_M = 2;
const PIER_EVERY_M = 50;
const PIER_LENGTH_M = 3;
const LEG_ACROSS_M = 5;
const LEG_ALONG_M = 8;
/** Leg segments below and above the deck: enough for the diamond's slant to read from afar. */
const LEGS_BELOW = 3;
const LEGS_ABOVE = 7;
/** Share of the tower height where the legs meet; the spire carries the cable anchorages above. */
const APEX_SHARE = 0.7;
const FOOT_HALF_M = 10;
const CROSS_BEAM_DEPTH_M = 4.5;

interface Station { p: Pt; angle: number }

function stationAt(line: readonly Pt[], s: number): Station {
  let acc = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!, b = line[i]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (acc + len >= s || i === line.length - 1) {
      const t = len > 0 ? Math.min(1, Math.max(0, (s - acc) / len)) : 0;
      return { p: [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])], angle: Math.atan2(b[1] - a[1], b[0] - a[0]) };
    }
    acc += len;
  }
  const p = line[0]!;
  return { p: [p[0], p[1]], angle: 0 };
}

/** Distances along the line where it crosses a water outline, ascending. */
export function waterCrossings(line: readonly Pt[], water: readonly Ring[]): number[] {
  const out: number[] = [];
  let acc = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!, b = line[i]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    for (const ring of water) {
      for (let k = 0, l = ring.length - 1; k < ring.length; l = k++) {
        const hit = segmentIntersection(a, b, ring[l]!, ring[k]!);
        if (hit) out.push(acc + hit[0] * len);
      }
    }
    acc += len;
  }
  return out.sort((x, y) => x - y);
}

function lineLength(line: readonly Pt[]): number {
  let len = 0;
  for (let i = 1; i < line.length; i++) len += Math.hypot(line[i]![0] - line[i - 1]![0], line[i]![1] - line[i - 1]![1]);
  return len;
}

export interface BridgeModel {
  pieces: ModelledPiece[];
  /** Tower stations along the line, metres, and the towers' ground footprints. */
  towerStationsM: [number, number];
  towerFootprints: Ring[];
  /** Deck underside at a distance along the line. */
  deckUndersideM: (s: number) => number;
}

function offsetBox(st: Station, across: number, w: number, d: number): Ring {
  const nx = -Math.sin(st.angle), ny = Math.cos(st.angle);
  return orientedRect(st.p[0] + nx * across, st.p[1] + ny * across, d, w, st.angle);
}

function diamondTower(spec: CableStayedBridge, st: Station, label: { zh: string; en: string }): ModelledPiece[] {
  const names = modelledName(spec.name, spec.nameEn, label);
  const deckZ = spec.clearanceM - 2;
  const apexZ = spec.towerHeightM * APEX_SHARE;
  const deckHalf = spec.deckWidthM / 2 + LEG_ACROSS_M / 2 + 2;
  // Half the distance between the legs' centres at a height: the diamond outline.
  const half = (z: number): number => z <= deckZ
    ? FOOT_HALF_M + ((deckHalf - FOOT_HALF_M) * z) / deckZ
    : deckHalf + ((LEG_ACROSS_M / 2 - deckHalf) * (z - deckZ)) / (apexZ - deckZ);
  const out: ModelledPiece[] = [];
  const leg = (z0: number, z1: number): void => {
    const o = half((z0 + z1) / 2);
    for (const side of [-1, 1]) {
      out.push({ ...names, footprint: offsetBox(st, side * o, LEG_ACROSS_M, LEG_ALONG_M), baseM: z0, heightM: z1 - z0 });
    }
  };
  for (let k = 0; k < LEGS_BELOW; k++) leg((deckZ * k) / LEGS_BELOW, (deckZ * (k + 1)) / LEGS_BELOW);
  for (let k = 0; k < LEGS_ABOVE; k++) leg(deckZ + ((apexZ - deckZ) * k) / LEGS_ABOVE, deckZ + ((apexZ - deckZ) * (k + 1)) / LEGS_ABOVE);
  out.push({ ...names, footprint: offsetBox(st, 0, 2 * LEG_ACROSS_M, LEG_ALONG_M), baseM: apexZ, heightM: spec.towerHeightM - apexZ });
  const beamZ = spec.clearanceM - CROSS_BEAM_DEPTH_M - 0.5;
  out.push({ ...names, footprint: offsetBox(st, 0, 2 * half(beamZ) + LEG_ACROSS_M, LEG_ALONG_M - 2), baseM: beamZ, heightM: CROSS_BEAM_DEPTH_M });
  return out;
}

/** The bridge along `line` (ENU, drawing order) over `water`; throws when it crosses none. */
export function cableStayedBridge(spec: CableStayedBridge, line: readonly Pt[], water: readonly Ring[]): BridgeModel {
  const crossings = waterCrossings(line, water);
  if (crossings.length < 2) throw new Error(`bridge "${spec.id}": road "${spec.road}" does not cross the water`);
  const mid = (crossings[0]! + crossings[crossings.length - 1]!) / 2;
  const length = lineLength(line);
  const t1 = mid - spec.mainSpanM / 2, t2 = mid + spec.mainSpanM / 2;
  if (t1 < 0 || t2 > length) throw new Error(`bridge "${spec.id}": the ${spec.mainSpanM} m main span runs past the road line`);
  const levelFrom = t1 - spec.sideSpanM, levelTo = t2 + spec.sideSpanM;
  const deckUndersideM = (s: number): number => {
    const beyond = Math.max(0, levelFrom - s, s - levelTo);
    return Math.max(spec.minDeckM, spec.clearanceM - spec.approachGrade * beyond);
  };
  const deckNames = modelledName(spec.name, spec.nameEn, { zh: '桥面', en: 'deck' });
  const pierNames = modelledName(spec.name, spec.nameEn, { zh: '桥墩', en: 'pier' });
  const pieces: ModelledPiece[] = [];
  const n = Math.max(1, Math.ceil(length / DECK_PIECE_M));
  for (let k = 0; k < n; k++) {
    const s0 = (length * k) / n, s1 = (length * (k + 1)) / n;
    const st = stationAt(line, (s0 + s1) / 2);
    const under = deckUndersideM((s0 + s1) / 2);
    pieces.push({
      ...deckNames,
      footprint: orientedRect(st.p[0], st.p[1], s1 - s0 + DECK_OVERLAP_M, spec.deckWidthM, st.angle),
      baseM: under,
      heightM: spec.deckDepthM,
    });
  }
  for (let s = PIER_EVERY_M; s < length; s += PIER_EVERY_M) {
    if (s > t1 - PIER_EVERY_M / 2 && s < t2 + PIER_EVERY_M / 2) continue;
    const st = stationAt(line, s);
    if (water.some((w) => pointInRing(st.p[0], st.p[1], w))) continue;
    pieces.push({ ...pierNames, footprint: orientedRect(st.p[0], st.p[1], PIER_LENGTH_M, spec.deckWidthM * 0.5, st.angle), baseM: 0, heightM: deckUndersideM(s) });
  }
  const towerFootprints: Ring[] = [];
  [t1, t2].forEach((t, i) => {
    const st = stationAt(line, t);
    pieces.push(...diamondTower(spec, st, spec.towers[i]!));
    towerFootprints.push(offsetBox(st, 0, 2 * (spec.deckWidthM / 2 + LEG_ACROSS_M + 2), LEG_ALONG_M));
  });
  return { pieces, towerStationsM: [t1, t2], towerFootprints, deckUndersideM };
}
