import { describe, expect, it, vi } from 'vitest';
import { loadZonePlan } from '../../../src/app/loadZonePlan';
import { createAppStore } from '../../../src/state/store';
import { makeScene } from '../../component/fixtures';

describe('loadZonePlan', () => {
  it('fetches nothing and reports nothing for a zone without planning layers (planLayers: false)', async () => {
    const store = createAppStore();
    const scene = { ...makeScene('westbund'), id: 'synthetic-city', planLayers: false };
    store.getState().selectZone(scene.id);
    const fetchFn = vi.fn();
    await loadZonePlan(store, scene, fetchFn as unknown as typeof fetch);
    expect(fetchFn).not.toHaveBeenCalled();
    expect(store.getState().planStatus).toBe('idle');
    expect(store.getState().errors).toEqual([]);
  });

  it('reports a plan the zone should have but the server does not serve', async () => {
    const store = createAppStore();
    const scene = makeScene('westbund');
    store.getState().selectZone(scene.id);
    await loadZonePlan(store, scene, (async () => new Response('nope', { status: 404 })) as typeof fetch);
    expect(store.getState().planStatus).toBe('failed');
    expect(store.getState().errors.map((e) => e.message)).toEqual([expect.stringMatching(/plan data: HTTP 404/)]);
  });
});
