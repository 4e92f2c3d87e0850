import { describe, expect, it } from 'vitest';
import { emqxAclRules, mayPublish, maySubscribe, mosquittoAcl, MQTT_ROLES, topicRules } from '../../../src/server/mqttAcl/policy';
import { filterWithin, isTopicFilter, topicMatches } from '../../../src/server/mqttAcl/topicFilter';

const P = 'shentwin/v1';
const READERS = ['viewer', 'wall', 'operator', 'drill'] as const;

describe('MQTT wildcard matching', () => {
  it('matches topics by the spec: + is one level, # the rest including none, $ topics only by name', () => {
    const cases: [string, string, boolean][] = [
      ['shentwin/v1/#', 'shentwin/v1/jiading/vehicle/bus-1', true],
      ['shentwin/v1/#', 'shentwin/v1', true],
      ['shentwin/v1/#', 'shentwin/v10/jiading/vehicle/x', false],
      ['shentwin/v1/#', 'shentwin', false],
      ['shentwin/v1/+/vehicle/+', 'shentwin/v1/jiading/vehicle/bus-1', true],
      ['shentwin/v1/+/vehicle/+', 'shentwin/v1/jiading/sensor/s1', false],
      ['shentwin/v1/+/vehicle/+', 'shentwin/v1/jiading/vehicle/a/b', false],
      ['+/+', 'a/', true],
      ['#', 'anything/at/all', true],
      ['#', '$SYS/broker/uptime', false],
      ['+/broker/uptime', '$SYS/broker/uptime', false],
      ['$SYS/#', '$SYS/broker/uptime', true],
      ['a/b', 'a/b', true],
      ['a/b', 'a/b/c', false],
    ];
    for (const [filter, topic, want] of cases) expect(topicMatches(filter, topic), `${filter} ~ ${topic}`).toBe(want);
  });

  it('refuses malformed filters and wildcard topic names', () => {
    for (const f of ['', 'a/#/b', 'a/b#', 'a+/b', 'a/+x', 'a/\u0000']) expect(isTopicFilter(f), f).toBe(false);
    for (const f of ['#', '+', 'a/+/b/#', '/', '$SYS/#']) expect(isTopicFilter(f), f).toBe(true);
    expect(topicMatches('a/#', 'a/+')).toBe(false);
    expect(topicMatches('a/#', 'a/#')).toBe(false);
  });

  it('a filter lies within another only when it can match nothing the other cannot', () => {
    const cases: [string, boolean][] = [
      ['shentwin/v1/#', true],
      ['shentwin/v1', true],
      ['shentwin/v1/jiading/#', true],
      ['shentwin/v1/+/vehicle/#', true],
      ['shentwin/v1/jiading/vehicle/bus-1', true],
      ['#', false],
      ['+/#', false],
      ['shentwin/#', false],
      ['shentwin/+/jiading/#', false],
      ['+/v1/jiading/#', false],
      ['$SYS/#', false],
      ['shentwin/v2/#', false],
      ['shentwin', false],
      ['shentwin/v1/#/x', false],
    ];
    for (const [inner, want] of cases) expect(filterWithin(inner, 'shentwin/v1/#'), inner).toBe(want);
    expect(filterWithin('a/b/c', 'a/+/c')).toBe(true);
    expect(filterWithin('a/+/c', 'a/b/c')).toBe(false);
    expect(filterWithin('$SYS/x', '#')).toBe(false);
  });
});

