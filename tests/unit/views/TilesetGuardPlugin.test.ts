import { describe, expect, it, vi } from 'vitest';
import type { Tile } from '3d-tiles-renderer/core';
import { TilesetGuardPlugin, TILESET_FETCH_TIMEOUT_MS } from '../../../src/views/three/TilesetGuardPlugin';

const box = [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1];
const tileset = (children: unknown[] = []) => ({ asset: { version: '1.1' }, geometricError: 10, root: { boundingVolume: { box }, geometricError: 5, children } });

function fetchReturning(body: string | Uint8Array<ArrayBuffer>, init: ResponseInit = { status: 200 }) {
  return vi.fn(async () => new Response(body, init)) as unknown as typeof fetch;
}

describe('TilesetGuardPlugin.fetchData', () => {
  it('returns a validated tileset object', async () => {
    const plugin = new TilesetGuardPlugin(fetchReturning(JSON.stringify(tileset())));
    const json = (await plugin.fetchData('http://h/t/tileset.json')) as { root: unknown };
    expect(json.root).toBeTruthy();
  });

  it('turns HTTP errors into messages', async () => {
    const plugin = new TilesetGuardPlugin(fetchReturning('nope', { status: 404, statusText: 'Not Found' }));
    await expect(plugin.fetchData('http://h/t/tileset.json')).rejects.toThrow('HTTP 404 Not Found');
    const p500 = new TilesetGuardPlugin(fetchReturning('x', { status: 500 }));
    await expect(p500.fetchData('http://h/t/0.glb')).rejects.toThrow('HTTP 500');
  });

  it('rejects invalid tilesets and HTML served as JSON', async () => {
    await expect(new TilesetGuardPlugin(fetchReturning('<html>oops</html>')).fetchData('http://h/tileset.json')).rejects.toThrow(/HTML page/);
    await expect(new TilesetGuardPlugin(fetchReturning('{"asset":{"version":"1.1"}}')).fetchData('http://h/tileset.json')).rejects.toThrow(/no root/);
  });

  it('returns tile content as an ArrayBuffer', async () => {
    const plugin = new TilesetGuardPlugin(fetchReturning(new Uint8Array([1, 2, 3])));
    const buf = (await plugin.fetchData('http://h/t/0.glb?v=1')) as ArrayBuffer;
    expect(new Uint8Array(buf)).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('keeps a cancellation an AbortError, so the renderer does not count it as a failure', async () => {
    const ctrl = new AbortController();
    const never = vi.fn((_url: string, init?: RequestInit) => new Promise<Response>((_res, rej) => {
      init?.signal?.addEventListener('abort', () => rej(init.signal?.reason));
    })) as unknown as typeof fetch;
    const pending = new TilesetGuardPlugin(never).fetchData('http://h/0.glb', { signal: ctrl.signal });
    ctrl.abort(new DOMException('stop', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('times out a request that never answers', async () => {
    vi.useFakeTimers();
    try {
      const never = vi.fn((_url: string, init?: RequestInit) => new Promise<Response>((_res, rej) => {
        init?.signal?.addEventListener('abort', () => rej(init.signal?.reason));
      })) as unknown as typeof fetch;
      const pending = new TilesetGuardPlugin(never).fetchData('http://h/tileset.json');
      const check = expect(pending).rejects.toThrow(`no response within ${TILESET_FETCH_TIMEOUT_MS / 1000} s`);
      await vi.advanceTimersByTimeAsync(TILESET_FETCH_TIMEOUT_MS + 10);
      await check;
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('TilesetGuardPlugin.parseTile', () => {
  const tile = {} as Tile;
  it('rejects a broken glb with its reason and passes other content on', async () => {
    const plugin = new TilesetGuardPlugin();
    await expect(plugin.parseTile(new ArrayBuffer(11), tile, 'glb')).rejects.toThrow(/truncated glb: 11 bytes/);
    const html = new TextEncoder().encode('<!DOCTYPE html><p>error</p>').buffer as ArrayBuffer;
    await expect(plugin.parseTile(html, tile, 'glb')).rejects.toThrow(/HTML page/);
    expect(plugin.parseTile(new ArrayBuffer(16), tile, 'b3dm')).toBeNull();
  });
});

describe('TilesetGuardPlugin.preprocessNode', () => {
  it('rejects an external tileset that points back at an ancestor', async () => {
    const a = tileset();
    const b = tileset();
    const plugin = new TilesetGuardPlugin(vi.fn(async (url: string) => new Response(JSON.stringify(url.endsWith('a.json') ? a : b))) as unknown as typeof fetch);
    const rootA = ((await plugin.fetchData('http://h/a.json')) as { root: Tile }).root;
    const rootB = ((await plugin.fetchData('http://h/b.json')) as { root: Tile }).root;
    (rootA as { parent: Tile | null }).parent = null;
    // a's root → a tile whose content is b.json → b's root → a tile whose content is a.json → a's root again
    const holderOfB = { parent: rootA } as unknown as Tile;
    expect(() => plugin.preprocessNode(rootB, 'http://h', holderOfB)).not.toThrow();
    (rootB as { parent: Tile | null }).parent = holderOfB;
    const holderOfA = { parent: rootB } as unknown as Tile;
    const rootA2 = ((await plugin.fetchData('http://h/a.json')) as { root: Tile }).root;
    expect(() => plugin.preprocessNode(rootA2, 'http://h', holderOfA)).toThrow(/cycle: \S*a\.json → \S*b\.json → \S*a\.json/);
  });

  it('ignores ordinary tiles and the top root', () => {
    const plugin = new TilesetGuardPlugin();
    expect(() => plugin.preprocessNode({} as Tile, 'http://h', null)).not.toThrow();
    expect(() => plugin.preprocessNode({} as Tile, 'http://h', {} as Tile)).not.toThrow();
  });
});
