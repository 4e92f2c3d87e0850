/**
 * `npm run tiles`: builds 3D Tiles for every zone (or --zone X) into public/tiles/<zone>/.
 * Node only; never imported by the SPA.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildZone } from './buildZone';
import { parseTilerArgs, TILER_USAGE } from './cliArgs';
import { KNOWN_ZONE_IDS, loadZoneInput, ZONE_IDS } from './zones/index';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`;
}

async function main(): Promise<void> {
  const opts = parseTilerArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(TILER_USAGE);
    return;
  }
  const known = KNOWN_ZONE_IDS;
  const zones = opts.zones.length > 0 ? opts.zones : [...ZONE_IDS];
  const unknown = zones.filter((z) => !known.includes(z));
  if (unknown.length > 0) throw new Error(`unknown zone(s): ${unknown.join(', ')} (known: ${known.join(', ')})`);
  const outRoot = opts.out ?? join(repoRoot, 'public', 'tiles');
  for (const zoneId of zones) {
    const t0 = performance.now();
    const city = opts.citySizeM === null ? {} : { sizeM: opts.citySizeM };
    const r = await buildZone(zoneId, {
      repoRoot, outRoot, force: opts.force, compress: opts.compress,
      ...(opts.citySizeM === null ? {} : { variant: `citySizeM=${opts.citySizeM}` }),
      load: (id, root) => loadZoneInput(id, root, { syntheticCity: city }),
    });
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    if (!r.summary) {
      console.log(`tiles ${zoneId}: up to date (${r.hash.slice(0, 12)}), skipped`);
      continue;
    }
    const s = r.summary;
    const rejected = Object.entries(s.rejectedBuildings).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`);
    const p = s.plan;
    const plan = p
      ? `${p.plots} plots, lines red ${p.lines.red}/green ${p.lines.green}/blue ${p.lines.blue}/purple ${p.lines.purple}, `
        + `${p.sites} sites, ${p.schemes} schemes (${p.schemeBuildings} buildings), `
      : '';
    console.log(
      `tiles ${zoneId}: ${s.buildings} buildings (${s.signatureBuildings} signature), ${s.groundPolygons} ground polygons, `
      + `${plan}${s.tiles} tiles, ${formatBytes(s.bytes)}, ${seconds} s`
      + (rejected.length > 0 ? `; skipped buildings: ${rejected.join(', ')}` : ''),
    );
  }
}

main().catch((e: unknown) => {
  console.error(`tiles: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
