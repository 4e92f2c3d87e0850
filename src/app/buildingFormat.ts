/**
 * Reading building properties for display. Tile metadata arrives as strings or numbers depending
 * on the property table's types, and index selections carry only some fields, so every reader
 * tolerates absence and never renders NaN.
 */
import { isLandUseClass, LAND_USE_INFO, type LandUseClass } from '../core/landUse';
import type { BuildingProperties } from '../state/selectionSlice';
import { osmIdFromBuildingId } from './buildingIndex';

export const OSM_BASE_URL = 'https://www.openstreetmap.org/';

export function propString(p: BuildingProperties, key: string): string {
  const v = p[key];
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return typeof v === 'string' ? v.trim() : '';
}

export function propNumber(p: BuildingProperties, key: string): number | null {
  const v = p[key];
  if (v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** "86.4 m": one decimal, like the tiler's source precision. */
export function formatHeightM(h: number, locale: string): string {
  return `${h.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} m`;
}

export function landUseOf(p: BuildingProperties): LandUseClass | null {
  const v = propString(p, 'landUse');
  return isLandUseClass(v) ? v : null;
}

export function landUseLabel(c: LandUseClass): { zh: string; en: string; colorHex: string } {
  return LAND_USE_INFO[c];
}

/** "way/123" → OSM page; accepts the id property too, for selections that came from the index. */
export function osmUrlFor(p: BuildingProperties): string | null {
  if (propString(p, 'source') !== 'osm') return null;
  const osmId = propString(p, 'osmId') || osmIdFromBuildingId(propString(p, 'id'));
  return /^(way|relation|node)\/\d+$/.test(osmId) ? `${OSM_BASE_URL}${osmId}` : null;
}

/** The name to show first in the current language, falling back to the other one. */
export function displayName(p: BuildingProperties, lang: 'zh' | 'en'): { primary: string; secondary: string } {
  const zh = propString(p, 'name');
  const en = propString(p, 'nameEn');
  const [a, b] = lang === 'zh' ? [zh, en] : [en, zh];
  return a ? { primary: a, secondary: b !== a ? b : '' } : { primary: b, secondary: '' };
}
