import { describe, expect, it, vi } from 'vitest';
import { PrimedFetches, primedFetch } from '../../../src/views/three/primedFetch';
import { TilesetGuardPlugin, TILESET_FETCH_TIMEOUT_MS } from '../../../src/views/three/TilesetGuardPlugin';
import { rootContentUrl, startBootPrefetch } from '../../../src/app/bootPrefetch';

const BASE = 'http://h/app/';

/** A fetch that records its calls and answers from a table; unknown URLs are 404. */
function server(files: Record<string, string | (() => Promise<Response>)>) {
  const calls: string[] = [];
  const f = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push(`${init?.method ?? 'GET'} ${url}`);
    if (init?.signal?.aborted) throw init.signal.reason;
    const body = files[url];
    if (typeof body === 'function') return body();
    return body === undefined ? new Response('Not Found', { status: 404 }) : new Response(body, { status: 200 });
  }) as unknown as typeof fetch;
  return { f, calls };
}

/** A manual scheduler: `run()` fires every callback still scheduled. */
function manualTimers() {
  const pending = new Set<() => void>();
  return {
    schedule: (fn: () => void) => {
      pending.add(fn);
      return () => pending.delete(fn);
    },
    run: () => {
      for (const fn of [...pending]) {
        pending.delete(fn);
        fn();
      }
    },
    get size() {
      return pending.size;
    },
  };
}

describe('PrimedFetches', () => {
  it('hands a primed response out once, then forgets it so the next request refetches', async () => {
    const net = server({ 'http://h/app/a.json': '{"a":1}' });
    const timers = manualTimers();
    const primes = new PrimedFetches({ fetchImpl: net.f, baseHref: BASE, schedule: timers.schedule });
    expect(primes.prime('a.json')).toBe(true);
    expect(primes.prime('http://h/app/a.json'), 'same absolute URL: not primed twice').toBe(false);
    const fetchVia = primedFetch(primes, net.f);

    expect(await (await fetchVia('http://h/app/a.json')).text()).toBe('{"a":1}');
    expect(net.calls).toEqual(['GET http://h/app/a.json']);
    expect(timers.size, 'claimed: its expiry timer is gone').toBe(0);

    expect(await (await fetchVia('http://h/app/a.json')).text()).toBe('{"a":1}');
    expect(net.calls, 'second request went to the network').toEqual(['GET http://h/app/a.json', 'GET http://h/app/a.json']);
    expect(primes.stats).toEqual({ primed: 1, taken: 1, expired: 0 });
  });

  it('falls back to a real fetch when the prefetch failed, but passes an HTTP error on as the answer', async () => {
    let failNext = true;
    const net = server({
      'http://h/app/flaky.glb': async () => {
        if (failNext) {
          failNext = false;
          throw new TypeError('network down');
        }
        return new Response('ok', { status: 200 });
      },
    });
    const primes = new PrimedFetches({ fetchImpl: net.f, baseHref: BASE });
    primes.prime('http://h/app/flaky.glb');
    primes.prime('http://h/app/missing.json');
    const fetchVia = primedFetch(primes, net.f);

    expect(await (await fetchVia('http://h/app/flaky.glb')).text()).toBe('ok');
    expect(net.calls.filter((c) => c.endsWith('flaky.glb'))).toHaveLength(2);

    const res = await fetchVia('http://h/app/missing.json');
    expect(res.status).toBe(404);
    expect(net.calls.filter((c) => c.endsWith('missing.json')), 'a 404 is an answer: not fetched again').toHaveLength(1);
    primes.clear();
  });

  it('only answers a plain GET: HEAD and other options go to the network, and the primed one stays', async () => {
    const net = server({ 'http://h/app/t.json': '{}' });
    const primes = new PrimedFetches({ fetchImpl: net.f, baseHref: BASE });
    primes.prime('http://h/app/t.json');
    const fetchVia = primedFetch(primes, net.f);
    await fetchVia('http://h/app/t.json', { method: 'HEAD' });
    await fetchVia('http://h/app/t.json', { headers: { range: 'bytes=0-1' } });
    expect(primes.has('http://h/app/t.json')).toBe(true);
    await fetchVia('http://h/app/t.json', { method: 'get', signal: new AbortController().signal });
    expect(primes.has('http://h/app/t.json')).toBe(false);
    expect(net.calls).toHaveLength(3);
  });

  it('aborts and forgets a prefetch nobody claims in time', async () => {
    const timers = manualTimers();
    let seen: AbortSignal | null = null;
    const f = vi.fn(async (_u: RequestInfo | URL, init?: RequestInit) => {
      seen = init?.signal ?? null;
      return new Response('x');
    }) as unknown as typeof fetch;
    const primes = new PrimedFetches({ fetchImpl: f, baseHref: BASE, schedule: timers.schedule });
    primes.prime('x.glb');
    timers.run();
    expect(seen!.aborted).toBe(true);
    expect(primes.has('x.glb')).toBe(false);
    expect(primes.take('x.glb')).toBeNull();
    expect(primes.stats.expired).toBe(1);
  });

  it("the consumer's abort reaches the primed request and is not retried", async () => {
    const hung = vi.fn((_u: RequestInfo | URL, init?: RequestInit) => new Promise<Response>((_ok, fail) => {
      init?.signal?.addEventListener('abort', () => fail(init.signal?.reason));
    })) as unknown as typeof fetch;
    const fallback = vi.fn(async () => new Response('late')) as unknown as typeof fetch;
    const primes = new PrimedFetches({ fetchImpl: hung, baseHref: BASE });
    primes.prime('http://h/app/slow.json');
    const ctrl = new AbortController();
    const p = primedFetch(primes, fallback)('http://h/app/slow.json', { signal: ctrl.signal });
    ctrl.abort(new DOMException('gone', 'AbortError'));
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(fallback).not.toHaveBeenCalled();
  });

  it('gives peek a clone, so the consumer still reads the whole body', async () => {
    const net = server({ 'http://h/app/t.json': 'body' });
    const primes = new PrimedFetches({ fetchImpl: net.f, baseHref: BASE });
    const peeked = new Promise<string>((ok) => primes.prime('t.json', (clone) => void clone.text().then(ok)));
    const res = await primedFetch(primes, net.f)('http://h/app/t.json');
    expect(await res.text()).toBe('body');
    expect(await peeked).toBe('body');
  });
});

