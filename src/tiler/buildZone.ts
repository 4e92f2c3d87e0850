/**
 * One zone through the incremental pipeline: hash inputs → skip if the published build matches →
 * else load, write to staging, write the hash last, publish. The loader is injected so tests can
 * drive the whole flow with a synthetic zone.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILD_HASH_FILE, isZoneUpToDate, zoneBuildHash } from './buildHash';
import { publishZoneDir, stagingDirFor } from './publishZoneDir';
import type { ZoneInput } from './types';
import { writeZoneTiles, type ZoneTilesSummary } from './writeZoneTiles';

export type ZoneLoader = (zoneId: string, repoRoot: string) => Promise<ZoneInput>;

export interface BuildZoneOptions {
  repoRoot: string;
  outRoot: string;
  force: boolean;
  load: ZoneLoader;
  /** Quantised + meshopt-compressed glb (default true); part of the build hash. */
  compress?: boolean;
  /** Any other loader option that changes the output (e.g. the synthetic city's size); hashed. */
  variant?: string;
}

export interface BuildZoneResult {
  zoneId: string;
  skipped: boolean;
  hash: string;
  dir: string;
  summary: ZoneTilesSummary | null;
}

export async function buildZone(zoneId: string, opts: BuildZoneOptions): Promise<BuildZoneResult> {
  const dir = join(opts.outRoot, zoneId);
  const compress = opts.compress ?? true;
  const hash = await zoneBuildHash(opts.repoRoot, zoneId, { compress, ...(opts.variant ? { variant: opts.variant } : {}) });
  if (!opts.force && (await isZoneUpToDate(dir, hash))) return { zoneId, skipped: true, hash, dir, summary: null };
  const zone = await opts.load(zoneId, opts.repoRoot);
  if (zone.zoneId !== zoneId) throw new Error(`loader returned zone "${zone.zoneId}" for "${zoneId}"`);
  const staging = stagingDirFor(opts.outRoot, zoneId);
  await rm(staging, { recursive: true, force: true });
  const summary = await writeZoneTiles(zone, staging, { compress });
  await writeFile(join(staging, BUILD_HASH_FILE), `${hash}\n`);
  await publishZoneDir(staging, opts.outRoot, zoneId);
  return { zoneId, skipped: false, hash, dir, summary };
}
