import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { computeVitals, TREND_KPIS, type VitalsInput } from '../../../src/analysis/live/vitals';
import { createAppStore } from '../../../src/state/store';
import { VitalsPanel } from '../../../src/ui/live/VitalsPanel';
import { renderUi } from '../render';
import { charts } from './uplotMock';

vi.mock('uplot', () => import('./uplotMock'));

const input: VitalsInput = {
  atMs: 1_800_000_000_000,
  segments: [{ lengthM: 1000, speedKmh: 40, freeKmh: 60 }, { lengthM: 1000, speedKmh: 20, freeKmh: 50 }],
  vehiclesByClass: { robotaxi: 150, special: 100, bus: 200, car: 1000, truck: 100 },
  vehiclesAutonomous: 250,
  signalsTotal: 53, signalsOnline: 50,
  sensors: [
    { type: 'aqi', value: 41, stale: false, level: 'normal' }, { type: 'aqi', value: 45, stale: false, level: 'normal' },
    { type: 'noise', value: 62, stale: false, level: 'normal' },
    { type: 'parking', value: 90, stale: false, level: 'alarm', capacity: 100 },
    { type: 'rsu', value: 99, stale: false, level: 'normal' }, { type: 'rsu', value: 0, stale: false, level: 'alarm' },
  ],
  alerts: [{ severity: 'critical', status: 'new' }, { severity: 'minor', status: 'acknowledged' }],
};

const text = (kpi: string) => screen.getByTestId(`kpi-${kpi}`).textContent ?? '';

