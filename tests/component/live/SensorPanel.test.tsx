import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { SensorPanel } from '../../../src/ui/live/SensorPanel';
import { makeScene } from '../fixtures';
import { renderUi } from '../render';
import { ingestWith, sensorInfo, T0 } from '../../unit/analysis/liveFixtures';
import { charts } from './uplotMock';

vi.mock('uplot', () => import('./uplotMock'));

const thresholds = { warn: 10, alarm: 25, direction: 'above' };

function storeWith(value: number | null) {
  const ing = ingestWith({
    catalogue: { sensors: [sensorInfo('underpass-01', 'water_level', 0, 0, { thresholds, name: { zh: '塔城路下立交积水监测', en: 'Tacheng Rd underpass' } })] },
    sensors: value === null ? [] : [{ id: 'underpass-01', type: 'water_level', value, unit: 'cm', ts: T0, quality: 'good' }],
  });
  const store = createAppStore();
  store.getState().setFeedBuffers(ing);
  return { store, ing };
}

describe('SensorPanel', () => {
  it('shows the live value, its threshold state and the thresholds', () => {
    const { store } = storeWith(27.5);
    renderUi(<SensorPanel id="underpass-01" scene={makeScene()} />, { store });
    expect(screen.getByRole('heading', { name: '塔城路下立交积水监测' })).toBeTruthy();
    expect((screen.getByTestId('sensor-value')).textContent).toContain('27.5 cm');
    expect((screen.getByTestId('sensor-level')).textContent).toContain('报警');
    expect((screen.getByTestId('sensor-thresholds')).textContent).toContain('预警 ≥ 10 · 报警 ≥ 25');
    expect(screen.queryByTestId('sensor-last-seen')).toBeNull();
  });

  it('a silent sensor says when it was last seen, and its old value is not passed off as current or as 0', () => {
    const { store, ing } = storeWith(12);
    ing.flush(T0 + 10 * 60_000);
    renderUi(<SensorPanel id="underpass-01" scene={makeScene()} />, { store });
    expect((screen.getByTestId('sensor-level')).textContent).toContain('离线');
    // T0 is 2025-11-20T00:53:20Z = 08:53:20 in Shanghai.
    expect((screen.getByTestId('sensor-last-seen')).textContent).toContain('最后上报 08:53:20');
    expect((screen.getByTestId('sensor-value')).textContent).toContain('12');
    expect(screen.getByTestId('sensor-value').className).toContain('st-sensor-value--old');
  });

  it('a sensor that never reported shows no value at all: awaiting its first report, then offline once overdue', () => {
    const { store, ing } = storeWith(null);
    const { unmount } = renderUi(<SensorPanel id="underpass-01" scene={makeScene()} />, { store });
    expect((screen.getByTestId('sensor-value')).textContent).toContain('等待首次上报');
    expect(screen.getByTestId('sensor-level').textContent).toContain('等待首报');
    expect(screen.getByTestId('sensor-value').textContent).not.toMatch(/\d/);
    unmount();
    // Declared every 60 s: overdue after 60 s plus 10 s slack.
    ing.flush(T0 + 71_000);
    renderUi(<SensorPanel id="underpass-01" scene={makeScene()} />, { store });
    expect((screen.getByTestId('sensor-value')).textContent).toContain('尚未上报');
    expect(screen.getByTestId('sensor-level').textContent).toContain('离线');
  });

  it('draws the recent history as a sparkline with gaps where the sensor was silent', async () => {
    charts.length = 0;
    const { store } = storeWith(20);
    store.getState().selectLive({ kind: 'sensor', id: 'underpass-01' });
    store.getState().setLiveSensorHistory({ id: 'underpass-01', t: [1, 2, 3, 4], v: [5, 9, null, 20] });
    renderUi(<SensorPanel id="underpass-01" scene={makeScene()} />, { store });
    await vi.waitFor(() => expect(charts).toHaveLength(1));
    expect(charts[0]!.data[0]).toEqual([[1, 2, 3, 4], [5, 9, null, 20]]);
    expect(screen.getByRole('img', { name: '近 10 分钟读数' })).toBeTruthy();
  });

  it('says the sensor is gone when the feed no longer has it', () => {
    renderUi(<SensorPanel id="nope" scene={makeScene()} />, { store: createAppStore() });
    expect(screen.getByText('该对象已不在实时数据中')).toBeTruthy();
  });
});
