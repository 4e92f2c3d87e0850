import { describe, expect, it } from 'vitest';
import { isLoopbackHost, normaliseOrigin, originAllowed } from '../../../src/server/auth/access';
import { TokenBucket } from '../../../src/server/auth/rateLimit';

describe('per-connection rate limit (injected clock)', () => {
  it('allows the burst, then the steady rate, and refuses a flood', () => {
    let t = 0;
    const b = new TokenBucket({ ratePerS: 10, burst: 20, now: () => t });
    for (let i = 0; i < 20; i++) expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
    t += 100; // 0.1 s refills one
    expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
    t += 10_000; // refill caps at the burst
    let n = 0;
    while (b.take()) n++;
    expect(n).toBe(20);
  });
  it('a client at the steady rate is never refused', () => {
    let t = 0;
    const b = new TokenBucket({ ratePerS: 20, burst: 40, now: () => t });
    for (let i = 0; i < 2000; i++) {
      t += 50;
      expect(b.take()).toBe(true);
    }
  });
  it('a clock that steps back does not mint tokens', () => {
    let t = 1000;
    const b = new TokenBucket({ ratePerS: 1, burst: 1, now: () => t });
    expect(b.take()).toBe(true);
    t = 0;
    expect(b.take()).toBe(false);
  });
});

describe('bind address and origin policy', () => {
  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', '127.0.0.256', 'example.cn']) expect(isLoopbackHost(h)).toBe(false);
  });
  it('matches origins exactly after normalising', () => {
    const allow = [normaliseOrigin('https://IOC.example.cn')!, normaliseOrigin('http://127.0.0.1:5173/')!];
    expect(allow).toEqual(['https://ioc.example.cn', 'http://127.0.0.1:5173']);
    expect(originAllowed('https://ioc.example.cn', allow)).toBe(true);
    expect(originAllowed('http://127.0.0.1:5173', allow)).toBe(true);
    expect(originAllowed('https://ioc.example.cn.evil.com', allow)).toBe(false);
    expect(originAllowed('http://ioc.example.cn', allow)).toBe(false);
    expect(originAllowed('null', allow)).toBe(false);
    expect(originAllowed(undefined, allow)).toBe(true); // not a browser
    expect(originAllowed('https://anything', null)).toBe(true);
  });
});