describe('VitalsPanel', () => {
  it('waits for live data instead of showing made-up numbers', () => {
    renderUi(<VitalsPanel />);
    expect(screen.getByText('等待实时数据…')).toBeTruthy();
    expect(screen.queryByTestId('kpi-avgSpeedKmh')).toBeNull();
  });

  it('shows every KPI computed from the state, with its raw value for checking', () => {
    const store = createAppStore();
    const v = computeVitals(input);
    store.getState().setVitals(v, { t: [1, 2, 3], values: TREND_KPIS.map((k) => [null, v[k], v[k]]) });
    renderUi(<VitalsPanel />, { store });
    expect(text('avgSpeedKmh')).toContain('30');
    expect(text('avgSpeedKmh')).toContain('km/h');
    expect(Number(screen.getByTestId('kpi-congestionIndex').dataset.value)).toBeCloseTo(v.congestionIndex!, 12);
    expect(text('congestionIndex')).toContain(v.congestionIndex!.toFixed(2));
    expect(text('vehiclesOnline')).toContain('1,550');
    expect((screen.getByTestId('kpi-class-bus')).textContent).toContain('公交 200');
    expect(text('autonomousShare')).toContain('16%');
    expect(text('signalHealth')).toContain('94%');
    expect(text('signalHealth')).toContain('50 / 53');
    expect(text('rsuHealth')).toContain('50%');
    expect(text('aqi')).toContain('43');
    expect(text('aqi')).toContain('最高 45');
    expect(text('noiseDb')).toContain('62');
    expect(text('parkingAvailability')).toContain('10%');
    expect(text('parkingAvailability')).toContain('空余 10 / 100 个');
    expect((screen.getByTestId('kpi-alerts-critical')).textContent).toContain('紧急 1');
    expect(screen.getByTestId('kpi-alertsOpenTotal').dataset.tone).toBe('bad');
    expect(screen.getByTestId('kpi-rsuHealth').dataset.tone).toBe('bad');
  });

  it('says when the feed is interrupted, so last known values are not taken for live ones', () => {
    const store = createAppStore();
    store.getState().setVitals(computeVitals(input), { t: [], values: TREND_KPIS.map(() => []) });
    store.getState().setFeedSummary({ ...store.getState().feed, status: 'reconnecting', everConnected: true, lastMessageAtMs: 1 });
    renderUi(<VitalsPanel />, { store });
    expect(screen.getByTestId('vitals-stale').textContent).toContain('实时数据中断');
    act(() => store.getState().setFeedSummary({ ...store.getState().feed, status: 'connected' }));
    expect(screen.queryByTestId('vitals-stale')).toBeNull();
  });

  it('says no data ever arrived, rather than "last known values", for a feed that never connected', () => {
    const store = createAppStore();
    store.getState().setVitals(computeVitals({ ...input, sensors: [], segments: [], feedHasData: false }), { t: [], values: TREND_KPIS.map(() => []) });
    store.getState().setFeedSummary({ ...store.getState().feed, status: 'unreachable', lastMessageAtMs: null });
    renderUi(<VitalsPanel />, { store });
    const banner = screen.getByTestId('vitals-stale').textContent ?? '';
    expect(banner).toContain('尚未收到任何实时数据');
    expect(banner).not.toContain('最后已知数值');
    expect(text('vehiclesOnline')).toContain('—');
    expect(screen.queryByTestId('kpi-class-bus')).toBeNull();
  });

  it('warms up after a zone opens: pending sensors draw no red, AQI says warming up, capacity is the catalogue total', () => {
    const store = createAppStore();
    const pending = { value: null, stale: true, level: 'pending' as const, pending: true };
    const v = computeVitals({
      ...input, sensors: [
        { type: 'rsu', value: 99, stale: false, level: 'normal' }, { type: 'rsu', value: 0, stale: false, level: 'alarm' },
        ...Array.from({ length: 31 }, () => ({ type: 'rsu', ...pending })),
        { type: 'aqi', ...pending }, { type: 'aqi', ...pending },
        { type: 'parking', value: 90, stale: false, level: 'normal', capacity: 180 },
        { type: 'parking', ...pending, capacity: 750 },
      ],
    });
    store.getState().setVitals(v, { t: [], values: TREND_KPIS.map(() => []) });
    renderUi(<VitalsPanel />, { store });
    const rsu = screen.getByTestId('kpi-rsuHealth');
    expect(rsu.dataset.tone).toBe('pending');
    expect(rsu.dataset.warming).toBe('1');
    expect(rsu.textContent).toContain('1 / 33');
    expect(rsu.textContent).toContain('31 个等待首报');
    expect(screen.getByTestId('kpi-warming-rsuHealth').textContent).toBe('预热中');
    const aqi = screen.getByTestId('kpi-aqi');
    expect(aqi.dataset.tone).toBe('pending');
    expect(aqi.querySelector('.st-kpi__value')?.textContent).toBe('预热中');
    expect(text('parkingAvailability')).toContain('空余 90 / 930 个');
    expect(screen.getByTestId('kpi-parkingAvailability').dataset.tone).toBe('pending');
    // KPIs with no pending inputs keep their normal colours.
    expect(screen.getByTestId('kpi-alertsOpenTotal').dataset.tone).toBe('bad');
  });

  it('shows "—" for a KPI with no data, never 0', () => {
    const store = createAppStore();
    const v = computeVitals({ ...input, sensors: [], segments: [] });
    store.getState().setVitals(v, { t: [], values: TREND_KPIS.map(() => []) });
    renderUi(<VitalsPanel />, { store });
    expect(text('aqi')).toContain('—');
    expect(text('avgSpeedKmh')).toContain('—');
    expect(screen.getByTestId('kpi-aqi').dataset.value).toBe('');
  });

  it('draws a trend line per KPI and updates it in place with new data', async () => {
    charts.length = 0;
    const store = createAppStore();
    const v = computeVitals(input);
    store.getState().setVitals(v, { t: [1, 2], values: TREND_KPIS.map((k) => [v[k], v[k]]) });
    renderUi(<VitalsPanel />, { store });
    await vi.waitFor(() => expect(charts).toHaveLength(TREND_KPIS.length));
    act(() => store.getState().setVitals(v, { t: [1, 2, 3], values: TREND_KPIS.map((k) => [v[k], null, v[k]]) }));
    expect(charts[0]!.data.at(-1)).toEqual([[1, 2, 3], [v.avgSpeedKmh, null, v.avgSpeedKmh]]);
  });
});
