import { describe, expect, it } from 'vitest';
import { describeRootFailure, ROOT_RETRY_MAX_MS, rootRetryDelayMs } from '../../../src/views/three/rootRetry';
import { cacheLimitsForBudget, DEFAULT_TILE_BUDGET_MB } from '../../../src/views/three/tileBudget';
import { buildTilesetStatus, DETAIL_REDUCED_HOLD_PUBLISHES, nextDetailHold, type TilesetSnapshot } from '../../../src/views/three/tilesetStatusModel';
import { resolveTilesetUrl } from '../../../src/views/three/tilesetUrl';

describe('root retry backoff', () => {
  it('doubles from 1 s and caps at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(rootRetryDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, ROOT_RETRY_MAX_MS]);
  });
  it('never returns a zero or NaN delay', () => {
    expect(rootRetryDelayMs(0)).toBe(1000);
    expect(rootRetryDelayMs(Number.NaN)).toBe(1000);
  });
  it('says when the next retry happens', () => {
    expect(describeRootFailure('HTTP 404 Not Found', 3, 4000)).toBe('HTTP 404 Not Found — retry 3 in 4 s');
  });
});

describe('tile budget', () => {
  it('defaults to the named budget and keeps a lower eviction floor', () => {
    const d = cacheLimitsForBudget(null);
    expect(d.maxBytesSize).toBe(DEFAULT_TILE_BUDGET_MB * 1024 * 1024);
    expect(d.minBytesSize).toBeLessThan(d.maxBytesSize);
    expect(cacheLimitsForBudget(32).maxBytesSize).toBe(32 * 1024 * 1024);
    expect(cacheLimitsForBudget(Number.NaN).maxBytesSize).toBe(d.maxBytesSize);
    expect(cacheLimitsForBudget(-5).maxBytesSize).toBe(d.maxBytesSize);
  });
});

describe('tileset status', () => {
  const base: TilesetSnapshot = {
    root: 'ready', queued: 0, downloading: 0, parsing: 0, loaded: 5, failed: 1, busy: false,
    updatesSinceRoot: 10, cachedBytes: 1234.4, detailHold: 0,
  };
  it('is settled when nothing is in flight, even with failed tiles', () => {
    const s = buildTilesetStatus(base);
    expect(s).toEqual({ root: 'ready', loaded: 5, failed: 1, inFlight: 0, settled: true, cachedBytes: 1234, detailReduced: false });
  });
  it('is not settled while tiles are queued, downloading or parsing, or a burst is running', () => {
    expect(buildTilesetStatus({ ...base, queued: 1 }).settled).toBe(false);
    expect(buildTilesetStatus({ ...base, downloading: 2 }).inFlight).toBe(2);
    expect(buildTilesetStatus({ ...base, parsing: 1 }).settled).toBe(false);
    expect(buildTilesetStatus({ ...base, busy: true }).settled).toBe(false);
  });
  it('is not settled before the first traversals after the root arrives, nor while the root loads', () => {
    expect(buildTilesetStatus({ ...base, updatesSinceRoot: 1 }).settled).toBe(false);
    expect(buildTilesetStatus({ ...base, root: 'loading' }).settled).toBe(false);
  });
  it('is settled when the root failed (nothing more can load until the retry)', () => {
    expect(buildTilesetStatus({ ...base, root: 'failed', updatesSinceRoot: 0, loaded: 0 }).settled).toBe(true);
  });
  it('holds "detail reduced" for a while after the last refused tile', () => {
    let hold = nextDetailHold(0, true);
    expect(hold).toBe(DETAIL_REDUCED_HOLD_PUBLISHES);
    expect(buildTilesetStatus({ ...base, detailHold: hold }).detailReduced).toBe(true);
    for (let i = 0; i < DETAIL_REDUCED_HOLD_PUBLISHES; i++) hold = nextDetailHold(hold, false);
    expect(hold).toBe(0);
    expect(buildTilesetStatus({ ...base, detailHold: hold }).detailReduced).toBe(false);
  });
});

describe('resolveTilesetUrl', () => {
  it('resolves against a relative base', () => {
    expect(resolveTilesetUrl('tiles/jiading/buildings/tileset.json', './', 'http://127.0.0.1:4173/app/index.html?zone=x'))
      .toBe('http://127.0.0.1:4173/app/tiles/jiading/buildings/tileset.json');
    expect(resolveTilesetUrl('/tiles/a.json', '/base/', 'http://h/x')).toBe('http://h/base/tiles/a.json');
    expect(resolveTilesetUrl('https://cdn/a.json', './', 'http://h/')).toBe('https://cdn/a.json');
  });
});

describe('urlExtension', () => {
  it('reads the extension of the last path segment', async () => {
    const { urlExtension } = await import('../../../src/views/three/tilesetUrl');
    expect(urlExtension('http://h/a/tileset.json?v=2#x')).toBe('json');
    expect(urlExtension('tiles/0/1.GLB')).toBe('glb');
    expect(urlExtension('http://h/a.json/content')).toBe('');
    expect(urlExtension('http://h/.hidden')).toBe('');
  });
});

describe('isSoftwareRenderer', () => {
  it('recognises software rasterisers', async () => {
    const { isSoftwareRenderer } = await import('../../../src/views/three/glCapabilities');
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)')).toBe(false);
    expect(isSoftwareRenderer(null)).toBe(false);
  });
});
