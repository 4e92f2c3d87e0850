/**
 * tiles/<zone>/plan.json: the hand-written rules the 控规 plots, control lines and scheme sites
 * are derived from. Every value is illustrative (示意); tiles/README.md says how each was chosen.
 * Read from disk together with the zone's shipped scheme files (tiles/<zone>/schemes/*.geojson).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { formatPath } from '../../scene/validate';
import { landUseClass } from '../zones/sourceSchemas';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const ratio = finite.min(0).max(1);
const limitsSchema = z.object({
  farMax: finite.nonnegative().nullable(),
  heightMaxM: finite.nonnegative().nullable(),
  densityMax: ratio.nullable(),
  greenRatioMin: ratio.nullable(),
});
const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });

export const planRulesSchema = z.object({
  $comment: z.string().optional(),
  /** Zone prefix of plot codes: JD, XH, YP. */
  prefix: z.string().regex(/^[A-Z]{2}$/),
  /** Limits of a plot by its GB 50137 class, before context and overrides. */
  classDefaults: z.record(landUseClass, limitsSchema),
  /** Plots of these classes within `withinM` of the named water bodies get the `limits` instead. */
  core: z.object({
    $comment: z.string().optional(),
    water: z.array(z.string().min(1)).min(1),
    withinM: finite.positive(),
    limits: z.partialRecord(landUseClass, limitsSchema),
  }),
  /** Per-plot corrections by block code (landuse code or landmark site id), each with its reason. */
  overrides: z.record(z.string(), limitsSchema.partial().extend({ $why: z.string().min(1) })).default({}),
  /** Protection margin of the purple lines (紫线) around heritage landmarks, metres. */
  purpleLineMarginM: finite.positive(),
  /** Redevelopment sites the shipped schemes are drawn for. */
  sites: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), block: z.string().min(1), name: bilingual })).min(1),
});

export type PlanRules = z.infer<typeof planRulesSchema>;
export type LimitsRule = z.infer<typeof limitsSchema>;

export interface SchemeSourceFile {
  /** Path relative to the repository root, for messages. */
  fileName: string;
  /** File name without `.geojson`: must equal the scheme id inside. */
  stem: string;
  text: string;
  byteLength: number;
}

export interface PlanSources {
  rules: PlanRules;
  schemes: SchemeSourceFile[];
}

export const PLAN_RULES_FILE = 'plan.json';
export const SCHEMES_DIR = 'schemes';

/** Null when the zone has no plan.json (test zones); a present but broken file is an error. */
export async function readPlanSources(repoRoot: string, zoneId: string): Promise<PlanSources | null> {
  const dir = join(repoRoot, 'tiles', zoneId);
  let text: string;
  try {
    text = await readFile(join(dir, PLAN_RULES_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const where = `tiles/${zoneId}/${PLAN_RULES_FILE}`;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${where}: invalid JSON: ${(e as Error).message}`);
  }
  const r = planRulesSchema.safeParse(raw);
  if (!r.success) {
    const lines = r.error.issues.slice(0, 5).map((i) => `  ${formatPath(i.path)}: ${i.message}`);
    throw new Error(`${where}: ${r.error.issues.length} problem(s)\n${lines.join('\n')}`);
  }
  return { rules: r.data, schemes: await readSchemeFiles(join(dir, SCHEMES_DIR), `tiles/${zoneId}/${SCHEMES_DIR}`) };
}

async function readSchemeFiles(dir: string, label: string): Promise<SchemeSourceFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  // Sorted so that the plan lists schemes in the same order on every machine.
  const files = names.filter((n) => n.endsWith('.geojson')).sort();
  return Promise.all(files.map(async (n) => {
    const bytes = await readFile(join(dir, n));
    return { fileName: `${label}/${n}`, stem: n.slice(0, -'.geojson'.length), text: bytes.toString('utf8'), byteLength: bytes.byteLength };
  }));
}
