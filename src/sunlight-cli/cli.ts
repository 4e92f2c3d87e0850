/**
 * `npm run sunlight -- --zone <id> [--scheme <id|file>] [--receivers <plot|file>] [--profile <id>]
 * [--year N] [--spacing M] [--impact] --out result.json` — the browser's sunlight engine, headless.
 * Exit codes: 0 done; 2 a bad argument or input file (message on stderr); 1 anything unexpected.
 * Every result is labelled 方案参考，非报建结论.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZodError } from 'zod';
import { buildCasterBvh, castersWithinReach } from '../analysis/sunlight/casters';
import { runSunlight, type SunlightRunResult } from '../analysis/sunlight/engine';
import { sunlightImpact } from '../analysis/sunlight/impact';
import { resolveProfile, type Profile } from '../analysis/sunlight/profiles';
import { facadeReceivers } from '../analysis/sunlight/receivers';
import { parseSunlightArgs, SUNLIGHT_USAGE, UsageError } from './args';
import { shadedNeighbours } from './neighbours';
import { buildReport, formatReport } from './report';
import { applyScheme, existingState, pickReceivers, resolveScheme, type StateBuilding } from './state';
import { loadZoneData } from './zoneData';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface RunArgs {
  state: readonly StateBuilding[];
  receiverBuildings: readonly StateBuilding[];
  profile: Profile;
  spacingM: number;
  latDeg: number;
  lonDeg: number;
  year: number;
  label: string;
}

function analyse(a: RunArgs): { result: SunlightRunResult; casters: number } {
  const receivers = facadeReceivers(a.receiverBuildings, { spacingM: a.spacingM, sillHeightM: a.profile.sillHeightM, floorHeightM: a.profile.floorHeightM });
  const near = castersWithinReach(a.state, receivers, a.profile, a.latDeg, { year: a.year });
  const casters = buildCasterBvh(near);
  const t0 = performance.now();
  let lastPct = -1;
  const result = runSunlight({
    receivers, casters, profile: a.profile, latDeg: a.latDeg, lonDeg: a.lonDeg, year: a.year, chunkSize: 64,
    onProgress: (done, total) => {
      const pct = Math.floor((100 * done) / Math.max(1, total));
      if (pct >= lastPct + 10 || done === total) {
        lastPct = pct;
        process.stderr.write(`sunlight ${a.label}: ${done}/${total} windows (${pct}%)\n`);
      }
    },
  });
  const s = (performance.now() - t0) / 1000;
  process.stderr.write(`sunlight ${a.label}: ${receivers.length} windows × ${result.times.length} steps against ${near.length} casters in ${s.toFixed(1)} s\n`);
  return { result, casters: near.length };
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const o = parseSunlightArgs(argv);
    if (o.help) {
      process.stdout.write(`${SUNLIGHT_USAGE}\n`);
      return 0;
    }
    let profile: Profile;
    try {
      profile = resolveProfile(o.profile, o.overrides);
    } catch (e) {
      if (e instanceof ZodError) throw new UsageError(`--param: ${e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      throw e;
    }
    const data = await loadZoneData(o.root ?? REPO_ROOT, o.zone);
    const { latDeg, lonDeg } = data.scene.origin;
    const existing = existingState(data.footprints);
    const scheme = o.scheme ? await resolveScheme(o.scheme, data.plan, data.scene, o.crs) : null;
    const state = scheme ? applyScheme(existing, data.plan, scheme) : existing;
    const pick = await pickReceivers(o.receivers, scheme, state, data.plan, data.scene, o.uses);
    // A commercial scheme has no windows of its own to check, but may still shade its neighbours.
    if (pick.buildings.length === 0 && !o.impact) {
      throw new UsageError(`no receiver buildings in ${pick.description} of state "${scheme?.id ?? 'existing'}"; try --uses all, another --receivers, or --impact`);
    }
    const common = { profile, spacingM: o.spacingM, latDeg, lonDeg, year: o.year };
    const main = analyse({ ...common, state, receiverBuildings: pick.buildings, label: scheme?.id ?? 'existing' });

    let impact;
    if (o.impact && scheme) {
      const site = data.plan.sites.find((s) => s.id === scheme.siteId)!;
      const onSite = new Set(site.existing.map((b) => b.id));
      const candidates = existing.filter((b) => !onSite.has(b.id) && (o.uses === 'all' || o.uses.includes(b.use)));
      const schemeBuildings = state.filter((b) => b.status === 'planned');
      const neighbours = shadedNeighbours(schemeBuildings, candidates, profile, latDeg, o.year);
      const before = analyse({ ...common, state: existing, receiverBuildings: neighbours, label: 'neighbours, existing' });
      const after = analyse({ ...common, state, receiverBuildings: neighbours, label: `neighbours, ${scheme.id}` });
      impact = { state: 'existing', neighbours: neighbours.length, receivers: after.result.receivers.length, casters: after.casters, impact: sunlightImpact(before.result, after.result) };
    }

    const report = buildReport({
      zoneId: o.zone, state: scheme?.id ?? 'existing', origin: { latDeg, lonDeg }, profile, receiversFrom: pick.description,
      spacingM: o.spacingM, casterCount: main.casters, dataFrom: data.from, buildings: state, result: main.result, ...(impact ? { impact } : {}),
    });
    await mkdir(dirname(resolve(o.out)), { recursive: true });
    await writeFile(o.out, formatReport(report));
    const sum = report.summary;
    process.stdout.write(`sunlight ${o.zone}/${report.state} (${profile.id}, ${report.standardDay.y}-${report.standardDay.m}-${report.standardDay.d}): `
      + `${sum.passed} pass, ${sum.failed} fail, ${sum.minHours}–${sum.maxHours} h${impact ? `; impact: ${impact.impact.newlyFailing.length} neighbouring windows newly fail` : ''} → ${o.out} (方案参考，非报建结论)\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`sunlight: ${e.message}\n\n${SUNLIGHT_USAGE}\n`);
      return 2;
    }
    process.stderr.write(`sunlight: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

// Run only as a script, so tests can import main().
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
    process.stderr.write(`sunlight: ${String(e)}\n`);
    process.exit(1);
  });
}
