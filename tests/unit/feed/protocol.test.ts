import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeMqtt, decodeServerText } from '../../../src/feed/protocol/decode';
import { vehicleSchema } from '../../../src/feed/protocol/entities';
import { MAX_MESSAGE_CHARS } from '../../../src/feed/protocol/limits';
import { isValidTopicPrefix, parseTopic, topicFor } from '../../../src/feed/protocol/topics';
import { T0, delta, hello, vehicle } from './fixtures';

const reasonOf = (raw: unknown) => {
  const r = decodeServerText(raw);
  return r.ok ? 'ok' : r.reason;
};

describe('decodeServerText (TESTING.md case 9)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('accepts valid hello and delta', () => {
    expect(reasonOf(hello(T0))).toBe('ok');
    expect(reasonOf(delta(T0, { vehicles: [vehicle('a', T0)] }))).toBe('ok');
  });

  it('drops text that is not JSON', () => {
    for (const t of ['', 'hello', '{"v":1,', '{v:1}', 'NaN', '\u0000\u0001']) expect(reasonOf(t)).toBe('not-json');
  });

  it('drops binary frames and non-strings', () => {
    expect(reasonOf(new Uint8Array([1, 2]))).toBe('not-text');
    expect(reasonOf(undefined)).toBe('not-text');
  });

  it('drops the wrong schema: unknown type, array, missing fields, wrong types', () => {
    expect(reasonOf('[]')).toBe('schema');
    expect(reasonOf('42')).toBe('schema');
    expect(reasonOf('null')).toBe('schema');
    expect(reasonOf(JSON.stringify({ v: 1, type: 'party' }))).toBe('schema');
    expect(reasonOf(JSON.stringify({ v: 1, type: 'delta', zone: 'jiading', seq: 1 }))).toBe('schema');
    expect(reasonOf(JSON.stringify({ v: 1, type: 'hello', server: 's', ts: 'now', heartbeatMs: 2000, zones: [] }))).toBe('schema');
    expect(reasonOf(JSON.stringify({ v: 1, type: 'delta', zone: 'Jiading!', ts: T0, seq: 1 }))).toBe('schema');
  });

  it('drops other protocol versions', () => {
    expect(reasonOf(JSON.stringify({ v: 2, type: 'hello', server: 's', ts: T0, heartbeatMs: 2000, zones: [] }))).toBe('version');
  });

  it('rejects a 10 MB message by size, before parsing', () => {
    const spy = vi.spyOn(JSON, 'parse');
    const huge = `{"v":1,"type":"delta","pad":"${'x'.repeat(10 * 1024 * 1024)}"}`;
    const r = decodeServerText(huge);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('too-large');
    expect(spy).not.toHaveBeenCalled();
    expect(huge.length).toBeGreaterThan(MAX_MESSAGE_CHARS);
  });

  it('rejects envelope timestamps that are not epoch ms (NaN as null, 1e308, negative)', () => {
    for (const ts of ['null', '1e308', '-5', '1.5', '"1763600000000"']) {
      expect(reasonOf(`{"v":1,"type":"heartbeat","ts":${ts}}`)).toBe('schema');
    }
  });
});

describe('entity schema (validated one by one in the ingest)', () => {
  const ok = vehicle('RT-001', T0);
  const bad = (patch: Record<string, unknown>) => vehicleSchema.safeParse({ ...ok, ...patch }).success;

  it('accepts a valid vehicle', () => expect(bad({})).toBe(true));
  it('rejects NaN, Infinity and 1e308', () => {
    expect(bad({ speedMps: NaN })).toBe(false);
    expect(bad({ speedMps: Infinity })).toBe(false);
    expect(bad({ lonDeg: -Infinity })).toBe(false);
    expect(bad({ speedMps: 1e308 })).toBe(false);
    expect(bad({ headingDeg: 1e308 })).toBe(false);
  });
  it('rejects latitude 91 and longitude 181', () => {
    expect(bad({ latDeg: 91 })).toBe(false);
    expect(bad({ lonDeg: 181 })).toBe(false);
  });
  it('rejects a missing, empty, or hostile id', () => {
    const { id: _omit, ...noId } = ok;
    expect(vehicleSchema.safeParse(noId).success).toBe(false);
    expect(bad({ id: '' })).toBe(false);
    expect(bad({ id: '<script>' })).toBe(false);
    expect(bad({ id: 'x'.repeat(65) })).toBe(false);
  });
  it('rejects unknown classes and automation levels beyond SAE 5', () => {
    expect(bad({ cls: 'ufo' })).toBe(false);
    expect(bad({ automation: 6 })).toBe(false);
  });
});

describe('MQTT topics', () => {
  it('round-trips topic names and rejects foreign ones', () => {
    const t = topicFor('shentwin/v1', 'jiading', 'sensor', 'aq-01-pm25');
    expect(t).toBe('shentwin/v1/jiading/sensor/aq-01-pm25');
    expect(parseTopic(t, 'shentwin/v1')).toEqual({ zone: 'jiading', kind: 'sensor', id: 'aq-01-pm25' });
    expect(parseTopic('other/v1/jiading/sensor/x', 'shentwin/v1')).toBeNull();
    expect(parseTopic('shentwin/v1/jiading/weather/x', 'shentwin/v1')).toBeNull();
    expect(parseTopic('shentwin/v1/jiading/sensor/x/extra', 'shentwin/v1')).toBeNull();
  });

  it('validates prefixes (no wildcards)', () => {
    expect(isValidTopicPrefix('shentwin/v1')).toBe(true);
    expect(isValidTopicPrefix('a/#')).toBe(false);
    expect(isValidTopicPrefix('a/+/b')).toBe(false);
    expect(isValidTopicPrefix('/a')).toBe(false);
  });

  it('wraps entity payloads into unsequenced deltas and checks the id matches the topic', () => {
    const v = vehicle('RT-9', T0);
    const r = decodeMqtt('shentwin/v1/jiading/vehicle/RT-9', JSON.stringify(v), 'shentwin/v1');
    expect(r.ok && r.value.kind === 'delta' && r.value.sequenced).toBe(false);
    expect(r.ok && r.value.kind === 'delta' && r.value.msg.vehicles?.length).toBe(1);
    const mismatch = decodeMqtt('shentwin/v1/jiading/vehicle/RT-8', JSON.stringify(v), 'shentwin/v1');
    expect(!mismatch.ok && mismatch.reason).toBe('schema');
    const noTs = decodeMqtt('shentwin/v1/jiading/vehicle/RT-9', JSON.stringify({ ...v, ts: undefined }), 'shentwin/v1');
    expect(!noTs.ok && noTs.reason).toBe('schema');
    const removed = decodeMqtt('shentwin/v1/jiading/vehicle/RT-9', JSON.stringify({ id: 'RT-9', removed: true, ts: T0 }), 'shentwin/v1');
    expect(removed.ok && removed.value.kind === 'delta' && removed.value.msg.removed?.vehicles).toEqual(['RT-9']);
  });

  it('ignores empty retained-clear payloads and flags unknown topics', () => {
    const r = decodeMqtt('shentwin/v1/jiading/incident/inc-1', '', 'shentwin/v1');
    expect(r.ok && r.value.kind).toBe('ignored');
    const u = decodeMqtt('foo/bar', '{}', 'shentwin/v1');
    expect(!u.ok && u.reason).toBe('unknown-topic');
  });
});
