import { describe, expect, it } from 'vitest';
import { parseServerArgs, type ServerConfig } from '../../../src/server/args';

const parse = (a: string[]) => parseServerArgs(a) as ServerConfig;

describe('feed server flags: access control', () => {
  it('defaults to loopback, no auth, any origin', () => {
    const c = parse([]);
    expect([c.host, c.authFile, c.origins, c.msgRatePerS, c.maxSubscriptions]).toEqual(['127.0.0.1', null, null, 20, 8]);
  });
  it('refuses a non-loopback host without --auth, and says why and what to do', () => {
    expect(() => parse(['--host', '0.0.0.0'])).toThrow(/without access control.*--auth.*--insecure-lan/s);
    expect(() => parse(['--host', '192.168.1.20', '--allow-control'])).toThrow(/trigger drills/);
  });
  it('serves the LAN with --auth, or with --insecure-lan when told to', () => {
    expect(parse(['--host', '0.0.0.0', '--auth', 'tokens.json']).authFile).toBe('tokens.json');
    expect(parse(['--host', '0.0.0.0', '--insecure-lan']).host).toBe('0.0.0.0');
    expect(parse(['--host', 'localhost']).host).toBe('localhost');
  });
  it('checks the origin allow-list and the limits', () => {
    expect(parse(['--allow-origin', 'https://ioc.example.cn, http://127.0.0.1:5173']).origins).toEqual(['https://ioc.example.cn', 'http://127.0.0.1:5173']);
    expect(() => parse(['--allow-origin', 'ioc.example.cn'])).toThrow(/not an origin/);
    expect(() => parse(['--max-msg-rate', '0'])).toThrow(/--max-msg-rate/);
    expect(parse(['--max-subs', '3']).maxSubscriptions).toBe(3);
  });
  it('keeps --origin for the zone origin (lon,lat)', () => {
    expect(parse(['--origin', '121.17,31.29']).origin).toEqual({ lonDeg: 121.17, latDeg: 31.29, heightM: 0 });
  });
});

describe('feed server flags: recording', () => {
  it('records only with --data-dir, keeping 7 days and 2 GB by default', () => {
    expect(parse([]).dataDir).toBeNull();
    const c = parse(['--data-dir', '/var/lib/shentwin']);
    expect(c.dataDir).toBe('/var/lib/shentwin');
    expect(c.retention).toEqual({ maxAgeMs: 7 * 86_400_000, maxBytes: 2 * 1024 ** 3 });
  });
  it('records into PostgreSQL with --record, refuses another scheme and --record beside --data-dir', () => {
    expect(parse([]).recordUrl).toBeNull();
    const c = parse(['--record', 'postgres://feed:pw@db.example:5432/shentwin', '--retain', '36h']);
    expect(c.recordUrl).toBe('postgres://feed:pw@db.example:5432/shentwin');
    expect(c.dataDir).toBeNull();
    expect(c.retention.maxAgeMs).toBe(36 * 3_600_000);
    expect(() => parse(['--record', 'mysql://x/y'])).toThrow(/--record/);
    expect(() => parse(['--record', 'postgres://h/db', '--data-dir', 'd'])).toThrow(/pick one/);
  });
  it('reads --retain as an age and --retain-bytes as a size', () => {
    const c = parse(['--data-dir', 'd', '--retain', '36h', '--retain-bytes', '500MB']);
    expect(c.retention).toEqual({ maxAgeMs: 36 * 3_600_000, maxBytes: 500 * 1024 ** 2 });
    expect(parse(['--data-dir', 'd', '--retain', '1w', '--retain-bytes', '1.5gb']).retention).toEqual({ maxAgeMs: 7 * 86_400_000, maxBytes: 1.5 * 1024 ** 3 });
  });
  it('refuses a bad age, a bad size, a limit too small, and limits without a recording', () => {
    expect(() => parse(['--data-dir', 'd', '--retain', 'week'])).toThrow(/--retain: "week" is not an age/);
    expect(() => parse(['--data-dir', 'd', '--retain', '10s'])).toThrow(/at least one minute/);
    expect(() => parse(['--data-dir', 'd', '--retain-bytes', '2G'])).toThrow(/--retain-bytes: "2G" is not a size/);
    expect(() => parse(['--data-dir', 'd', '--retain-bytes', '10kb'])).toThrow(/at least 1 MB/);
    expect(() => parse(['--retain', '7d'])).toThrow(/add --data-dir/);
    expect(() => parse(['--data-dir', ' '])).toThrow(/--data-dir/);
  });
});