describe('broker policy per role', () => {
  it('a reader (viewer, wall, operator, drill) can publish nowhere, not even its own prefix or the status topic', () => {
    for (const role of READERS) {
      for (const t of [`${P}/jiading/vehicle/bus-1`, `${P}/jiading/status/server`, `${P}/jiading/control/x`, 'other/topic', '$SYS/x', P]) {
        expect(mayPublish(role, t, P), `${role} → ${t}`).toBe(false);
      }
    }
  });

  it('a reader subscribes to its prefix and narrower, never to # or $SYS or another prefix', () => {
    for (const role of READERS) {
      for (const f of [`${P}/#`, `${P}/jiading/#`, `${P}/+/sensor/+`, `${P}/yangpu/incident/i-1`]) expect(maySubscribe(role, f, P), `${role} ⊂ ${f}`).toBe(true);
      for (const f of ['#', '+/#', '$SYS/#', 'shentwin/#', 'shentwin/v2/#', 'shentwin/+/jiading/#', `${P}/#/x`]) expect(maySubscribe(role, f, P), `${role} ⊄ ${f}`).toBe(false);
    }
  });

  it('the publisher publishes and retains under its prefix only, and subscribes to nothing', () => {
    expect(mayPublish('publisher', `${P}/jiading/vehicle/bus-1`, P)).toBe(true);
    expect(mayPublish('publisher', `${P}/jiading/status/server`, P)).toBe(true);
    for (const t of ['shentwin/v2/jiading/vehicle/x', 'shentwin/v1x/a', 'elsewhere', '$SYS/broker', `${P}/+/vehicle/x`, `${P}/#`]) expect(mayPublish('publisher', t, P), t).toBe(false);
    expect(maySubscribe('publisher', `${P}/#`, P)).toBe(false);
  });

  it('an invalid prefix grants nothing in a check and throws where a file would be written', () => {
    expect(mayPublish('publisher', 'a/#/b', 'a/#')).toBe(false);
    expect(maySubscribe('viewer', '#', '#')).toBe(false);
    expect(() => topicRules('viewer', 'a/+')).toThrow(/not a topic prefix/);
    expect(() => mosquittoAcl([{ name: 'x', role: 'viewer' }], '')).toThrow(/not a topic prefix/);
  });

  it('every role has rules (no role falls through to nothing by accident)', () => {
    for (const r of MQTT_ROLES) expect(topicRules(r, P).length).toBeGreaterThan(0);
  });
});

describe('generated broker files', () => {
  const users = [{ name: 'feed', role: 'publisher' }, { name: 'wall-1', role: 'viewer' }] as const;

  it('Mosquitto acl_file for two users', () => {
    expect(mosquittoAcl(users, P)).toBe([
      '# ShenTwin broker ACL for topic prefix shentwin/v1, generated by `npm run feed -- mqtt-acl`.',
      '# Only the publisher writes; every other role reads its prefix and nothing else.',
      '',
      '# role: publisher',
      'user feed',
      'topic write shentwin/v1/#',
      '',
      '# role: viewer',
      'user wall-1',
      'topic read shentwin/v1/#',
      '',
    ].join('\n'));
  });

  it('EMQX acl.conf for two users ends with {deny, all}.', () => {
    const text = emqxAclRules(users, P);
    const rules = text.split('\n').filter((l) => l && !l.startsWith('%%'));
    expect(rules).toEqual([
      '{allow, {username, "feed"}, publish, ["shentwin/v1/#"]}.',
      '{allow, {username, "wall-1"}, subscribe, ["shentwin/v1/#"]}.',
      '{deny, all}.',
    ]);
  });

  it('refuses names that could change the file, duplicates and an empty list', () => {
    for (const name of ['', 'two words', 'a"b', 'a\\b', 'x\ntopic readwrite #', '-lead', 'a'.repeat(65)]) {
      expect(() => mosquittoAcl([{ name, role: 'viewer' }], P), JSON.stringify(name)).toThrow(/user/);
      expect(() => emqxAclRules([{ name, role: 'viewer' }], P), JSON.stringify(name)).toThrow(/user/);
    }
    expect(() => mosquittoAcl([{ name: 'a', role: 'viewer' }, { name: 'a', role: 'wall' }], P)).toThrow(/twice/);
    expect(() => mosquittoAcl([], P)).toThrow(/no users/);
  });
});