describe('tileset guard plugin with a primed fetch', () => {
  it("keeps its timeout for a primed request that never answers, and the retry really refetches", async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const hung = vi.fn((_u: RequestInfo | URL, init?: RequestInit) => {
        calls++;
        return new Promise<Response>((_ok, fail) => init?.signal?.addEventListener('abort', () => fail(init.signal?.reason)));
      }) as unknown as typeof fetch;
      const primes = new PrimedFetches({ fetchImpl: hung, baseHref: BASE });
      primes.prime('http://h/app/tiles/tileset.json');
      const plugin = new TilesetGuardPlugin(primedFetch(primes, hung));
      const first = plugin.fetchData('http://h/app/tiles/tileset.json');
      const checked = expect(first).rejects.toThrow(`no response within ${TILESET_FETCH_TIMEOUT_MS / 1000} s`);
      await vi.advanceTimersByTimeAsync(TILESET_FETCH_TIMEOUT_MS + 1);
      await checked;
      expect(calls, 'the prefetch was the first attempt').toBe(1);
      void plugin.fetchData('http://h/app/tiles/tileset.json').catch(() => undefined);
      expect(calls, 'retry goes to the network').toBe(2);
      await vi.advanceTimersByTimeAsync(TILESET_FETCH_TIMEOUT_MS + 1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('startBootPrefetch', () => {
  const box = [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1];
  const files = {
    'http://h/app/scenes/index.json': JSON.stringify({ zones: [{ id: 'west', file: 'west.json' }, { id: 'east', file: 'east.json' }] }),
    'http://h/app/scenes/west.json': JSON.stringify({ id: 'west', tilesets: [{ id: 'b', url: 'tiles/west/b/tileset.json' }, { id: 'g', url: '/tiles/west/g/tileset.json' }] }),
    'http://h/app/tiles/west/b/tileset.json': JSON.stringify({ root: { boundingVolume: { box }, content: { uri: 'root.glb' } } }),
    'http://h/app/tiles/west/g/tileset.json': JSON.stringify({ root: { boundingVolume: { box }, children: [] } }),
    'http://h/app/tiles/west/b/root.glb': 'glb',
  };
  const settle = () => new Promise((ok) => setTimeout(ok, 20));

  it('follows the URL zone: scene list, scene file, each tileset.json and the root tiles that exist', async () => {
    const net = server(files);
    const primes = new PrimedFetches({ fetchImpl: net.f, baseHref: BASE });
    startBootPrefetch({ zone: 'west' }, { primes, baseUrl: './', documentHref: BASE });
    await settle();
    expect(net.calls.sort()).toEqual([
      'GET http://h/app/scenes/index.json',
      'GET http://h/app/scenes/west.json',
      'GET http://h/app/tiles/west/b/root.glb',
      'GET http://h/app/tiles/west/b/tileset.json',
      'GET http://h/app/tiles/west/g/tileset.json',
    ]);
    // Each is claimed once by the consumers, with the full body.
    const fetchVia = primedFetch(primes, net.f);
    expect(await (await fetchVia('./scenes/index.json')).text()).toContain('west.json');
    expect(await (await fetchVia('http://h/app/tiles/west/b/root.glb')).text()).toBe('glb');
    expect(net.calls).toHaveLength(5);
    primes.clear();
  });

  it('primes only the scene list without a zone, and no tilesets for the globe', async () => {
    const net = server(files);
    const primes = new PrimedFetches({ fetchImpl: net.f, baseHref: BASE });
    startBootPrefetch({}, { primes, baseUrl: './', documentHref: BASE });
    await settle();
    expect(net.calls).toEqual(['GET http://h/app/scenes/index.json']);
    const globe = server(files);
    const p2 = new PrimedFetches({ fetchImpl: globe.f, baseHref: BASE });
    startBootPrefetch({ zone: 'west', engine: 'globe' }, { primes: p2, baseUrl: './', documentHref: BASE });
    await settle();
    expect(globe.calls.sort()).toEqual(['GET http://h/app/scenes/index.json', 'GET http://h/app/scenes/west.json']);
    primes.clear();
    p2.clear();
  });

  it('stops quietly at a broken or unknown link', async () => {
    const net = server({ ...files, 'http://h/app/scenes/west.json': '{not json' });
    const primes = new PrimedFetches({ fetchImpl: net.f, baseHref: BASE });
    startBootPrefetch({ zone: 'west' }, { primes, baseUrl: './', documentHref: BASE });
    startBootPrefetch({ zone: 'nowhere' }, { primes, baseUrl: './', documentHref: BASE });
    await settle();
    expect(net.calls.sort()).toEqual(['GET http://h/app/scenes/index.json', 'GET http://h/app/scenes/west.json']);
    primes.clear();
  });

  it('forms the root tile URL as the tiles renderer does', () => {
    expect(rootContentUrl('http://h/app/t/x/tileset.json', { root: { content: { uri: '0/a.glb' } } }, BASE)).toBe('http://h/app/t/x/0/a.glb');
    expect(rootContentUrl('http://h/app/t/tileset.json', { root: { content: { url: '../b.glb' } } }, BASE)).toBe('http://h/app/b.glb');
    expect(rootContentUrl('http://h/app/t/tileset.json', { root: {} }, BASE)).toBeNull();
    expect(rootContentUrl('http://h/app/t/tileset.json', 'nope', BASE)).toBeNull();
  });
});
