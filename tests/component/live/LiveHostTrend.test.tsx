import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { ALERT_EVERY_MS, LiveHost, VITALS_EVERY_MS } from '../../../src/ui/live/LiveHost';
import { makeScene } from '../fixtures';
import { renderUi } from '../render';
import { ingestWith, sensorInfo, T0 } from '../../unit/analysis/liveFixtures';

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('fetch', () => Promise.resolve(new Response('not found', { status: 404 })));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('LiveHost trend lines', () => {
  it('hands the charts the same trend arrays until a new sample is taken (no redraw in between)', () => {
    const ing = ingestWith({
      catalogue: { sensors: [sensorInfo('aqi-01', 'aqi', 0, 0)] },
      sensors: [{ id: 'aqi-01', type: 'aqi', value: 42, unit: 'AQI', ts: T0, quality: 'good' }],
    });
    const store = createAppStore();
    store.getState().setFeedBuffers(ing);
    let t = T0;
    const trends: unknown[] = [];
    const lengths: number[] = [];
    store.subscribe((s, prev) => {
      if (s.vitals !== prev.vitals && s.vitalsTrend) {
        trends.push(s.vitalsTrend);
        lengths.push(s.vitalsTrend.t.length);
      }
    });
    // The scene's default trend sampling: every 2 s, so every other vitals tick takes a sample.
    const scene = makeScene();
    renderUi(<LiveHost scene={scene} now={() => t} />, { store });
    for (let i = 0; i < 12; i++) {
      t += ALERT_EVERY_MS;
      act(() => {
        vi.advanceTimersByTime(ALERT_EVERY_MS);
      });
    }
    // 6 s of ticks: vitals about once per VITALS_EVERY_MS, a trend sample every 2 s.
    expect(trends.length).toBeGreaterThanOrEqual((6 * 1000) / VITALS_EVERY_MS - 1);
    for (let i = 1; i < trends.length; i++) {
      if (lengths[i] === lengths[i - 1]) expect(trends[i], `tick ${i}: no new sample, same arrays`).toBe(trends[i - 1]);
      else expect(trends[i]).not.toBe(trends[i - 1]);
    }
    expect(new Set(lengths).size).toBeGreaterThan(1);
    expect(new Set(trends).size).toBeLessThan(trends.length);
  });
});
