import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_HASH_FILE, hashInputs, readBuildHash } from '../../../src/tiler/buildHash';
import { buildZone, type ZoneLoader } from '../../../src/tiler/buildZone';
import type { ZoneInput } from '../../../src/tiler/types';
import { syntheticZone } from './syntheticZone';
import { buildZoneInTemp, listFilesRecursive, tempDir } from './tilerSupport';

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const f of await listFilesRecursive(dir)) out.set(relative(dir, f), await readFile(f));
  return out;
}

describe('deterministic output', () => {
  it('writes identical bytes for the same input, whatever the input order', async () => {
    const a = syntheticZone();
    const b = { ...syntheticZone(), buildings: syntheticZone().buildings.slice().reverse(), ground: syntheticZone().ground.slice().reverse() };
    const [sa, sb] = await Promise.all([buildZoneInTemp(a, 'det-a'), buildZoneInTemp(b, 'det-b')]);
    const [fa, fb] = [await snapshot(sa.dir), await snapshot(sb.dir)];
    expect([...fa.keys()]).toEqual([...fb.keys()]);
    expect(fa.size).toBeGreaterThan(10);
    for (const [name, bytes] of fa) expect(bytes.equals(fb.get(name)!), name).toBe(true);
  });
});

describe('incremental builds', () => {
  async function fakeRepo(): Promise<string> {
    const repo = await tempDir('repo');
    for (const d of ['tiles/synthetic', 'scenes', 'src/tiler', 'src/core']) await mkdir(join(repo, d), { recursive: true });
    await writeFile(join(repo, 'tiles/synthetic/sources.json'), '{"v":1}');
    await writeFile(join(repo, 'scenes/synthetic.json'), '{}');
    await writeFile(join(repo, 'src/tiler/a.ts'), 'export const a = 1;');
    await writeFile(join(repo, 'src/core/b.ts'), 'export const b = 2;');
    return repo;
  }

  function countingLoader(make: () => ZoneInput): { load: ZoneLoader; calls: () => number } {
    let n = 0;
    return { load: async () => { n++; return make(); }, calls: () => n };
  }

  it('skips a zone whose build-hash.txt matches, rebuilds on change or --force', async () => {
    const repo = await fakeRepo();
    const outRoot = join(repo, 'public', 'tiles');
    const { load, calls } = countingLoader(() => syntheticZone({ side: 4 }));
    const first = await buildZone('synthetic', { repoRoot: repo, outRoot, force: false, load });
    expect(first.skipped).toBe(false);
    expect(await readBuildHash(first.dir)).toBe(first.hash);
    const second = await buildZone('synthetic', { repoRoot: repo, outRoot, force: false, load });
    expect(second.skipped).toBe(true);
    expect(calls()).toBe(1);
    await writeFile(join(repo, 'tiles/synthetic/sources.json'), '{"v":2}');
    const third = await buildZone('synthetic', { repoRoot: repo, outRoot, force: false, load });
    expect(third.skipped).toBe(false);
    expect(third.hash).not.toBe(first.hash);
    const forced = await buildZone('synthetic', { repoRoot: repo, outRoot, force: true, load });
    expect(forced.skipped).toBe(false);
    expect(calls()).toBe(3);
  });

  it('never leaves a matching hash after an interrupted build', async () => {
    const repo = await fakeRepo();
    const outRoot = join(repo, 'public', 'tiles');
    const good = await buildZone('synthetic', { repoRoot: repo, outRoot, force: false, load: async () => syntheticZone({ side: 3 }) });
    await writeFile(join(repo, 'src/tiler/a.ts'), 'export const a = 3;');
    const broken: ZoneLoader = async () => ({ ...syntheticZone({ side: 3 }), origin: { lonDeg: Number.NaN, latDeg: 0, heightM: 0 } });
    await expect(buildZone('synthetic', { repoRoot: repo, outRoot, force: false, load: broken })).rejects.toThrow(/origin/);
    // The previous build is still published, and its hash no longer matches the changed inputs.
    expect(await readBuildHash(good.dir)).toBe(good.hash);
    const retry = await buildZone('synthetic', { repoRoot: repo, outRoot, force: false, load: async () => syntheticZone({ side: 3 }) });
    expect(retry.skipped).toBe(false);
    expect((await readFile(join(retry.dir, BUILD_HASH_FILE), 'utf8')).trim()).toBe(retry.hash);
  });

  it('hashes paths and contents, not timestamps or absolute locations', async () => {
    const [r1, r2] = [await fakeRepo(), await fakeRepo()];
    const roots = (r: string) => [{ label: 'tiles', dir: join(r, 'tiles') }, { label: 'src/tiler', dir: join(r, 'src/tiler') }];
    expect(await hashInputs(roots(r1), 'x')).toBe(await hashInputs(roots(r2), 'x'));
    expect(await hashInputs(roots(r1), 'x')).not.toBe(await hashInputs(roots(r1), 'y'));
    await writeFile(join(r2, 'src/tiler/new.ts'), '');
    expect(await hashInputs(roots(r1), 'x')).not.toBe(await hashInputs(roots(r2), 'x'));
  });
});
