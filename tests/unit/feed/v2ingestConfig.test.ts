/** `feedEncoding` in the URL: json/v1 forces v1 on a ws feed; a bad value or a non-ws feed is an issue. */
import { describe, expect, it } from 'vitest';
import { resolveFeedConfig } from '../../../src/feed/config';
import { DEPLOYMENT_URL_KEYS } from '../../../src/app/urlSync';

describe('feedEncoding URL parameter', () => {
  it('json and v1 force v1; v2 is the default and may be named', () => {
    expect(resolveFeedConfig({ search: '?feed=ws&feedUrl=ws://h:1/ws&feedEncoding=json' })).toEqual({ config: { kind: 'ws', url: 'ws://h:1/ws', encoding: 'v1' }, issues: [] });
    expect(resolveFeedConfig({ search: '?feedUrl=ws://h:1/ws&feedEncoding=v1' }).config).toMatchObject({ encoding: 'v1' });
    expect(resolveFeedConfig({ search: '?feedUrl=ws://h:1/ws&feedEncoding=v2' }).config).toMatchObject({ encoding: 'v2' });
    expect(resolveFeedConfig({ search: '?feedUrl=ws://h:1/ws' }).config).not.toHaveProperty('encoding');
  });

  it('applies to the scene file\'s ws feed too', () => {
    const r = resolveFeedConfig({ search: '?feedEncoding=json', sceneFeed: { kind: 'ws', url: 'ws://h:1/ws' } });
    expect(r.config).toEqual({ kind: 'ws', url: 'ws://h:1/ws', encoding: 'v1' });
  });

  it('a bad value is reported and v2 is used; on a non-ws feed it is reported and ignored', () => {
    const bad = resolveFeedConfig({ search: '?feedUrl=ws://h:1/ws&feedEncoding=xml' });
    expect(bad.config).toEqual({ kind: 'ws', url: 'ws://h:1/ws' });
    expect(bad.issues).toEqual([{ category: 'url', source: 'feedEncoding', message: expect.stringContaining('using v2') }]);
    const sim = resolveFeedConfig({ search: '?feed=sim&feedEncoding=json' });
    expect(sim.config.kind).toBe('sim');
    expect(sim.issues[0]).toMatchObject({ source: 'feedEncoding', message: expect.stringContaining('ws feeds only') });
  });

  it('survives a reload with the other deployment parameters', () => {
    expect(DEPLOYMENT_URL_KEYS).toContain('feedEncoding');
  });
});
