import { describe, expect, it } from 'vitest';
import {
  findStory, gotoStep, nextStep, prevStep, resolveStep, startStory, stepSecondsLeft, tapStep, tickStory,
  type StoryPlayerConfig, type StoryPlayerState,
} from '../../../../src/modes/stories/storyModel';
import { readZoneScene } from '../../../../src/tiler/zones/readSources';
import { scene, story } from './storyFixtures';

const loop: StoryPlayerConfig = { atEnd: 'loop' };
const stop: StoryPlayerConfig = { atEnd: 'stop' };
const at = (step: number, extra: Partial<StoryPlayerState> = {}): StoryPlayerState => ({ storyId: 'demo', step, stepSinceMs: null, ended: false, ...extra });

describe('story player: next, prev, goto', () => {
  it('starts on the first step, or on a step clamped into the story', () => {
    expect(startStory(story)).toEqual(at(0));
    expect(startStory(story, 2)).toEqual(at(2));
    expect(startStory(story, 9)).toEqual(at(2));
    expect(startStory(story, Number.NaN)).toEqual(at(0));
  });

  it('walks forward and back; back at the first step changes nothing', () => {
    const s0 = startStory(story);
    const s1 = nextStep(s0, story, loop);
    expect(s1).toEqual(at(1));
    expect(prevStep(s1, story)).toEqual(at(0));
    expect(prevStep(s0, story)).toBe(s0);
  });

  it('after the last step loops to the first, or stops and stays on the last', () => {
    expect(nextStep(at(2), story, loop)).toEqual(at(0));
    const ended = nextStep(at(2), story, stop);
    expect(ended).toEqual(at(2, { ended: true }));
    expect(nextStep(ended, story, stop)).toBe(ended);
    // Back from the end shows the step before the last one, as if the visitor stepped back.
    expect(prevStep(ended, story)).toEqual(at(1));
  });

  it('goto jumps, clamps, restarts the timer and ignores NaN', () => {
    const timed = at(0, { stepSinceMs: 1000 });
    expect(gotoStep(timed, story, 2)).toEqual(at(2));
    expect(gotoStep(timed, story, -3)).toEqual(at(0));
    expect(gotoStep(timed, story, 1.7)).toEqual(at(1));
    expect(gotoStep(timed, story, Number.NaN)).toBe(timed);
    const fresh = at(1);
    expect(gotoStep(fresh, story, 1)).toBe(fresh);
    expect(gotoStep(at(2, { ended: true }), story, 2)).toEqual(at(2));
  });

  it('a tap advances any step, timed or not, and restarts an ended story', () => {
    expect(tapStep(at(0, { stepSinceMs: 5 }), story, stop)).toEqual(at(1));
    expect(tapStep(at(1), story, stop)).toEqual(at(2));
    expect(tapStep(at(2), story, stop)).toEqual(at(2, { ended: true }));
    expect(tapStep(at(2, { ended: true }), story, stop)).toEqual(at(0));
  });
});

describe('story player: timer advance with an injected clock', () => {
  it('stamps the step on the first tick and moves on once afterS has passed', () => {
    const s0 = startStory(story);
    const t0 = tickStory(s0, story, 1000, loop);
    expect(t0).toEqual(at(0, { stepSinceMs: 1000 }));
    expect(tickStory(t0, story, 10_999, loop)).toBe(t0);
    expect(stepSecondsLeft(t0, story, 6000)).toBeCloseTo(5);
    const t1 = tickStory(t0, story, 11_000, loop);
    // Step 2 has no timer: it waits for a tap, however long the clock runs.
    expect(t1).toEqual(at(1));
    expect(tickStory(t1, story, 1e9, loop)).toBe(t1);
    expect(stepSecondsLeft(t1, story, 1e9)).toBeNull();
  });

  it('times a timed step that follows a timed step from the moment it began', () => {
    const last = tickStory(at(2), story, 0, loop);
    const looped = tickStory(last, story, 5000, loop);
    expect(looped).toEqual(at(0, { stepSinceMs: 5000 }));
    // One step per tick, even after a long stall: the story does not race through its steps.
    expect(tickStory(looped, story, 5000 + 60_000, loop)).toEqual(at(1));
  });

  it('stops at the end with atEnd stop, and then no timer runs', () => {
    const last = tickStory(at(2), story, 0, stop);
    const ended = tickStory(last, story, 5000, stop);
    expect(ended).toEqual(at(2, { ended: true }));
    expect(tickStory(ended, story, 1e9, stop)).toBe(ended);
    expect(stepSecondsLeft(ended, story, 1e9)).toBeNull();
  });

  it('survives a clock that jumps back or is not a number', () => {
    const t0 = tickStory(startStory(story), story, 50_000, loop);
    expect(tickStory(t0, story, Number.NaN, loop)).toBe(t0);
    expect(tickStory(t0, story, 10_000, loop)).toEqual(at(0, { stepSinceMs: 10_000 }));
    expect(stepSecondsLeft(startStory(story), story, 0)).toBe(10);
  });
});

describe('resolving a step', () => {
  it('gives the viewpoint pose, this step’s highlight and caption, and the layer switches so far', () => {
    expect(resolveStep(scene, story, 0)).toEqual({
      pose: { position: [0, -3000, 3000], target: [0, 0, 0] }, viewpointId: 'overview',
      layersOn: ['live.traffic', 'live.rsu'], layersOff: [], highlight: null, caption: { zh: '第1步', en: 'Step 1' }, advanceAfterS: 10,
    });
    expect(resolveStep(scene, story, 1)).toMatchObject({
      pose: { position: [10, 20, 300], target: [30, 40, 0] }, viewpointId: null,
      layersOn: ['live.traffic', 'live.sensors'], layersOff: ['live.rsu'], highlight: { asset: { kind: 'sensor', id: 'parking-04' } }, advanceAfterS: null,
    });
    // A deep link to the last step gets the same layers as playing through to it.
    expect(resolveStep(scene, story, 2)).toMatchObject({ viewpointId: 'museum', layersOn: ['live.sensors'], layersOff: ['live.rsu', 'live.traffic'], highlight: { building: 'osm:way/1' } });
  });

  it('hands out copies: moving the camera along a resolved pose never edits the scene', () => {
    const r = resolveStep(scene, story, 0)!;
    r.pose.position[0] = 999;
    expect(scene.viewpoints[0]!.position[0]).toBe(0);
  });

  it('is null for a step outside the story or a viewpoint the scene lacks', () => {
    expect(resolveStep(scene, story, 3)).toBeNull();
    expect(resolveStep(scene, story, -1)).toBeNull();
    expect(resolveStep(scene, story, 0.5)).toBeNull();
    expect(resolveStep({ viewpoints: [] }, story, 0)).toBeNull();
  });

  it('finds stories by id', () => {
    expect(findStory(scene, 'demo')).toBe(story);
    expect(findStory(scene, 'nope')).toBeUndefined();
    expect(findStory({}, 'demo')).toBeUndefined();
  });

  it.each(['jiading', 'westbund', 'yangpu'])('resolves every step of every story shipped for %s', async (zone) => {
    const s = await readZoneScene(`${__dirname}/../../../..`, zone);
    for (const st of s.stories ?? []) {
      st.steps.forEach((_, i) => {
        const r = resolveStep(s, st, i);
        expect(r, `${st.id} step ${i}`).not.toBeNull();
        expect([...r!.pose.position, ...r!.pose.target].every(Number.isFinite)).toBe(true);
      });
    }
  });
});
