import { describe, expect, it } from 'vitest';
import { observe } from '../../../src/analysis/alerts/observe';
import type { LiveSensor } from '../../../src/analysis/live/readSensors';
import type { AlertRule } from '../../../src/scene/schema';
import { alertRuleSchema } from '../../../src/scene/schema';
import { readSensors } from '../../../src/analysis/live/readSensors';
import { ingestWith, sensorInfo, T0 } from './liveFixtures';

const rule = (r: unknown): AlertRule => alertRuleSchema.parse(r);
const name = { zh: 'n', en: 'n' };
const water = rule({ id: 'water', kind: 'threshold', name, sensorTypes: ['water_level'], severity: { warning: 'major', alarm: 'critical' } });
const rising = rule({ id: 'rising', kind: 'rate', name, sensorTypes: ['water_level'], direction: 'rise', perMinute: 1, windowS: 300, severity: 'major' });
const offline = rule({ id: 'offline', kind: 'stale', name, sensorTypes: ['water_level', 'rsu'], severity: 'minor' });
const crash = rule({ id: 'crash', kind: 'incident', name, incidentTypes: ['crash'] });

function sensor(over: Partial<LiveSensor>): LiveSensor {
  return {
    slot: 0, id: 'u1', type: 'water_level', unit: 'cm', name: null, x: 1, y: 2, value: 5, quality: 'good', lastSeenMs: T0, stale: false, pending: false,
    staleAfterMs: 180_000, level: 'normal', thresholds: { warn: 10, alarm: 25, direction: 'above' }, ...over,
  };
}

const ctx = { rate: () => null, timeScale: 1 };

describe('observe: conditions from the live feed', () => {
  it('threshold rules map warning and alarm bands to their severities', () => {
    const o = observe([water], [sensor({ id: 'a', level: 'warning', value: 12 }), sensor({ id: 'b', level: 'alarm', value: 30 }), sensor({ id: 'c' })], [], ctx);
    expect(o.map((x) => [x.asset.id, x.severity, x.value, x.threshold])).toEqual([['a', 'major', 12, 10], ['b', 'critical', 30, 25]]);
  });

  it('a threshold rule without a warning severity ignores the warning band', () => {
    const r = rule({ id: 'w', kind: 'threshold', name, sensorTypes: ['water_level'], severity: { alarm: 'critical' } });
    expect(observe([r], [sensor({ level: 'warning' })], [], ctx)).toEqual([]);
  });

  it('respects sensorIds and skips sensors without a position', () => {
    const r = rule({ id: 'w', kind: 'threshold', name, sensorTypes: ['water_level'], sensorIds: ['b'], severity: { alarm: 'critical' } });
    expect(observe([r], [sensor({ id: 'a', level: 'alarm' }), sensor({ id: 'b', level: 'alarm' })], [], ctx).map((x) => x.asset.id)).toEqual(['b']);
    expect(observe([water], [sensor({ level: 'alarm', x: null, y: null })], [], ctx)).toEqual([]);
  });

  it('rate rules measure change per minute of feed time (a 60× simulator is slowed back down)', () => {
    // 0.05 units per client ms at 60× = 0.05 × 60000 / 60 = 50 per feed minute.
    const fast = { ...ctx, rate: () => 0.05, timeScale: 60 };
    const o = observe([rising], [sensor({})], [], fast);
    expect(o).toHaveLength(1);
    expect(o[0]!.value).toBe(50);
    const windows: number[] = [];
    observe([rising], [sensor({})], [], { ...fast, rate: (_s, w) => (windows.push(w), null) });
    expect(windows).toEqual([(300 * 1000) / 60]);
    expect(observe([rising], [sensor({})], [], { ...ctx, rate: () => 0.5 / 60_000 })).toEqual([]);
    expect(observe([rising], [sensor({ stale: true })], [], { ...ctx, rate: () => 1 })).toEqual([]);
  });

  it('stale rules: a silent sensor is offline; one still pending its first report is not, until it is overdue', () => {
    const silent = sensor({ id: 's', stale: true, level: 'offline' });
    const waiting = sensor({ id: 'n', value: null, lastSeenMs: null, stale: true, pending: true, level: 'pending' });
    const overdue = sensor({ id: 'n', value: null, lastSeenMs: null, stale: true, pending: false, level: 'offline' });
    expect(observe([offline], [silent, waiting], [], ctx).map((x) => x.asset.id)).toEqual(['s']);
    expect(observe([offline], [silent, overdue], [], ctx).map((x) => x.asset.id)).toEqual(['s', 'n']);
  });

  it('stale rules from the buffers: no alert during the first report window after a zone opens, one after it', () => {
    const info = sensorInfo('rsu-01', 'rsu', 10, 20, { reportEveryS: 30 });
    const ing = ingestWith({ catalogue: { sensors: [info] } });
    const at = (ms: number) => {
      ing.flush(T0 + ms);
      return observe([offline], readSensors(ing.sensors, {}), [], ctx).map((x) => x.asset.id);
    };
    expect(at(0)).toEqual([]);
    expect(at(30_000 + 5_000)).toEqual([]);
    expect(at(30_000 + 11_000)).toEqual(['rsu-01']);
  });

  it('incident rules map the feed severity 1–4 and skip resolved incidents', () => {
    const incs = [
      { id: 'i1', ts: T0, type: 'crash', severity: 3, x: 5, y: 6, status: 'active' as const },
      { id: 'i2', ts: T0, type: 'crash', severity: 1, x: 5, y: 6, status: 'resolved' as const },
      { id: 'i3', ts: T0, type: 'underpass_flood', severity: 3, x: 5, y: 6, status: 'active' as const },
    ];
    expect(observe([crash], [], incs, ctx).map((x) => [x.asset.kind, x.asset.id, x.severity])).toEqual([['incident', 'i1', 'major']]);
  });

  it('reads the feed\'s buffers: a flooded underpass from real messages becomes an alarm observation', () => {
    const ing = ingestWith({
      catalogue: { sensors: [sensorInfo('underpass-01', 'water_level', 300, 400, { thresholds: { warn: 10, alarm: 25, direction: 'above' } })] },
      sensors: [{ id: 'underpass-01', type: 'water_level', value: 27.5, unit: 'cm', ts: T0, quality: 'good' }],
    });
    const o = observe([water], readSensors(ing.sensors, {}), ing.incidents.items.values(), ctx);
    expect(o).toHaveLength(1);
    expect(o[0]).toMatchObject({ severity: 'critical', value: 27.5, threshold: 25, asset: { kind: 'sensor', id: 'underpass-01' } });
    expect(o[0]!.asset.x).toBeCloseTo(300, 0);
    expect(o[0]!.asset.y).toBeCloseTo(400, 0);
  });
});
