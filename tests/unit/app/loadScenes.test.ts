import { describe, expect, it } from 'vitest';
import { loadScenes } from '../../../src/app/loadScenes';
import { fakeFetch, makeSceneJson } from '../../component/fixtures';

const index = {
  zones: [
    { id: 'jiading', file: 'jiading.json' },
    { id: 'westbund', file: 'westbund.json' },
    { id: 'yangpu', file: 'yangpu.json' },
  ],
};

describe('loadScenes', () => {
  it('loads every zone', async () => {
    const r = await loadScenes('/', fakeFetch({
      'scenes/index.json': index,
      'scenes/jiading.json': makeSceneJson('jiading', '嘉定', 'Jiading'),
      'scenes/westbund.json': makeSceneJson('westbund', '徐汇滨江', 'West Bund'),
      'scenes/yangpu.json': makeSceneJson('yangpu', '杨浦滨江', 'Yangpu'),
    }));
    expect(r.ok && r.zones.map((z) => [z.id, z.scene?.id, z.issues.length])).toEqual([
      ['jiading', 'jiading', 0],
      ['westbund', 'westbund', 0],
      ['yangpu', 'yangpu', 0],
    ]);
  });

  it('keeps the other zones when one scene is broken, naming file, path and reason', async () => {
    const broken = makeSceneJson('yangpu', '杨浦滨江', 'Yangpu') as { viewpoints: { position: unknown[] }[] };
    (broken.viewpoints[2] as { position: unknown[] }).position[1] = 'north';
    const r = await loadScenes('./', fakeFetch({
      'scenes/index.json': index,
      'scenes/jiading.json': makeSceneJson('jiading', '嘉定', 'Jiading'),
      'scenes/westbund.json': 500,
      'scenes/yangpu.json': broken,
    }));
    if (!r.ok) throw new Error('index should load');
    expect(r.zones[0]?.scene?.id).toBe('jiading');
    expect(r.zones[1]?.scene).toBeNull();
    expect(r.zones[1]?.issues[0]).toMatchObject({ file: 'scenes/westbund.json', path: '(root)' });
    expect(r.zones[1]?.issues[0]?.message).toMatch(/HTTP 500/);
    expect(r.zones[2]?.scene).toBeNull();
    expect(r.zones[2]?.issues[0]).toMatchObject({ file: 'scenes/yangpu.json', path: 'viewpoints[2].position[1]' });
  });

  it('reports invalid JSON and a scene whose id does not match the index', async () => {
    const r = await loadScenes('/', fakeFetch({
      'scenes/index.json': { zones: [{ id: 'jiading', file: 'jiading.json' }, { id: 'westbund', file: 'westbund.json' }] },
      'scenes/jiading.json': '{"schemaVersion": 1,',
      'scenes/westbund.json': makeSceneJson('yangpu', '杨浦', 'Yangpu'),
    }));
    if (!r.ok) throw new Error('index should load');
    expect(r.zones[0]?.issues[0]?.message).toMatch(/invalid JSON/);
    expect(r.zones[1]?.issues[0]).toMatchObject({ path: 'id' });
  });

  it('lists an optional zone only when its buildings tileset has been built, without reporting it otherwise', async () => {
    const withOptional = { zones: [...index.zones, { id: 'synthetic-city', file: 'synthetic-city.json', optional: true }] };
    const scenes = {
      'scenes/index.json': withOptional,
      'scenes/jiading.json': makeSceneJson('jiading', '嘉定', 'Jiading'),
      'scenes/westbund.json': makeSceneJson('westbund', '徐汇滨江', 'West Bund'),
      'scenes/yangpu.json': makeSceneJson('yangpu', '杨浦滨江', 'Yangpu'),
      'scenes/synthetic-city.json': makeSceneJson('synthetic-city', '示意城市', 'Synthetic city'),
    };
    const absent = await loadScenes('/', fakeFetch(scenes));
    expect(absent.ok && absent.zones.map((z) => z.id)).toEqual(['jiading', 'westbund', 'yangpu']);
    const tileset = (makeSceneJson('synthetic-city', '示意城市', 'Synthetic city') as { tilesets: { url: string }[] }).tilesets[0]!.url;
    const spaFallback = (async (input: RequestInfo | URL, init?: RequestInit) => (String(input).endsWith(tileset)
      ? new Response('<!doctype html><html></html>', { status: 200, headers: { 'content-type': 'text/html' } })
      : fakeFetch(scenes)(input, init))) as typeof fetch;
    const fallback = await loadScenes('/', spaFallback);
    expect(fallback.ok && fallback.zones.map((z) => z.id)).toEqual(['jiading', 'westbund', 'yangpu']);
    const present = await loadScenes('/', fakeFetch({ ...scenes, [tileset]: { asset: { version: '1.1' } } }));
    expect(present.ok && present.zones.map((z) => [z.id, z.issues.length])).toEqual([
      ['jiading', 0], ['westbund', 0], ['yangpu', 0], ['synthetic-city', 0],
    ]);
  });

  it('fails as a whole only when the index is unusable', async () => {
    const missing = await loadScenes('/', fakeFetch({}));
    expect(!missing.ok && missing.issues[0]).toMatchObject({ file: 'scenes/index.json', path: '(root)' });
    const bad = await loadScenes('/', fakeFetch({ 'scenes/index.json': { zones: [{ id: 'Bad Id', file: 'x.json' }] } }));
    expect(!bad.ok && bad.issues[0]?.path).toBe('zones[0].id');
  });
});
