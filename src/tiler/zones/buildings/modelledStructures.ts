/**
 * Real structures the OSM sample lacks or maps only as a point (the Long Museum is a bare node),
 * given a simple body so their viewpoints show them. They are boxes sized from published
 * descriptions, not surveyed footprints, and say so in their names. They carry
 * `source: "generated"` (their geometry is made by the tiler, not mapped) and ids
 * `model:<zone>:<structure>:<n>`, apart from the seeded filler's `gen:<zone>:<n>`.
 */
import type { BuildingInput, Ring } from '../../types';
import { orientedRect } from '../geom/planar';
import type { ZoneProjection } from '../project';
import type { ModelledStructure } from '../sourceSchemas';

export const MODELLED_SUFFIX = { zh: '（示意模型）', en: ' (modelled, not surveyed)' } as const;
const STOREY_M = 4.5;

export interface ModelledPiece {
  /** Structure id and piece label, e.g. "yangpu-bridge" / "Puxi tower". */
  name: string;
  nameEn: string;
  footprint: Ring;
  baseM: number;
  heightM: number;
}

export function modelledName(name: string, nameEn: string, part?: { zh: string; en: string }): { name: string; nameEn: string } {
  return {
    name: `${name}${part ? ` ${part.zh}` : ''}${MODELLED_SUFFIX.zh}`,
    nameEn: `${nameEn}${part ? ` ${part.en}` : ''}${MODELLED_SUFFIX.en}`,
  };
}

/** Pieces of one modelled structure → buildings with stable ids in the order given. */
export function modelledBuildings(zoneId: string, structureId: string, landUse: BuildingInput['landUse'], pieces: readonly ModelledPiece[]): BuildingInput[] {
  return pieces.map((p, i) => ({
    id: `model:${zoneId}:${structureId}:${i + 1}`,
    name: p.name,
    nameEn: p.nameEn,
    footprint: p.footprint,
    heightM: Math.round(p.heightM * 100) / 100,
    baseM: Math.round(p.baseM * 100) / 100,
    floors: Math.max(1, Math.round(Math.min(p.heightM, 60) / STOREY_M)),
    landUse,
    status: 'existing',
    source: 'generated',
    osmId: '',
    roof: 'flat',
    signature: false,
  }));
}

/** Boxes of the structures listed under `modelled` in generator.json. */
export function boxStructures(zoneId: string, structures: readonly ModelledStructure[], proj: ZoneProjection): BuildingInput[] {
  return structures.flatMap((s) => {
    const pieces = s.parts.map((part): ModelledPiece => {
      const [x, y] = proj.point(part.centre[0], part.centre[1]);
      const angle = (part.angleDeg * Math.PI) / 180;
      return {
        ...modelledName(s.name, s.nameEn, s.parts.length > 1 ? part.part : undefined),
        footprint: orientedRect(x, y, part.sizeM[0], part.sizeM[1], angle),
        baseM: part.baseM,
        heightM: part.heightM,
      };
    });
    return modelledBuildings(zoneId, s.id, s.landUse, pieces);
  });
}
