/**
 * Ranked search over building names and ids, Chinese or English: the building-only view of
 * searchPlaces (same normalisation and ranking, see searchPlaces.ts and searchText.ts).
 */
import type { BuildingIndexEntry } from './buildingIndex';
import { placesFromBuildings, searchPlaces } from './searchPlaces';

export { normalizeForSearch } from './searchText';

export const MAX_SEARCH_RESULTS = 20;

export interface SearchHit {
  entry: BuildingIndexEntry;
  /** Which field matched, so the result list can show it first. */
  matched: 'name' | 'nameEn' | 'id';
  score: number;
}

export function searchBuildings(buildings: readonly BuildingIndexEntry[], query: string, limit = MAX_SEARCH_RESULTS): SearchHit[] {
  return searchPlaces(placesFromBuildings(buildings), query, limit).map((h) => ({
    entry: (h.item.target as { kind: 'building'; entry: BuildingIndexEntry }).entry, matched: h.matched, score: h.score,
  }));
}
