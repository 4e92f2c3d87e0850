import { describe, expect, it } from 'vitest';
import { leaderTourView, programKey, screenProgram, toMachineTour } from '../../../../src/modes/screen/screenTour';
import { TourMachine } from '../../../../src/modes/tour/tourMachine';
import type { Tour, TourCarousel } from '../../../../src/modes/tour/tourTypes';
import { shippedScene } from './sceneFixture';

const zones = ['jiading', 'westbund', 'yangpu'].map((id) => ({ id, scene: shippedScene(id) }));

describe('the big screen tour program from scene files', () => {
  it('converts seconds, viewpoints and captions into the machine tour, with stable stop ids', () => {
    const scene = zones[0]!.scene;
    const tour = toMachineTour('jiading', scene.tours![0]!);
    expect(tour).toMatchObject({ id: 'ops-tour', zone: 'jiading', loop: true });
    expect(tour.stops[0]).toEqual({ id: '1', flightMs: 3000, dwellMs: 25_000, caption: scene.tours![0]!.stops[0]!.caption, viewpointId: 'overview' });
    expect(tour.stops.map((s) => s.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    const withPose = toMachineTour('z', { id: 't', name: { zh: 'a', en: 'a' }, loop: false, stops: [
      { pose: { position: [1, 2, 3], target: [4, 5, 6] }, flightS: 1.5, dwellS: 2, caption: { zh: 'x', en: 'x' } },
      { viewpoint: 'v', flightS: 0, dwellS: 1, caption: { zh: 'y', en: 'y' } },
    ] });
    expect(withPose.stops[0]).toEqual({ id: '1', flightMs: 1500, dwellMs: 2000, caption: { zh: 'x', en: 'x' }, pose: { position: [1, 2, 3], target: [4, 5, 6] } });
    expect(withPose.loop).toBe(false);
  });

  it("plays the current zone's first tour, or the one named; every shipped tour is playable", () => {
    for (const z of zones) {
      const r = screenProgram({ zones, currentZone: z.id, tourId: null, carousel: [] });
      expect(r.problems).toEqual([]);
      expect((r.program as Tour).zone).toBe(z.id);
      expect(() => new TourMachine(r.program!)).not.toThrow();
    }
    const named = screenProgram({ zones, currentZone: 'yangpu', tourId: 'ops-tour', carousel: [] });
    expect((named.program as Tour).id).toBe('ops-tour');
  });

  it('falls back to the first tour for an unknown tour id, and says so', () => {
    const r = screenProgram({ zones, currentZone: 'jiading', tourId: 'nope', carousel: [] });
    expect((r.program as Tour).id).toBe('ops-tour');
    expect(r.problems).toEqual([{ category: 'url', source: 'tour', message: 'zone "jiading" has no tour "nope"; playing "ops-tour"' }]);
  });

  it('carousels the listed zones in order, looping, and leaves out unknown zones with a reason', () => {
    const r = screenProgram({ zones, currentZone: 'jiading', tourId: null, carousel: ['yangpu', 'atlantis', 'westbund'] });
    const c = r.program as TourCarousel;
    expect(c.tours.map((t) => t.zone)).toEqual(['yangpu', 'westbund']);
    // Every zone calls its tour "ops-tour": within a carousel the ids are zone-qualified.
    expect(c.tours.map((t) => t.id)).toEqual(['yangpu:ops-tour', 'westbund:ops-tour']);
    expect(c.loop).toBe(true);
    expect(r.problems.map((p) => p.source)).toEqual(['carousel']);
    // The machine walks the zones one after another.
    const m = new TourMachine(c);
    expect(m.start(0)).toMatchObject({ kind: 'fly', zone: 'yangpu', step: 0 });
    const yangpuStops = c.tours[0]!.stops.length;
    for (let i = 1; i < yangpuStops; i++) m.next(i);
    expect(m.next(99)).toMatchObject({ kind: 'fly', zone: 'westbund', step: 0 });
  });

  it('has no program for a zone without tours', () => {
    const bare = { ...zones[0]!.scene, tours: undefined };
    const r = screenProgram({ zones: [{ id: 'jiading', scene: bare }], currentZone: 'jiading', tourId: null, carousel: [] });
    expect(r.program).toBeNull();
    expect(r.problems[0]).toMatchObject({ category: 'scene', source: 'scenes/jiading.json' });
  });

  it('keys the program by zone only without a carousel, so a carousel switching zones keeps its machine', () => {
    expect(programKey({ currentZone: 'a', tourId: null, carousel: [] })).not.toBe(programKey({ currentZone: 'b', tourId: null, carousel: [] }));
    expect(programKey({ currentZone: 'a', tourId: null, carousel: ['a', 'b'] })).toBe(programKey({ currentZone: 'b', tourId: null, carousel: ['a', 'b'] }));
  });

  it("shows a wall follower its leader's stop from its own scene, by the tour's id or its carousel id", () => {
    const scene = zones[0]!.scene;
    const v = leaderTourView({ id: 'ops-tour', step: 3, state: 'interrupted' }, scene)!;
    expect(v.snapshot).toMatchObject({ id: 'ops-tour', step: 3, state: 'interrupted', zone: 'jiading' });
    expect(v.stops).toBe(6);
    expect(v.caption).toEqual(scene.tours![0]!.stops[3]!.caption);
    expect(leaderTourView({ id: 'jiading:ops-tour', step: 0, state: 'playing' }, scene)!.caption).toEqual(scene.tours![0]!.stops[0]!.caption);
    // Another zone's tour (the leader is switching zones): the position without a caption.
    expect(leaderTourView({ id: 'yangpu:ops-tour', step: 9, state: 'playing' }, scene)).toMatchObject({ stops: 0, caption: null });
    expect(leaderTourView(null, scene)).toBeNull();
  });
});
