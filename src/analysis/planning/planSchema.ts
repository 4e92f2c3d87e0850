/**
 * Run-time check of a zone's plan.json as the viewer fetches it: the file is untrusted like any
 * tile, so a broken one is reported and refused instead of putting NaN into a polygon buffer.
 */
import { z } from 'zod';
import { LAND_USE_CLASSES } from '../../core/landUse';
import type { ZonePlan } from './types';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const point = z.tuple([finite, finite]);
const ring = z.array(point).min(3);
const bilingual = z.object({ zh: z.string(), en: z.string() });
const limit = finite.nullable();
const landUse = z.enum(LAND_USE_CLASSES);

const building = z.object({
  id: z.string().min(1),
  name: bilingual,
  footprint: ring,
  holes: z.array(ring).optional(),
  floors: finite.nonnegative(),
  heightM: finite.nonnegative(),
  use: landUse,
  status: z.enum(['existing', 'planned']),
});

export const zonePlanSchema = z.object({
  version: z.literal(1),
  zoneId: z.string(),
  illustrative: z.literal(true),
  plots: z.array(
    z.object({
      id: z.string().min(1),
      code: z.string(),
      blockCode: z.string(),
      landUse,
      name: bilingual,
      ring,
      holes: z.array(ring).optional(),
      limits: z.object({ farMax: limit, heightMaxM: limit, densityMax: limit, greenRatioMin: limit }),
      schemeIds: z.array(z.string()),
    }),
  ),
  controlLines: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['red', 'green', 'blue', 'purple']),
      name: bilingual,
      ring,
      osmId: z.string().optional(),
    }),
  ),
  sites: z.array(z.object({ id: z.string().min(1), plotId: z.string(), name: bilingual, existing: z.array(building) })),
  schemes: z.array(
    z.object({
      id: z.string().min(1),
      siteId: z.string(),
      name: bilingual,
      source: z.enum(['shipped', 'imported']),
      buildings: z.array(building),
      green: z.array(ring),
      tileset: z.string().optional(),
    }),
  ),
});

export type PlanParse = { ok: true; plan: ZonePlan } | { ok: false; message: string };

export function parseZonePlan(text: string, expectedZoneId: string): PlanParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `invalid JSON: ${(e as Error).message}` };
  }
  const r = zonePlanSchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    return { ok: false, message: `${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'} (${r.error.issues.length} problem(s))` };
  }
  if (r.data.zoneId !== expectedZoneId) return { ok: false, message: `plan is for zone "${r.data.zoneId}", expected "${expectedZoneId}"` };
  const plotIds = new Set(r.data.plots.map((p) => p.id));
  const badSite = r.data.sites.find((s) => !plotIds.has(s.plotId));
  if (badSite) return { ok: false, message: `site "${badSite.id}" refers to unknown plot "${badSite.plotId}"` };
  return { ok: true, plan: r.data as ZonePlan };
}
