import { describe, expect, it } from 'vitest';
import { createTestHook } from '../../../src/app/testHook';
import { markViewMounted } from '../../../src/app/viewMount';
import { registerDiagnostics } from '../../../src/state/diagnostics';
import { createAppStore } from '../../../src/state/store';
import { EMPTY_TILESET_STATUS } from '../../../src/state/tilesSlice';
import { makeScene } from '../../component/fixtures';

describe('test hook', () => {
  it('reflects the live store through read-only getters', () => {
    const store = createAppStore();
    const hook = createTestHook(store) as Record<string, unknown>;
    expect(hook.ready).toBe(false);
    store.getState().setZones([{ id: 'westbund', file: 'scenes/westbund.json', scene: makeScene(), issues: [] }]);
    expect(hook.ready).toBe(true);
    expect(hook.zones).toEqual([{ id: 'westbund', file: 'scenes/westbund.json', ok: true, issues: [] }]);

    store.getState().selectZone('westbund');
    expect(hook.zoneId).toBe('westbund');
    expect(hook.ready).toBe(false);
    markViewMounted('westbund:three');
    expect(hook.ready).toBe(true);
    markViewMounted(null);

    store.getState().reportError('url', 'cam', 'bad');
    expect(hook.lastError).toMatchObject({ category: 'url', source: 'cam' });
    expect((hook.errorCounts as Record<string, number>).url).toBe(1);
    expect(() => {
      (hook as { zoneId: unknown }).zoneId = 'x';
    }).toThrow();
  });

  it('aggregates tiles over the current zone and settles only when every tileset has', () => {
    const store = createAppStore();
    const hook = createTestHook(store) as Record<string, unknown>;
    store.getState().setZones([{ id: 'westbund', file: 'f', scene: makeScene(), issues: [] }]);
    store.getState().selectZone('westbund');
    store.getState().setTilesetStatus('buildings', { ...EMPTY_TILESET_STATUS, root: 'ready', loaded: 5, failed: 1, settled: true });
    expect(hook.tiles).toEqual({ loaded: 5, failed: 1, inFlight: 0, settled: false, tilesets: 2 });
    store.getState().setTilesetStatus('ground', { ...EMPTY_TILESET_STATUS, root: 'ready', loaded: 2, inFlight: 0, settled: true });
    expect(hook.tiles).toMatchObject({ loaded: 7, settled: true });
  });

  it('delegates render, globe and projectEnu to the view diagnostics', () => {
    const hook = createTestHook(createAppStore()) as Record<string, unknown> & {
      projectEnu(e: number, n: number, u: number): unknown;
    };
    expect(hook.projectEnu(0, 0, 0)).toBeNull();
    const off = registerDiagnostics('three', () => ({ drawCalls: 3, projectEnu: (e: number) => ({ x: e, y: 0, visible: true }) }));
    expect((hook.render as { drawCalls: number }).drawCalls).toBe(3);
    expect(hook.projectEnu(7, 0, 0)).toEqual({ x: 7, y: 0, visible: true });
    expect(hook.globe).toBeNull();
    off();
  });
});
