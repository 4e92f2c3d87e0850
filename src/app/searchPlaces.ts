/**
 * One search over everything a planner can name in a zone: buildings (real and generated),
 * viewpoints, landmarks, plots, and their ids (osm:way/…, gen:…), in Chinese or English.
 * Pure, so ranking is tested without a DOM.
 *
 * Sources are plain SearchItem lists; a new kind of place joins by mapping its records to
 * SearchItems (see placesFromIndex, placesFromViewpoints) and passing them in. Plots will come
 * from the planning slice's plan the same way (kind 'plot').
 *
 * Ranking: match quality first (exact, prefix, word start, substring; searchText.matchScore),
 * then real things before generated ones (a planner typing a few characters usually means the
 * landmark), then viewpoints and landmarks before buildings (they frame the named thing), then
 * the shorter, more specific name, then natural name order ("1 号楼" before "10 号楼").
 */
import type { BuildingIndex, BuildingIndexEntry, LandmarkIndexEntry } from './buildingIndex';
import { compactForSearch, matchScore, normalizeForSearch } from './searchText';

export const MAX_PLACE_RESULTS = 20;

export type PlaceKind = 'viewpoint' | 'landmark' | 'building' | 'plot';
const KIND_RANK: Record<PlaceKind, number> = { viewpoint: 0, landmark: 1, building: 2, plot: 3 };

/** Where choosing a result goes. */
export type PlaceTarget =
  | { kind: 'building'; entry: BuildingIndexEntry }
  | { kind: 'viewpoint'; viewpointId: string }
  | { kind: 'point'; x: number; y: number; z: number; radiusM: number };

export interface SearchItem {
  kind: PlaceKind;
  id: string;
  name: string;
  nameEn: string;
  /** Real (surveyed, OSM) rather than generated. */
  real: boolean;
  target: PlaceTarget;
}

export interface PlaceHit {
  item: SearchItem;
  /** Which field matched, so the list can show it first. */
  matched: 'name' | 'nameEn' | 'id';
  score: number;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

export function placesFromViewpoints(viewpoints: readonly { id: string; name: { zh: string; en: string } }[]): SearchItem[] {
  return viewpoints.map((v) => ({ kind: 'viewpoint', id: v.id, name: v.name.zh, nameEn: v.name.en, real: true, target: { kind: 'viewpoint', viewpointId: v.id } }));
}

/** Landmarks that are not buildings (points, sites) stand this far back when flown to, m. */
const LANDMARK_VIEW_RADIUS_M = 250;

export function placesFromLandmarks(landmarks: readonly LandmarkIndexEntry[]): SearchItem[] {
  return landmarks.map((l) => ({
    kind: 'landmark', id: l.id, name: l.name, nameEn: l.nameEn, real: true,
    target: { kind: 'point', x: l.x, y: l.y, z: l.z ?? 0, radiusM: LANDMARK_VIEW_RADIUS_M },
  }));
}

export function placesFromBuildings(buildings: readonly BuildingIndexEntry[]): SearchItem[] {
  return buildings.map((b) => ({ kind: 'building', id: b.id, name: b.name, nameEn: b.nameEn, real: b.source === 'osm', target: { kind: 'building', entry: b } }));
}

export function placesFromIndex(index: BuildingIndex): SearchItem[] {
  return [...placesFromLandmarks(index.landmarks), ...placesFromBuildings(index.buildings)];
}

/** Ids are matched only for id-like queries, so a "1" does not list every generated building. */
function idScore(id: string, q: string): number | null {
  const n = id.toLowerCase();
  if (n === q) return 0;
  if (!/[:/]/.test(q) && !/^\d{4,}$/.test(q)) return null;
  const at = n.indexOf(q);
  if (at < 0) return null;
  return at === 0 ? 1 : 3 + Math.min(at, 99) / 100;
}

export function searchPlaces(items: readonly SearchItem[], query: string, limit = MAX_PLACE_RESULTS): PlaceHit[] {
  const q = normalizeForSearch(query);
  if (!q) return [];
  const qc = compactForSearch(query);
  const hits: PlaceHit[] = [];
  for (const item of items) {
    const zh = matchScore(item.name, q, qc);
    const en = matchScore(item.nameEn, q, qc);
    const id = idScore(item.id, q);
    let best: PlaceHit | null = null;
    for (const [matched, score] of [['name', zh], ['nameEn', en], ['id', id]] as const) {
      if (score !== null && (best === null || score < best.score)) best = { item, matched, score };
    }
    if (best) hits.push(best);
  }
  const shown = (h: PlaceHit) => (h.matched === 'nameEn' ? h.item.nameEn : h.matched === 'id' ? h.item.id : h.item.name);
  hits.sort(
    (a, b) =>
      a.score - b.score ||
      Number(b.item.real) - Number(a.item.real) ||
      KIND_RANK[a.item.kind] - KIND_RANK[b.item.kind] ||
      shown(a).length - shown(b).length ||
      collator.compare(shown(a), shown(b)) ||
      a.item.id.localeCompare(b.item.id),
  );
  return hits.slice(0, limit);
}
