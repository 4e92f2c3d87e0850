import { describe, expect, it } from 'vitest';
import {
  CAM_HORIZONTAL_LIMIT_M,
  matchViewpoint,
  parseUrlState,
  serializeUrlState,
  type UrlState,
} from '../../../src/app/urlState';

describe('parseUrlState', () => {
  it('reads every parameter', () => {
    const { state, issues } = parseUrlState(
      '?zone=westbund&vp=river-walk&lang=en&engine=globe&sel=osm:way/123&cam=100.5,-20,300,0,0,10&test=1&tileBudgetMB=64',
    );
    expect(issues).toEqual([]);
    expect(state).toEqual({
      zone: 'westbund',
      vp: 'river-walk',
      lang: 'en',
      engine: 'globe',
      sel: 'osm:way/123',
      cam: { position: [100.5, -20, 300], target: [0, 0, 10] },
      test: true,
      tileBudgetMB: 64,
    });
  });

  it('accepts an empty query and ignores unknown parameters', () => {
    expect(parseUrlState('')).toEqual({ state: {}, issues: [] });
    expect(parseUrlState('?utm_source=wechat')).toEqual({ state: {}, issues: [] });
  });

  it.each([
    ['zone', 'zone=West Bund'],
    ['zone', 'zone=' + 'a'.repeat(65)],
    ['vp', 'vp=<script>'],
    ['engine', 'engine=webgpu'],
    ['sel', 'sel=osm:way/1 OR 1=1'],
    ['test', 'test=yes'],
    ['tileBudgetMB', 'tileBudgetMB=lots'],
    ['tileBudgetMB', 'tileBudgetMB=1'],
    ['tileBudgetMB', 'tileBudgetMB=1e9'],
    ['tileBudgetMB', 'tileBudgetMB=Infinity'],
    ['cam', 'cam=1,2,3'],
    ['cam', 'cam=1,2,3,4,5,NaN'],
    ['cam', 'cam=1,2,3,4,5,Infinity'],
    ['cam', 'cam=1,2,3,4,5,0x10'],
    ['cam', 'cam=1,2,3,4,5,'],
    ['cam', 'cam=1e308,2,3,4,5,6'],
    ['cam', `cam=${CAM_HORIZONTAL_LIMIT_M + 1},0,100,0,0,0`],
    ['cam', 'cam=0,0,-99999,0,0,0'],
    ['cam', 'cam=5,5,5,5,5,5'],
    ['sun', 'sun=noon'],
    ['sun', 'sun=2025-02-30T12:00'],
    ['sun', 'sun=2025-06-21T24:00'],
    ['sun', 'sun=2025-06-21T12:60'],
    ['sun', 'sun=2025-06-21 12:00:00Z'],
  ])('reports a bad %s (%s) and drops it', (param, query) => {
    // A valid parameter beside the bad one must survive.
    const { state, issues } = parseUrlState(`?${query}&lang=zh`);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.param).toBe(param);
    expect(issues[0]?.reason.length).toBeGreaterThan(5);
    expect(state).toEqual({ lang: 'zh' });
  });

  it('an unsupported lang falls back to the browser\'s first supported language, else English, and says so', () => {
    const fr = parseUrlState('?lang=fr&engine=three', ['fr-FR', 'fr']);
    expect(fr.state).toEqual({ lang: 'en', engine: 'three' });
    expect(fr.issues).toEqual([{ param: 'lang', reason: expect.stringContaining('using "en"') }]);
    expect(parseUrlState('?lang=fr', ['fr-CA', 'zh-TW', 'en']).state.lang).toBe('zh');
    expect(parseUrlState('?lang=de', ['de', 'en-GB', 'zh-CN']).state.lang).toBe('en');
    expect(parseUrlState('?lang=ja').state.lang).toBe('en');
  });

  it('round-trips the sun date and time (Shanghai local, to the minute)', () => {
    const ms = Date.UTC(2025, 5, 21, 6, 30); // 14:30 in Shanghai
    expect(serializeUrlState({ zone: 'westbund', sun: ms })).toBe('?zone=westbund&sun=2025-06-21T14:30');
    expect(parseUrlState('?sun=2025-06-21T14:30')).toEqual({ state: { sun: ms }, issues: [] });
    // Midnight and the last minute of the year stay on their own day.
    for (const q of ['2025-12-31T23:59', '2026-01-01T00:00']) expect(serializeUrlState({ sun: parseUrlState(`?sun=${q}`).state.sun! })).toBe(`?sun=${q}`);
  });

  it('never throws on garbage', () => {
    for (const q of ['?%', '?=&=&', '?cam=%E0%A4%A', '?zone=%00', '?cam=,,,,,', '&&&']) {
      expect(() => parseUrlState(q)).not.toThrow();
    }
  });

  it('treats test=0 as off without complaint', () => {
    expect(parseUrlState('?test=0')).toEqual({ state: {}, issues: [] });
  });
});

describe('serializeUrlState', () => {
  it('round-trips', () => {
    const s: UrlState = {
      zone: 'yangpu',
      vp: 'water-works',
      cam: { position: [1234.5, -987.6, 450], target: [10, 20, 0] },
      sel: 'gen:yangpu:42',
      engine: 'three',
      lang: 'zh',
      test: true,
      tileBudgetMB: 128,
    };
    const q = serializeUrlState(s);
    expect(parseUrlState(q)).toEqual({ state: s, issues: [] });
  });

  it('writes a stable, readable order and keeps commas, colons and slashes', () => {
    const q = serializeUrlState({
      lang: 'en',
      zone: 'jiading',
      sel: 'osm:way/5',
      cam: { position: [1, 2, 3], target: [0, 0, 0] },
    });
    expect(q).toBe('?zone=jiading&cam=1,2,3,0,0,0&sel=osm:way/5&lang=en');
  });

  it('rounds camera coordinates to 0.1 m and never writes -0', () => {
    const q = serializeUrlState({ cam: { position: [1.2345, -0.01, 300.06], target: [0, 0, 0] } });
    expect(q).toBe('?cam=1.2,0,300.1,0,0,0');
  });

  it('leaves out values that would not parse back', () => {
    expect(
      serializeUrlState({ zone: 'Bad Zone', cam: { position: [NaN, 0, 0], target: [0, 0, 0] }, test: false }),
    ).toBe('');
  });
});

describe('matchViewpoint', () => {
  const vps = [
    { id: 'a', position: [0, 0, 100], target: [0, 10, 0] },
    { id: 'b', position: [500, 0, 100], target: [500, 10, 0] },
  ];
  it('finds the viewpoint the camera rests at, within tolerance', () => {
    expect(matchViewpoint({ position: [500.3, 0, 100], target: [500, 10.2, 0] }, vps)).toBe('b');
  });
  it('returns nothing once the camera has moved away', () => {
    expect(matchViewpoint({ position: [510, 0, 100], target: [500, 10, 0] }, vps)).toBeUndefined();
    expect(matchViewpoint(null, vps)).toBeUndefined();
  });
});
