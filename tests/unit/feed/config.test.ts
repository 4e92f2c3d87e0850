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

  it('reads an MQTT feed\'s replayUrl (its recording server); a bad one is reported and the feed stays', () => {
    const ok = resolveFeedConfig({ search: '?feed=mqtt&feedUrl=ws://b/mqtt&replayUrl=ws://rec:8787/' });
    expect(ok.config).toEqual({ kind: 'mqtt', url: 'ws://b/mqtt', topicPrefix: 'shentwin/v1', replayUrl: 'ws://rec:8787/' });
    const bad = resolveFeedConfig({ search: '?feed=mqtt&feedUrl=ws://b/mqtt&replayUrl=http://rec/' });
    expect(bad.config).toEqual({ kind: 'mqtt', url: 'ws://b/mqtt', topicPrefix: 'shentwin/v1' });
    expect(bad.issues.map((i) => i.source)).toEqual(['replayUrl']);
    // The scene's token goes to the scene's own replay server only.
    const scene = { kind: 'mqtt', url: 'ws://b/mqtt', replayUrl: 'ws://rec:8787/', token: `st1.${'a'.repeat(16)}.${'b'.repeat(43)}` };
    expect(resolveFeedConfig({ search: '', sceneFeed: scene }).config).toMatchObject({ replayUrl: 'ws://rec:8787/', token: scene.token });
    expect(resolveFeedConfig({ search: '?feed=mqtt&feedUrl=ws://b/mqtt&replayUrl=ws://evil:1/', sceneFeed: scene }).config).not.toHaveProperty('token');
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

  describe('credentials (issue 14)', () => {
    const TOKEN = `st1.0123456789abcdef.${'Ab_-'.repeat(10)}xyz`;

    it('reads a ws token from the scene', () => {
      const r = resolveFeedConfig({ search: '', sceneFeed: { kind: 'ws', url: 'wss://ops.example/feed', token: TOKEN } });
      expect(r).toEqual({ config: { kind: 'ws', url: 'wss://ops.example/feed', token: TOKEN }, issues: [] });
    });

    it.each([
      ['st1.0123456789ABCDEF.' + 'A'.repeat(43), 'upper-case id'],
      ['st1.0123456789abcdef.' + 'A'.repeat(42), 'short secret'],
      ['st2.0123456789abcdef.' + 'A'.repeat(43), 'wrong version'],
      ['st1.0123456789abcdef.' + 'A'.repeat(42) + '=', 'padding'],
      ['hunter2', 'a password'],
    ])('reports a malformed token (%s: %s) without quoting it and connects without one', (token) => {
      const r = resolveFeedConfig({ search: '', sceneFeed: { kind: 'ws', url: 'ws://x/', token } });
      expect(r.config).toEqual({ kind: 'ws', url: 'ws://x/' });
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ category: 'scene', source: 'feed.token' });
      expect(r.issues[0]!.message).toMatch(/not a feed token/);
      expect(r.issues[0]!.message).not.toContain(token);
    });

    it('reads mqtt username and password from the scene', () => {
      const r = resolveFeedConfig({ search: '', sceneFeed: { kind: 'mqtt', url: 'wss://emqx.example/mqtt', username: 'wall', password: 's3cret' } });
      expect(r.config).toEqual({ kind: 'mqtt', url: 'wss://emqx.example/mqtt', topicPrefix: 'shentwin/v1', username: 'wall', password: 's3cret' });
      expect(r.issues).toEqual([]);
    });

    it('reports credentials given to the wrong kind of feed, and a password without a username', () => {
      const ws = resolveFeedConfig({ search: '', sceneFeed: { kind: 'ws', url: 'ws://x/', username: 'u' } });
      expect(ws.config).toEqual({ kind: 'ws', url: 'ws://x/' });
      expect(ws.issues[0]).toMatchObject({ source: 'feed.username', message: expect.stringMatching(/mqtt feeds only/) });
      const mq = resolveFeedConfig({ search: '', sceneFeed: { kind: 'mqtt', url: 'ws://b/', token: TOKEN, password: 'p' } });
      expect(mq.config).toEqual({ kind: 'mqtt', url: 'ws://b/', topicPrefix: 'shentwin/v1' });
      expect(mq.issues.map((i) => i.source)).toEqual(['feed.token', 'feed.password']);
    });

    it('never reads a token from the URL, and says so', () => {
      for (const k of ['token', 'feedToken', 'password']) {
        const r = resolveFeedConfig({ search: `?feed=ws&feedUrl=ws://x/&${k}=${TOKEN}` });
        expect(r.config).toEqual({ kind: 'ws', url: 'ws://x/' });
        expect(r.issues).toHaveLength(1);
        expect(r.issues[0]).toMatchObject({ category: 'url', source: k });
        expect(r.issues[0]!.message).not.toContain(TOKEN);
      }
    });

    it('sends the scene token only to the scene feed, even when a link names the feed', () => {
      const sceneFeed = { kind: 'ws', url: 'wss://ops.example/feed', token: TOKEN };
      expect(resolveFeedConfig({ search: '?feed=ws&feedUrl=wss://ops.example/feed', sceneFeed }).config).toEqual({ kind: 'ws', url: 'wss://ops.example/feed', token: TOKEN });
      expect(resolveFeedConfig({ search: '?feed=ws&feedUrl=wss://evil.example/feed', sceneFeed }).config).toEqual({ kind: 'ws', url: 'wss://evil.example/feed' });
    });
  });
});
