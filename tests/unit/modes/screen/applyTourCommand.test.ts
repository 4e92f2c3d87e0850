import { describe, expect, it } from 'vitest';
import { ALARM_FLY_RADIUS_M, applyTourCommand } from '../../../../src/modes/screen/applyTourCommand';
import { toMachineTour } from '../../../../src/modes/screen/screenTour';
import { TourMachine } from '../../../../src/modes/tour/tourMachine';
import { EMPTY_ALERT_STATE } from '../../../../src/analysis/alerts/types';
import { createAppStore } from '../../../../src/state/store';
import { alertOf } from './alertFixture';
import { shippedScene } from './sceneFixture';

const jiading = shippedScene('jiading');
const yangpu = shippedScene('yangpu');
const sceneOf = (z: string) => (z === 'jiading' ? jiading : z === 'yangpu' ? yangpu : null);

function storeIn(zone: string) {
  const store = createAppStore();
  store.getState().selectZone(zone);
  return store;
}

describe('carrying out tour commands on the store', () => {
  it('flies to a stop of the current zone by its viewpoint', () => {
    const store = storeIn('jiading');
    const m = new TourMachine(toMachineTour('jiading', jiading.tours![0]!));
    applyTourCommand(store, m.start(0), sceneOf);
    expect(store.getState().flyRequest).toMatchObject({ kind: 'viewpoint', viewpointId: 'overview' });
    applyTourCommand(store, m.next(1), sceneOf);
    expect(store.getState().flyRequest).toMatchObject({ kind: 'viewpoint', viewpointId: 'auto-city' });
  });

  it("enters another zone for a carousel's stop there, at the stop's viewpoint", () => {
    const store = storeIn('jiading');
    const m = new TourMachine(toMachineTour('yangpu', yangpu.tours![0]!));
    applyTourCommand(store, m.start(0), sceneOf);
    const s = store.getState();
    expect(s.currentZoneId).toBe('yangpu');
    expect(s.flyRequest).toMatchObject({ kind: 'viewpoint', viewpointId: yangpu.tours![0]!.stops[0]!.viewpoint });
  });

  it("flies to an alarm's asset as the alert list does and highlights it; the next stop clears the highlight", () => {
    const store = storeIn('jiading');
    const a = alertOf('a', { asset: { ...alertOf('a').asset, x: 321, y: -654 } });
    store.getState().setAlertState({ ...EMPTY_ALERT_STATE, alerts: [a] });
    const m = new TourMachine(toMachineTour('jiading', jiading.tours![0]!), { holdMs: 1000 });
    m.start(0);
    applyTourCommand(store, m.alarm({ id: a.id, severity: a.severity, zone: 'jiading' }, 10), sceneOf);
    expect(store.getState().flyRequest).toMatchObject({ kind: 'target', target: [321, -654, 0], radiusM: ALARM_FLY_RADIUS_M });
    expect(store.getState().liveSelected).toEqual({ kind: 'sensor', id: a.asset.id });
    const resume = m.tick(1010);
    expect(resume).toMatchObject({ kind: 'fly', reason: 'resume', step: 0 });
    applyTourCommand(store, resume, sceneOf);
    expect(store.getState().liveSelected).toBeNull();
    expect(store.getState().flyRequest).toMatchObject({ kind: 'viewpoint', viewpointId: 'overview' });
  });

  it('leaves the camera alone for an alarm in another zone, an unknown alert, a hold or the end', () => {
    const store = storeIn('jiading');
    const before = store.getState().flyRequest;
    applyTourCommand(store, { kind: 'flyToAlert', alert: { id: 'x', severity: 'major' }, pose: null, zone: 'yangpu', durationMs: 1 }, sceneOf);
    applyTourCommand(store, { kind: 'flyToAlert', alert: { id: 'x', severity: 'major' }, pose: null, zone: 'jiading', durationMs: 1 }, sceneOf);
    applyTourCommand(store, { kind: 'hold' }, sceneOf);
    applyTourCommand(store, { kind: 'end' }, sceneOf);
    applyTourCommand(store, null, sceneOf);
    expect(store.getState().flyRequest).toBe(before);
  });
});
