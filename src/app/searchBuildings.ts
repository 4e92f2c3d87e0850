/**
 * Ranked substring search over building names, Chinese or English. Pure, so ranking is tested
 * without a DOM. Ranking: exact name, then name prefix, then an English word prefix, then any
 * substring (earlier matches first). Ties go to real (OSM) buildings, because a planner typing a
 * few characters usually means the landmark; then to the shorter, more specific name; then to
 * natural name order, so "1 号楼" comes before "2 号楼" and "10 号楼".
 */
import type { BuildingIndexEntry } from './buildingIndex';

export const MAX_SEARCH_RESULTS = 20;

const collator = new Intl.Collator('zh-CN', { numeric: true });

export interface SearchHit {
  entry: BuildingIndexEntry;
  /** Which name matched, so the result list can show it first. */
  matched: 'name' | 'nameEn';
  score: number;
}

/** Full-width letters and digits (common from Chinese IMEs) become ASCII; case and spaces are ignored. */
export function normalizeForSearch(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function scoreName(name: string, q: string): number | null {
  if (!name) return null;
  const n = normalizeForSearch(name);
  const at = n.indexOf(q);
  if (at < 0) return null;
  if (n === q) return 0;
  if (at === 0) return 1;
  const wordStart = new RegExp(`(^|[\\s\\-(（·/])${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(n);
  if (wordStart) return 2;
  // Later substrings rank a little lower than earlier ones, within the substring band.
  return 3 + Math.min(at, 99) / 100;
}

export function searchBuildings(
  buildings: readonly BuildingIndexEntry[],
  query: string,
  limit = MAX_SEARCH_RESULTS,
): SearchHit[] {
  const q = normalizeForSearch(query);
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const entry of buildings) {
    const zh = scoreName(entry.name, q);
    const en = scoreName(entry.nameEn, q);
    if (zh === null && en === null) continue;
    const useZh = zh !== null && (en === null || zh <= en);
    hits.push({ entry, matched: useZh ? 'name' : 'nameEn', score: (useZh ? zh : en) as number });
  }
  const shown = (h: SearchHit) => (h.matched === 'name' ? h.entry.name : h.entry.nameEn);
  hits.sort(
    (a, b) =>
      a.score - b.score ||
      (a.entry.source === b.entry.source ? 0 : a.entry.source === 'osm' ? -1 : 1) ||
      shown(a).length - shown(b).length ||
      collator.compare(shown(a), shown(b)) ||
      a.entry.id.localeCompare(b.entry.id),
  );
  return hits.slice(0, limit);
}
