import { describe, expect, it } from 'vitest';
import { parseStoryParams, storyUrlParams } from '../../../../src/modes/stories/storyModel';
import { scene } from './storyFixtures';

describe('story= and step= from the URL', () => {
  it('no story asked for is not an error', () => {
    expect(parseStoryParams(undefined, undefined, scene)).toEqual({ ok: true, value: null });
    expect(parseStoryParams(null, null, scene)).toEqual({ ok: true, value: null });
    expect(parseStoryParams('', ' ', scene)).toEqual({ ok: true, value: null });
  });

  it('a story alone starts at its first step; step= counts from 1', () => {
    expect(parseStoryParams('demo', undefined, scene)).toEqual({ ok: true, value: { storyId: 'demo', step: 0 } });
    expect(parseStoryParams('demo', '1', scene)).toEqual({ ok: true, value: { storyId: 'demo', step: 0 } });
    expect(parseStoryParams(' demo ', ' 3 ', scene)).toEqual({ ok: true, value: { storyId: 'demo', step: 2 } });
  });

  it('round-trips through storyUrlParams', () => {
    const p = storyUrlParams({ storyId: 'demo', step: 2 });
    expect(p).toEqual({ story: 'demo', step: '3' });
    expect(parseStoryParams(p.story, p.step, scene)).toEqual({ ok: true, value: { storyId: 'demo', step: 2 } });
  });

  it('an unknown story names the stories the zone has', () => {
    expect(parseStoryParams('nope', '1', scene)).toEqual({ ok: false, error: 'story=: unknown story "nope" (this zone has: demo, other)' });
    expect(parseStoryParams('demo', undefined, { stories: [] })).toEqual({ ok: false, error: 'story=: unknown story "demo" (this zone has no stories)' });
    expect(parseStoryParams('demo', undefined, {})).toEqual({ ok: false, error: 'story=: unknown story "demo" (this zone has no stories)' });
  });

  it('a step out of range says the range', () => {
    expect(parseStoryParams('demo', '4', scene)).toEqual({ ok: false, error: 'step=: 4 is out of range, story "demo" has steps 1 to 3' });
    expect(parseStoryParams('other', '0', scene)).toEqual({ ok: false, error: 'step=: 0 is out of range, story "other" has steps 1 to 2' });
    expect(parseStoryParams('demo', '-1', scene)).toEqual({ ok: false, error: 'step=: -1 is out of range, story "demo" has steps 1 to 3' });
  });

  it.each(['2.5', 'abc', '1e1', '0x2', 'Infinity', '2 3'])('a step that is not a whole number: %j', (step) => {
    expect(parseStoryParams('demo', step, scene)).toEqual({ ok: false, error: `step=: must be a whole number from 1 to 3, not ${JSON.stringify(step)}` });
  });

  it('a step without a story, and absurd input kept short in the message', () => {
    expect(parseStoryParams(undefined, '2', scene)).toEqual({ ok: false, error: 'step=: given without story=' });
    const r = parseStoryParams('x'.repeat(5000), undefined, scene);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeLessThan(120);
  });
});
