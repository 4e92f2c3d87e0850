/**
 * Incremental builds: a zone is rebuilt only when something that can change its output changed.
 * The hash covers the zone sources (tiles/, scenes/, including each zone's plan.json and
 * schemes/), the tiler, core, scene and planning-analysis code, the shared sample
 * data zone assembly may read (../shared/data), and the versions of the libraries that shape the
 * bytes. The hash file is written last, so an interrupted build never looks up to date.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const BUILD_HASH_FILE = 'build-hash.txt';
/** Bump when the output format changes in a way the hashed sources do not show. */
export const TILER_OUTPUT_VERSION = 1;
/** Libraries whose version changes the written bytes. */
const OUTPUT_LIBRARIES = ['@gltf-transform/core', '@gltf-transform/extensions', '@gltf-transform/functions', 'meshoptimizer', 'earcut', 'saxes'];

export interface HashRoot {
  /** Stable name used in the hash instead of the machine-specific absolute path. */
  label: string;
  dir: string;
}

export function defaultHashRoots(repoRoot: string): HashRoot[] {
  return [
    { label: 'tiles', dir: join(repoRoot, 'tiles') },
    { label: 'scenes', dir: join(repoRoot, 'scenes') },
    { label: 'src/tiler', dir: join(repoRoot, 'src', 'tiler') },
    { label: 'src/core', dir: join(repoRoot, 'src', 'core') },
    // Zone assembly validates the scene, and reads shipped schemes with the planning parser.
    { label: 'src/scene', dir: join(repoRoot, 'src', 'scene') },
    { label: 'src/analysis/planning', dir: join(repoRoot, 'src', 'analysis', 'planning') },
    { label: 'shared/data', dir: join(repoRoot, '..', 'shared', 'data') },
  ];
}

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

async function libraryVersions(repoRoot: string): Promise<string> {
  const parts: string[] = [];
  for (const lib of OUTPUT_LIBRARIES) {
    try {
      const pkg = JSON.parse(await readFile(join(repoRoot, 'node_modules', lib, 'package.json'), 'utf8')) as { version?: string };
      parts.push(`${lib}@${pkg.version ?? '?'}`);
    } catch {
      parts.push(`${lib}@missing`);
    }
  }
  return parts.join(',');
}

/** SHA-256 over labelled relative paths and contents, in sorted order, plus a salt string. */
export async function hashInputs(roots: readonly HashRoot[], salt: string): Promise<string> {
  const h = createHash('sha256');
  h.update(`shentwin-tiler/${TILER_OUTPUT_VERSION}\n${salt}\n`);
  for (const root of roots) {
    const files = (await listFiles(root.dir))
      .map((abs) => ({ abs, rel: `${root.label}/${relative(root.dir, abs).split(sep).join('/')}` }))
      .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    for (const f of files) {
      const data = await readFile(f.abs);
      h.update(`${f.rel}\0${data.byteLength}\0`);
      h.update(data);
    }
  }
  return h.digest('hex');
}

/** Options that change the written bytes without changing any source file. */
export interface BuildHashOptions {
  compress?: boolean;
  variant?: string;
}

export async function zoneBuildHash(repoRoot: string, zoneId: string, options: BuildHashOptions = {}): Promise<string> {
  // Switching --no-compress must rebuild, so the option is part of the salt.
  const compress = options.compress ?? true;
  const variant = options.variant ? `\nvariant=${options.variant}` : '';
  return hashInputs(defaultHashRoots(repoRoot), `zone=${zoneId}\ncompress=${compress}${variant}\nlibs=${await libraryVersions(repoRoot)}`);
}

export async function readBuildHash(zoneDir: string): Promise<string | null> {
  try {
    return (await readFile(join(zoneDir, BUILD_HASH_FILE), 'utf8')).trim();
  } catch {
    return null;
  }
}

/** True when the zone directory holds a completed build of exactly these inputs. */
export async function isZoneUpToDate(zoneDir: string, hash: string): Promise<boolean> {
  return (await readBuildHash(zoneDir)) === hash;
}
