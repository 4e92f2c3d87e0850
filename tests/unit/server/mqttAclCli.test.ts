import { describe, expect, it } from 'vitest';
import { redactMqttUrl, splitBrokerUrl } from '../../../src/server/mqttAcl/brokerUrl';
import { runMqttAclCommand } from '../../../src/server/mqttAcl/cli';
import { mosquittoAcl } from '../../../src/server/mqttAcl/policy';

function run(argv: string[]) {
  let out = '', err = '';
  const code = runMqttAclCommand(argv, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

describe('mqtt-acl subcommand', () => {
  it('prints the Mosquitto file by default, for the users given', () => {
    const r = run(['--prefix', 'shentwin/v1', '--user', 'feed:publisher', '--user', 'wall-1:viewer']);
    expect(r).toEqual({ code: 0, err: '', out: mosquittoAcl([{ name: 'feed', role: 'publisher' }, { name: 'wall-1', role: 'viewer' }], 'shentwin/v1') });
  });

  it('--format emqx prints acl.conf rules; the prefix defaults to shentwin/v1', () => {
    const r = run(['--user', 'feed:publisher', '--user', 'ops@centre:drill', '--format', 'emqx']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('{allow, {username, "ops@centre"}, subscribe, ["shentwin/v1/#"]}.');
    expect(r.out.trimEnd().endsWith('{deny, all}.')).toBe(true);
  });

  it('exits 2 with the reason and the usage on stderr, printing nothing on stdout', () => {
    for (const argv of [[], ['--user', 'feed'], ['--user', 'feed:admin'], ['--user', 'a:viewer', '--format', 'hivemq'], ['--user', 'a:viewer', '--prefix', 'x/#'], ['--bogus']]) {
      const r = run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^\[feed\] mqtt-acl: .+\nUsage: npm run feed -- mqtt-acl/);
    }
  });

  it('--help prints the usage and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: npm run feed -- mqtt-acl/);
  });
});

describe('broker URL credentials', () => {
  it('takes userinfo out of the URL, leaving the rest byte for byte, and decodes it', () => {
    expect(splitBrokerUrl('ws://feed:s3cret@127.0.0.1:9001')).toEqual({ url: 'ws://127.0.0.1:9001', username: 'feed', password: 's3cret' });
    // A colon in the password is where mqtt.js's own URL parsing would split wrongly.
    expect(splitBrokerUrl('wss://feed:a%3Ab%40c:d@emqx.example:8084/mqtt?x=1')).toEqual({ url: 'wss://emqx.example:8084/mqtt?x=1', username: 'feed', password: 'a:b@c:d' });
    expect(splitBrokerUrl('mqtt://feed@broker:1883')).toEqual({ url: 'mqtt://broker:1883', username: 'feed' });
    expect(splitBrokerUrl('ws://broker:9001/path@x')).toEqual({ url: 'ws://broker:9001/path@x' });
  });

  it('redacts the password, never the host or the user name', () => {
    expect(redactMqttUrl('ws://feed:s3cret@127.0.0.1:9001/mqtt')).toBe('ws://feed:***@127.0.0.1:9001/mqtt');
    expect(redactMqttUrl('ws://feed:p@ss@host')).toBe('ws://feed:***@host');
    expect(redactMqttUrl('mqtt://feed@broker:1883')).toBe('mqtt://feed@broker:1883');
    expect(redactMqttUrl('ws://broker:9001/')).toBe('ws://broker:9001/');
  });
});
