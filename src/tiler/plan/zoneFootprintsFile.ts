/**
 * plan/footprints.json (format: src/analysis/sunlight/zoneFootprints.ts): the zone's own buildings
 * exactly as the tiles were built from them (cleaned rings, validated floors), so sunlight casters
 * match what the viewer draws. Centimetre rounding as in plan.json; sorted by id (the prepared
 * order), so the bytes are deterministic.
 */
import type { ZoneFootprints } from '../../analysis/sunlight/zoneFootprints';
import type { PreparedBuilding } from '../lod/prepareBuildings';
import type { ZoneInput } from '../types';
import { roundRing } from './writeZonePlan';

const cm = (v: number): number => {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? 0 : r;
};

function finiteOnly(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`footprints.json: non-finite number at "${key}"`);
  return value;
}

export function zoneFootprints(zone: Pick<ZoneInput, 'zoneId' | 'origin'>, prepared: readonly PreparedBuilding[]): ZoneFootprints {
  return {
    version: 1,
    zoneId: zone.zoneId,
    origin: zone.origin,
    buildings: prepared.flatMap((p) => {
      const footprint = roundRing(p.outer);
      const holes = p.holes.map(roundRing).filter((h) => h.length >= 3);
      // A sliver that rounding collapses cannot cast a shadow worth a centimetre.
      if (footprint.length < 3 || !(cm(p.heightM) > 0)) return [];
      return [{
        id: p.input.id,
        name: { zh: p.input.name, en: p.input.nameEn },
        footprint,
        ...(holes.length > 0 ? { holes } : {}),
        heightM: cm(p.heightM),
        baseM: cm(p.baseM),
        floors: p.floors,
        landUse: p.input.landUse,
      }];
    }),
  };
}

export function formatZoneFootprints(zone: Pick<ZoneInput, 'zoneId' | 'origin'>, prepared: readonly PreparedBuilding[]): string {
  return `${JSON.stringify(zoneFootprints(zone, prepared), finiteOnly)}\n`;
}
