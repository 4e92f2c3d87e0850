import { describe, expect, it, vi } from 'vitest';
import { readCachedRendererName, RENDERER_CACHE_KEY, resolveRendererName, writeCachedRendererName } from '../../../src/views/three/glCapabilities';

const UA = 'Mozilla/5.0 test';
const SWIFT = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)';

function memoryStorage(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), map: m };
}

describe('renderer name cache', () => {
  it('reads back what it wrote, for the same user agent only', () => {
    const s = memoryStorage();
    writeCachedRendererName(s, UA, SWIFT);
    expect(readCachedRendererName(s, UA)).toBe(SWIFT);
    expect(readCachedRendererName(s, 'another browser')).toBeNull();
  });

  it('ignores garbage, wrong types and blocked storage', () => {
    for (const raw of ['not json', '42', 'null', '{"ua":"Mozilla/5.0 test","name":7}', '{"ua":"Mozilla/5.0 test","name":""}', `{"ua":"Mozilla/5.0 test","name":"${'x'.repeat(600)}"}`])
      expect(readCachedRendererName(memoryStorage({ [RENDERER_CACHE_KEY]: raw }), UA), raw.slice(0, 30)).toBeNull();
    const throwing = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceeded'); } };
    expect(readCachedRendererName(throwing, UA)).toBeNull();
    expect(() => writeCachedRendererName(throwing, UA, SWIFT)).not.toThrow();
    expect(readCachedRendererName(null, UA)).toBeNull();
  });
});

describe('resolveRendererName', () => {
  it('takes the early probe of index.html, probes nothing more, and caches it', () => {
    const s = memoryStorage();
    const probeHere = vi.fn(() => 'main');
    expect(resolveRendererName({ storage: s, userAgent: UA, early: { name: SWIFT }, probeHere })).toBe(SWIFT);
    expect(probeHere).not.toHaveBeenCalled();
    expect(readCachedRendererName(s, UA)).toBe(SWIFT);
  });

  it('uses the cache when the early probe was skipped, and probes nothing', () => {
    const s = memoryStorage();
    writeCachedRendererName(s, UA, SWIFT);
    const probeHere = vi.fn(() => 'y');
    expect(resolveRendererName({ storage: s, userAgent: UA, early: undefined, probeHere })).toBe(SWIFT);
    expect(probeHere).not.toHaveBeenCalled();
  });

  it('prefers a fresh early answer over a stale cache entry, and replaces the entry', () => {
    const s = memoryStorage();
    writeCachedRendererName(s, UA, 'NVIDIA old');
    expect(resolveRendererName({ storage: s, userAgent: UA, early: { name: SWIFT }, probeHere: () => null })).toBe(SWIFT);
    expect(readCachedRendererName(s, UA)).toBe(SWIFT);
  });

  it('probes on the main thread when there is neither, ignoring a malformed early answer', () => {
    for (const early of [undefined, { name: 42 }, { name: '' }]) {
      const s = memoryStorage();
      expect(resolveRendererName({ storage: s, userAgent: UA, early, probeHere: () => 'NVIDIA' })).toBe('NVIDIA');
      expect(readCachedRendererName(s, UA)).toBe('NVIDIA');
    }
  });

  it('caches nothing when there is no WebGL2 at all', () => {
    const s = memoryStorage();
    expect(resolveRendererName({ storage: s, userAgent: UA, early: undefined, probeHere: () => null })).toBeNull();
    expect(s.map.size).toBe(0);
  });
});
