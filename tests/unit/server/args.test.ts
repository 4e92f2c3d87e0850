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
