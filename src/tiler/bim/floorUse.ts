/**
 * Illustrative (示意) use of each storey of a CIM5 building. No source says what each floor of
 * these buildings holds; the sidecar marks every use as illustrative, and this table only makes
 * the floor list read like a planner's programme: a ground floor that opens to the street, the
 * building's main use above, plant on the roof.
 */
import type { LandUseClass } from '../../core/landUse';

export const FLOOR_USES = {
  lobby: { zh: '门厅', en: 'Lobby' },
  retail: { zh: '商业', en: 'Retail' },
  office: { zh: '办公', en: 'Office' },
  residential: { zh: '住宅', en: 'Residential' },
  amenities: { zh: '配套服务', en: 'Amenities' },
  exhibition: { zh: '展陈', en: 'Exhibition' },
  publicService: { zh: '公共服务', en: 'Public services' },
  production: { zh: '生产', en: 'Production' },
  storage: { zh: '仓储', en: 'Storage' },
  facility: { zh: '设施', en: 'Facilities' },
  rooftopPlant: { zh: '屋面设备', en: 'Rooftop plant' },
} as const;
export type FloorUse = keyof typeof FLOOR_USES;

interface UseProgramme {
  ground: FloorUse;
  /** Storeys 2..: the first entries in order, the last one for every storey after them. */
  upper: readonly FloorUse[];
}

const PROGRAMME: Record<LandUseClass, UseProgramme> = {
  R: { ground: 'amenities', upper: ['residential'] },
  // The signature public buildings of the shipped zones are museums and exhibition halls.
  A: { ground: 'lobby', upper: ['exhibition', 'exhibition', 'publicService'] },
  B: { ground: 'retail', upper: ['retail', 'office'] },
  M: { ground: 'production', upper: ['production'] },
  W: { ground: 'storage', upper: ['storage'] },
  S: { ground: 'facility', upper: ['facility'] },
  U: { ground: 'facility', upper: ['facility'] },
  G: { ground: 'facility', upper: ['facility'] },
  E: { ground: 'facility', upper: ['facility'] },
};

/** Illustrative use of storey `index` (0 = ground) of a building of `landUse`; the roof gets plant. */
export function illustrativeFloorUse(landUse: LandUseClass, index: number, kind: 'storey' | 'roof'): FloorUse {
  if (kind === 'roof') return 'rooftopPlant';
  const p = PROGRAMME[landUse];
  if (index === 0) return p.ground;
  return p.upper[Math.min(index - 1, p.upper.length - 1)]!;
}
