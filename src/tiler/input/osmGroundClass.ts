/** Which OSM areas become ground polygons, and as what. Buildings are handled elsewhere. */
import type { LandUseClass } from '../../core/landUse';
import type { GroundKind } from '../types';
import type { Tags } from './osmTags';

const GREEN_LANDUSE = new Set(['grass', 'forest', 'meadow', 'village_green', 'recreation_ground', 'park', 'cemetery', 'orchard']);
const GREEN_LEISURE = new Set(['park', 'garden', 'pitch', 'playground', 'nature_reserve', 'golf_course', 'track']);
const LANDUSE_CLASS: Record<string, LandUseClass> = {
  residential: 'R', commercial: 'B', retail: 'B', industrial: 'M', warehouse: 'W', railway: 'S',
  education: 'A', institutional: 'A', religious: 'A', military: 'A',
};
const AMENITY_CLASS: Record<string, LandUseClass> = {
  university: 'A', college: 'A', school: 'A', kindergarten: 'A', hospital: 'A', parking: 'S',
};

export function osmGroundClass(tags: Tags): { kind: GroundKind; landUse: LandUseClass } | null {
  if (tags.natural === 'water' || tags.water !== undefined || tags.waterway === 'riverbank'
    || tags.landuse === 'reservoir' || tags.landuse === 'basin' || tags.leisure === 'swimming_pool') {
    return { kind: 'water', landUse: 'E' };
  }
  if (GREEN_LANDUSE.has(tags.landuse ?? '') || GREEN_LEISURE.has(tags.leisure ?? '') || tags.natural === 'wood') {
    return { kind: 'green', landUse: 'G' };
  }
  const cls = LANDUSE_CLASS[tags.landuse ?? ''] ?? AMENITY_CLASS[tags.amenity ?? ''];
  return cls ? { kind: 'landuse', landUse: cls } : null;
}
