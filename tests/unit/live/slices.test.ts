import { describe, expect, it } from 'vitest';
import { EMPTY_ALERT_STATE } from '../../../src/analysis/alerts/types';
import { evaluateAlerts } from '../../../src/analysis/alerts/evaluate';
import { LEVEL_CODE, type Thresholds } from '../../../src/analysis/live/thresholds';
import { resolveSlotThresholds, slotLevel } from '../../../src/layers/sensors/model';
import { DEFAULT_OPERATOR } from '../../../src/state/alertsSlice';
import { createAppStore } from '../../../src/state/store';
import { ingestWith, sensorInfo, T0 } from '../analysis/liveFixtures';

describe('live selection slice', () => {
  it('one thing is selected at a time: a live pick clears the building selection', () => {
    const store = createAppStore();
    store.getState().select({ id: 'b1', properties: {}, point: [0, 0, 0] });
    store.getState().selectLive({ kind: 'sensor', id: 's1' });
    expect(store.getState().selected).toBeNull();
    expect(store.getState().liveSelected).toEqual({ kind: 'sensor', id: 's1' });
    store.getState().selectLive(null);
    expect(store.getState().liveSelected).toBeNull();
  });

  it('selecting a vehicle follows it by default; other things never follow', () => {
    const store = createAppStore();
    store.getState().selectLive({ kind: 'vehicle', id: 'RT-1' });
    expect(store.getState().followVehicle).toBe(true);
    store.getState().selectLive({ kind: 'vehicle', id: 'RT-2' }, { follow: false });
    expect(store.getState().followVehicle).toBe(false);
    store.getState().selectLive({ kind: 'stop', id: 's' });
    expect(store.getState().followVehicle).toBe(false);
  });

  it('keeps the sparkline history when the same sensor is re-selected, drops it for another', () => {
    const store = createAppStore();
    store.getState().selectLive({ kind: 'sensor', id: 's1' });
    store.getState().setLiveSensorHistory({ id: 's1', t: [1], v: [2] });
    store.getState().selectLive({ kind: 'sensor', id: 's1' });
    expect(store.getState().liveSensorHistory).not.toBeNull();
    store.getState().selectLive({ kind: 'sensor', id: 's2' });
    expect(store.getState().liveSensorHistory).toBeNull();
  });
});

describe('alerts slice', () => {
  const obs = {
    ruleId: 'water', cause: 'threshold' as const, severity: 'critical' as const, value: 30, unit: 'cm', threshold: 25,
    asset: { kind: 'sensor' as const, id: 'u1', x: 0, y: 0, type: 'water_level', name: null },
  };

  it('records actions under the operator on duty (the duty-officer role, unnamed, by default), trimmed, role never empty', () => {
    const store = createAppStore();
    expect(store.getState().operator).toEqual(DEFAULT_OPERATOR);
    store.getState().setAlertState(evaluateAlerts(EMPTY_ALERT_STATE, [obs], [{ id: 'water', reopenWithinS: 600 }], T0));
    const id = store.getState().alertState.alerts[0]!.id;
    store.getState().setOperator({ name: '  王五 ', role: 'shift-lead' });
    store.getState().acknowledgeAlert(id, T0 + 1000, 'pump started');
    store.getState().setOperator({ name: '   ', role: '' });
    expect(store.getState().operator).toEqual(DEFAULT_OPERATOR);
    store.getState().closeAlert(id, T0 + 2000);
    const audit = store.getState().alertState.audit;
    expect(audit.map((e) => [e.action, e.actor.name, e.actor.role, e.note])).toEqual([
      ['raised', 'system', 'system', undefined],
      ['acknowledged', '王五', 'shift-lead', 'pump started'],
      ['closed', DEFAULT_OPERATOR.name, DEFAULT_OPERATOR.role, undefined],
    ]);
    store.getState().resetAlerts();
    expect(store.getState().alertState.alerts).toEqual([]);
  });
});

describe('sensor layer levels from the buffer', () => {
  it('classifies each slot without allocating, with scene thresholds resolved per catalogue', () => {
    const ing = ingestWith({
      catalogue: {
        sensors: [
          sensorInfo('u1', 'water_level', 0, 0), sensorInfo('u2', 'water_level', 10, 0), sensorInfo('p1', 'parking', 20, 0, { capacity: 100 }),
          sensorInfo('silent', 'water_level', 30, 0),
        ],
      },
      sensors: [
        { id: 'u1', type: 'water_level', value: 12, unit: 'cm', ts: T0, quality: 'good' },
        { id: 'u2', type: 'water_level', value: 26, unit: 'cm', ts: T0, quality: 'good' },
        { id: 'p1', type: 'parking', value: 96, unit: 'spaces', ts: T0, quality: 'good' },
      ],
    });
    const scene = {
      water_level: { warn: 10, alarm: 25, direction: 'above' as const, relativeTo: 'absolute' as const },
      parking: { warn: 0.85, alarm: 0.95, direction: 'above' as const, relativeTo: 'capacity' as const },
    };
    const th: (Thresholds | null)[] = [];
    resolveSlotThresholds(ing.sensors, scene, th);
    const level = (id: string) => slotLevel(ing.sensors, ing.sensors.slot(id)!, th[ing.sensors.slot(id)!] ?? null);
    // Just after the zone opened the silent one has not had its turn yet: pending, not offline.
    expect([level('u1'), level('u2'), level('p1'), level('silent')]).toEqual([LEVEL_CODE.warning, LEVEL_CODE.alarm, LEVEL_CODE.alarm, LEVEL_CODE.pending]);
    // One report interval (60 s) plus slack later its first report is overdue.
    ing.flush(T0 + 71_000);
    expect([level('u1'), level('silent')]).toEqual([LEVEL_CODE.warning, LEVEL_CODE.offline]);
  });
});
