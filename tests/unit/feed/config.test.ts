import { describe, expect, it } from 'vitest';
import { DEFAULT_SIM_CONFIG, resolveFeedConfig } from '../../../src/feed/config';

describe('feed config from URL and scene', () => {
  it('defaults to the built-in simulator', () => {
    expect(resolveFeedConfig({ search: '' })).toEqual({ config: DEFAULT_SIM_CONFIG, issues: [] });
  });

  it('reads a WebSocket feed', () => {
    expect(resolveFeedConfig({ search: '?feed=ws&feedUrl=ws://10.0.0.5:8787/' }).config).toEqual({ kind: 'ws', url: 'ws://10.0.0.5:8787/' });
  });

  it('reads an MQTT feed with a prefix', () => {
    const r = resolveFeedConfig({ search: '?feed=mqtt&feedUrl=wss://emqx.example:8084/mqtt&topicPrefix=city/ops' });
    expect(r.config).toEqual({ kind: 'mqtt', url: 'wss://emqx.example:8084/mqtt', topicPrefix: 'city/ops' });
  });

  it('reads simulator parameters', () => {
    const r = resolveFeedConfig({ search: '?simSpeed=30&simSeed=7&scenario=rainstorm,crash@60' });
    expect(r.config).toEqual({ kind: 'sim', seed: 7, timeScale: 30, rateHz: 5, scenarios: 'rainstorm,crash@60' });
  });

  it.each([
    ['?feed=kafka', 'feed', /unknown feed/],
    ['?feed=ws', 'feedUrl', /required/],
    ['?feed=ws&feedUrl=not%20a%20url', 'feedUrl', /not a valid URL/],
    ['?feed=ws&feedUrl=http://x/', 'feedUrl', /ws:\/\/ or wss:\/\//],
    ['?feed=mqtt&feedUrl=ws://b/&topicPrefix=a/%23', 'topicPrefix', /wildcards/],
  ])('%s → url error on %s and the simulator', (search, source, message) => {
    const r = resolveFeedConfig({ search });
    expect(r.config.kind).toBe('sim');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ category: 'url', source });
    expect(r.issues[0]!.message).toMatch(message);
  });

  it('keeps the simulator but reports bad simulator parameters', () => {
    const r = resolveFeedConfig({ search: '?simSpeed=600&simSeed=-1&scenario=meteor' });
    expect(r.config).toEqual(DEFAULT_SIM_CONFIG);
    expect(r.issues.map((i) => i.source)).toEqual(['simSeed', 'simSpeed', 'scenario']);
  });

  it('uses the scene feed when the URL says nothing, and lets the URL override it', () => {
    const sceneFeed = { kind: 'ws', url: 'wss://ops.example/feed' };
    expect(resolveFeedConfig({ search: '', sceneFeed }).config).toEqual({ kind: 'ws', url: 'wss://ops.example/feed' });
    expect(resolveFeedConfig({ search: '?feed=sim', sceneFeed }).config.kind).toBe('sim');
  });

  it('reports a bad scene feed as a scene error and falls back', () => {
    const r = resolveFeedConfig({ search: '', sceneFeed: { kind: 'ws', url: 42 } });
    expect(r.config.kind).toBe('sim');
    expect(r.issues[0]).toMatchObject({ category: 'scene' });
  });
});
