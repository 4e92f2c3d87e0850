/** `feedEncoding` on an mqtt feed: v2 takes the sharded binary tree; v1 stays the default. */
import { describe, expect, it } from 'vitest';
import { resolveFeedConfig } from '../../../src/feed/config';

const URL_BASE = '?feed=mqtt&feedUrl=ws://broker:9001/';

describe('feedEncoding with feed=mqtt', () => {
  it('v2 selects the v2 tree, under shentwin/v2 or the link\'s topicPrefix', () => {
    expect(resolveFeedConfig({ search: `${URL_BASE}&feedEncoding=v2` })).toEqual({
      config: { kind: 'mqtt', url: 'ws://broker:9001/', topicPrefix: 'shentwin/v2', encoding: 'v2' }, issues: [],
    });
    expect(resolveFeedConfig({ search: `${URL_BASE}&feedEncoding=binary&topicPrefix=city/v2` }).config)
      .toEqual({ kind: 'mqtt', url: 'ws://broker:9001/', topicPrefix: 'city/v2', encoding: 'v2' });
  });

  it('stays v1 by default, and when json or v1 is named', () => {
    expect(resolveFeedConfig({ search: URL_BASE }).config).toEqual({ kind: 'mqtt', url: 'ws://broker:9001/', topicPrefix: 'shentwin/v1' });
    expect(resolveFeedConfig({ search: `${URL_BASE}&feedEncoding=json` }).config)
      .toEqual({ kind: 'mqtt', url: 'ws://broker:9001/', topicPrefix: 'shentwin/v1', encoding: 'v1' });
  });

  it('a bad value is reported and v1 is used', () => {
    const r = resolveFeedConfig({ search: `${URL_BASE}&feedEncoding=protobuf` });
    expect(r.config).toEqual({ kind: 'mqtt', url: 'ws://broker:9001/', topicPrefix: 'shentwin/v1' });
    expect(r.issues).toEqual([{ category: 'url', source: 'feedEncoding', message: expect.stringContaining('using v1') }]);
  });

  it('on the scene file\'s mqtt feed: its v1 prefix does not carry over, its credentials do', () => {
    const sceneFeed = { kind: 'mqtt', url: 'ws://broker:9001/', topicPrefix: 'city/v1', username: 'wall-1', password: 'pw' };
    expect(resolveFeedConfig({ search: '?feedEncoding=v2', sceneFeed })).toEqual({
      config: { kind: 'mqtt', url: 'ws://broker:9001/', topicPrefix: 'shentwin/v2', encoding: 'v2', username: 'wall-1', password: 'pw' }, issues: [],
    });
    const bad = resolveFeedConfig({ search: '?feedEncoding=v2&topicPrefix=city/%23', sceneFeed });
    expect(bad.config).toMatchObject({ kind: 'mqtt', topicPrefix: 'shentwin/v2', encoding: 'v2' });
    expect(bad.issues).toEqual([{ category: 'url', source: 'topicPrefix', message: expect.stringContaining('not a topic prefix') }]);
  });

  it('the simulator takes no encoding', () => {
    const r = resolveFeedConfig({ search: '?feed=sim&feedEncoding=v2' });
    expect(r.config.kind).toBe('sim');
    expect(r.issues).toEqual([{ category: 'url', source: 'feedEncoding', message: expect.stringContaining('mqtt and ws feeds only') }]);
  });
});
