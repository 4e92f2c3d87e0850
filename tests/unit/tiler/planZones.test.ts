/**
 * The planning layers of the three shipped zones as the tiler writes them: plan/plan.json matches
 * the ZonePlan shape the viewer validates, every plot has finite limits or null, the control lines
 * of all four kinds exist (purple ones for every heritage landmark), each zone ships at least two
 * schemes whose site and plot exist, and each scheme's own tileset carries status=planned and its
 * schemeId in the metadata.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCompliance } from '../../../src/analysis/planning/compliance';
import { computeIndicators } from '../../../src/analysis/planning/indicators';
import { parseZonePlan } from '../../../src/analysis/planning/planSchema';
import { ringSignedArea } from '../../../src/analysis/planning/polygon';
import type { ZonePlan } from '../../../src/analysis/planning/types';
import type { StructuralMetadata } from '../../../src/tiler/gltf/extStructuralMetadata';
import { readPlanSources } from '../../../src/tiler/plan/planRules';
import { writeZonePlan } from '../../../src/tiler/plan/writeZonePlan';
import { isHeritage } from '../../../src/tiler/plan/purpleLines';
import { readShippedScheme } from '../../../src/tiler/plan/shippedSchemes';
import { loadZoneInput, ZONE_IDS } from '../../../src/tiler/zones';
import { readZoneSources } from '../../../src/tiler/zones/readSources';
import { builtZoneDir, REPO_ROOT } from './builtZones';
import { listFilesRecursive, readDocument, tempDir } from './tilerSupport';

const dirs = new Map<string, string>();
const plans = new Map<string, ZonePlan>();

beforeAll(async () => {
  for (const zoneId of ZONE_IDS) {
    const dir = await builtZoneDir(zoneId, 'plan');
    dirs.set(zoneId, dir);
    const r = parseZonePlan(await readFile(join(dir, 'plan', 'plan.json'), 'utf8'), zoneId);
    if (!r.ok) throw new Error(`${zoneId} plan.json: ${r.message}`);
    plans.set(zoneId, r.plan);
  }
}, 240_000);

const isLimit = (v: number | null, max = Infinity): boolean => v === null || (Number.isFinite(v) && v >= 0 && v <= max);

describe.each(ZONE_IDS)('plan of %s', (zoneId) => {
  it('is an illustrative version-1 ZonePlan with unique ids and CCW rings rounded to centimetres', () => {
    const plan = plans.get(zoneId)!;
    expect(plan).toMatchObject({ version: 1, zoneId, illustrative: true });
    const ids = [...plan.plots.map((p) => p.id), ...plan.controlLines.map((l) => l.id), ...plan.sites.map((s) => s.id), ...plan.schemes.map((s) => s.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const ring of [...plan.plots.map((p) => p.ring), ...plan.controlLines.map((l) => l.ring)]) {
      expect(ringSignedArea(ring)).toBeGreaterThan(0);
      for (const [x, y] of ring) expect([Math.round(x * 100) / 100, Math.round(y * 100) / 100]).toEqual([x, y]);
    }
  });

  it('has a plot with finite limits (or null) for every land-use block and landmark site', async () => {
    const plan = plans.get(zoneId)!;
    const src = await readZoneSources(REPO_ROOT, zoneId);
    const blocks = new Set(plan.plots.map((p) => p.blockCode));
    for (const f of src.landuse.features) expect(blocks.has(f.properties.code), f.properties.code).toBe(true);
    const prefix = { jiading: 'JD', westbund: 'XH', yangpu: 'YP' }[zoneId];
    for (const p of plan.plots) {
      const { farMax, heightMaxM, densityMax, greenRatioMin } = p.limits;
      expect(isLimit(farMax) && isLimit(heightMaxM) && isLimit(densityMax, 1) && isLimit(greenRatioMin, 1), p.code).toBe(true);
      expect(p.code.startsWith(`${prefix}-${p.landUse}-`), p.code).toBe(true);
      if (p.landUse === 'G' && !p.blockCode.includes('/')) expect(p.limits.farMax).toBe(0);
    }
    expect(new Set(plan.plots.map((p) => p.code)).size).toBe(plan.plots.length);
  });

  it('has control lines of all four kinds, a purple line around every heritage landmark', async () => {
    const plan = plans.get(zoneId)!;
    const kinds = new Set(plan.controlLines.map((l) => l.kind));
    expect([...kinds].sort()).toEqual(['blue', 'green', 'purple', 'red']);
    const src = await readZoneSources(REPO_ROOT, zoneId);
    const heritage = src.landmarks.features.filter(isHeritage).map((f) => f.properties['@id']).sort();
    expect(heritage.length).toBeGreaterThan(0);
    const purple = plan.controlLines.filter((l) => l.kind === 'purple');
    expect(purple.map((l) => l.osmId).sort()).toEqual(heritage);
    for (const l of plan.controlLines) expect(l.name.zh.length > 0 && l.name.en.length > 0, l.id).toBe(true);
  });

  it('ships at least two schemes per site, each for a site whose plot exists, with its tileset', async () => {
    const plan = plans.get(zoneId)!;
    expect(plan.schemes.length).toBeGreaterThanOrEqual(2);
    for (const s of plan.schemes) {
      const site = plan.sites.find((x) => x.id === s.siteId)!;
      expect(site, s.id).toBeTruthy();
      const plot = plan.plots.find((p) => p.id === site.plotId)!;
      expect(plot.schemeIds).toContain(s.id);
      expect(s.tileset).toBe(`schemes/${s.id}/tileset.json`);
      expect(JSON.parse(await readFile(join(dirs.get(zoneId)!, s.tileset!), 'utf8')).asset.version).toBe('1.1');
      expect(s.buildings.every((b) => b.id.startsWith(`scheme:${s.id}:`) && b.status === 'planned')).toBe(true);
    }
    for (const site of plan.sites) {
      expect(plan.schemes.filter((s) => s.siteId === site.id).length).toBeGreaterThanOrEqual(2);
      expect(site.existing.length).toBeGreaterThan(0);
    }
  });

  it('reads every shipped scheme file cleanly with the planning parser', async () => {
    const src = await readZoneSources(REPO_ROOT, zoneId);
    const planSrc = (await readPlanSources(REPO_ROOT, zoneId))!;
    const ctx = { origin: src.scene.origin, bounds: src.scene.bounds, siteIds: planSrc.rules.sites.map((s) => s.id) };
    expect(planSrc.schemes.length).toBeGreaterThanOrEqual(2);
    for (const f of planSrc.schemes) expect(readShippedScheme(f, ctx).id).toBe(f.stem);
  });

  it('gives scheme A a clean board and scheme B at least one failing limit', () => {
    const plan = plans.get(zoneId)!;
    for (const s of plan.schemes) {
      const plot = plan.plots.find((p) => p.id === plan.sites.find((x) => x.id === s.siteId)!.plotId)!;
      const verdicts = checkCompliance(computeIndicators(plot, s.buildings, s.green), plot.limits).map((r) => r.verdict);
      if (s.id.endsWith('-a')) expect(verdicts.every((v) => v === 'pass'), s.id).toBe(true);
      else expect(verdicts.filter((v) => v === 'fail').length, s.id).toBeGreaterThan(0);
    }
  });

  it('writes scheme tiles whose metadata says status=planned, source=scheme and the schemeId', async () => {
    const plan = plans.get(zoneId)!;
    for (const s of plan.schemes) {
      const glbs = (await listFilesRecursive(join(dirs.get(zoneId)!, 'schemes', s.id))).filter((f) => f.endsWith('.glb'));
      expect(glbs.length).toBeGreaterThan(0);
      const seen = new Set<string>();
      for (const f of glbs) {
        const doc = await readDocument(new Uint8Array(await readFile(f)));
        const table = doc.getRoot().getExtension<StructuralMetadata>('EXT_structural_metadata')!.listPropertyTables()[0]!;
        const column = (name: string): unknown[] => Array.from(table.columns[name]!.values as ArrayLike<unknown>);
        for (const v of column('status')) expect(v).toBe('planned');
        for (const v of column('source')) expect(v).toBe('scheme');
        for (const v of column('schemeId')) expect(v).toBe(s.id);
        expect(table.columns.osmId).toBeUndefined();
        for (const id of table.columns.id!.values as string[]) seen.add(id);
      }
      expect([...seen].sort()).toEqual(s.buildings.map((b) => b.id).sort());
    }
  });
});

describe('plan determinism', () => {
  it('writes byte-identical plan.json and scheme tiles when a zone is assembled twice', async () => {
    const out: Map<string, Buffer>[] = [];
    for (const run of ['a', 'b']) {
      const zone = await loadZoneInput('westbund', REPO_ROOT);
      const dir = await tempDir(`plan-det-${run}`);
      await writeZonePlan(zone.plan!, zone.origin, dir);
      const files = new Map<string, Buffer>();
      for (const f of await listFilesRecursive(dir)) files.set(f.slice(dir.length), await readFile(f));
      out.push(files);
    }
    const [a, b] = out as [Map<string, Buffer>, Map<string, Buffer>];
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect(a.size).toBeGreaterThan(4);
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);
  }, 60_000);
});
