import { describe, expect, it } from 'vitest';
import { highlightTarget, sameHighlight, stillSelected } from '../../../src/ui/stories/storyHighlight';

describe('story highlight', () => {
  it('maps a building to the building selection and assets to the live selection (RSUs are sensors)', () => {
    expect(highlightTarget({ building: 'osm:way/1' })).toEqual({ kind: 'building', id: 'osm:way/1' });
    expect(highlightTarget({ asset: { kind: 'signal', id: 'sig-2' } })).toEqual({ kind: 'live', selection: { kind: 'signal', id: 'sig-2' } });
    expect(highlightTarget({ asset: { kind: 'rsu', id: 'rsu-12' } })).toEqual({ kind: 'live', selection: { kind: 'sensor', id: 'rsu-12' } });
    expect(highlightTarget(null)).toBeNull();
  });

  it('compares highlights and checks whether the store still shows one', () => {
    const b = highlightTarget({ building: 'osm:way/1' });
    const l = highlightTarget({ asset: { kind: 'sensor', id: 'p-1' } });
    expect(sameHighlight(b, highlightTarget({ building: 'osm:way/1' }))).toBe(true);
    expect(sameHighlight(b, l)).toBe(false);
    expect(sameHighlight(null, null)).toBe(true);
    expect(stillSelected(l!, { selected: null, liveSelected: { kind: 'sensor', id: 'p-1' } })).toBe(true);
    expect(stillSelected(l!, { selected: null, liveSelected: { kind: 'vehicle', id: 'v' } })).toBe(false);
    expect(stillSelected(b!, { selected: { id: 'osm:way/1' }, liveSelected: null })).toBe(true);
  });
});
