/**
 * Tours and stories in a scene file: a bad one is reported at its own path with a message a
 * scene author can act on, and the rest of the file is still judged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sceneJsonSchema } from '../../../src/scene/jsonSchema';
import { parseSceneText, type SceneIssue } from '../../../src/scene/validate';

const good = JSON.parse(readFileSync(join(__dirname, '../../../scenes/westbund.json'), 'utf8')) as Record<string, unknown>;

const caption = { zh: '说明', en: 'Caption' };
const pose = { position: [300, -1500, 400], target: [0, -900, 0] };

/** The westbund scene with one small tour and one small story of our own. */
function base(): Record<string, any> {
  const s = structuredClone(good) as Record<string, any>;
  s.tours = [{
    id: 't', name: { zh: '巡航', en: 'Tour' },
    stops: [{ viewpoint: 'overview', flightS: 2, dwellS: 10, caption }, { pose, flightS: 5, dwellS: 10, caption }],
  }];
  s.stories = [{
    id: 's', title: { zh: '故事', en: 'Story' }, summary: { zh: '摘要', en: 'Summary' },
    steps: [
      { viewpoint: 'ai-cluster', layers: { on: ['live.sensors'] }, caption, advance: { afterS: 10 } },
      { pose, highlight: { asset: { kind: 'signal', id: 'sig-2' } }, caption },
    ],
  }];
  return s;
}

function issuesFor(mutate: (s: Record<string, any>) => void): SceneIssue[] {
  const s = base();
  mutate(s);
  const r = parseSceneText('bad.json', JSON.stringify(s));
  if (r.ok) throw new Error('expected the scene to be rejected');
  return r.issues;
}

describe('tours and stories in a scene', () => {
  it('are optional, and a valid tour and story are accepted with loop defaulting to true', () => {
    const without = structuredClone(good) as Record<string, any>;
    delete without.tours;
    delete without.stories;
    expect(parseSceneText('a.json', JSON.stringify(without)).ok).toBe(true);
    const r = parseSceneText('b.json', JSON.stringify(base()));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.scene.tours?.[0]?.loop).toBe(true);
    expect(r.scene.stories?.[0]?.steps[1]?.highlight).toEqual({ asset: { kind: 'signal', id: 'sig-2' } });
  });

  it('unknown viewpoint in a tour stop and in a story step', () => {
    const issues = issuesFor((s) => { s.tours[0].stops[0].viewpoint = 'nowhere'; s.stories[0].steps[0].viewpoint = 'elsewhere'; });
    expect(issues).toContainEqual({ file: 'bad.json', path: 'tours[0].stops[0].viewpoint', message: 'no viewpoint with id "nowhere"' });
    expect(issues).toContainEqual({ file: 'bad.json', path: 'stories[0].steps[0].viewpoint', message: 'no viewpoint with id "elsewhere"' });
  });

  it('both or neither of viewpoint and pose', () => {
    const issues = issuesFor((s) => {
      s.tours[0].stops[0].pose = pose;
      delete s.stories[0].steps[1].pose;
    });
    expect(issues).toContainEqual({ file: 'bad.json', path: 'tours[0].stops[0]', message: 'a tour stop needs exactly one of "viewpoint" or "pose" (got both)' });
    expect(issues).toContainEqual({ file: 'bad.json', path: 'stories[0].steps[1]', message: 'a story step needs exactly one of "viewpoint" or "pose" (got neither)' });
  });

  it('duplicate tour and story ids', () => {
    const issues = issuesFor((s) => {
      s.tours.push(structuredClone(s.tours[0]));
      s.stories.push(structuredClone(s.stories[0]));
    });
    expect(issues).toContainEqual({ file: 'bad.json', path: 'tours[1].id', message: 'duplicate tour id "t"' });
    expect(issues).toContainEqual({ file: 'bad.json', path: 'stories[1].id', message: 'duplicate story id "s"' });
  });

  it('unknown layer id, naming the catalogue layers', () => {
    const issues = issuesFor((s) => { s.stories[0].steps[0].layers = { on: ['live.sensors', 'live.sensor'], off: ['heatmap'] }; });
    const on = issues.find((i) => i.path === 'stories[0].steps[0].layers.on[1]');
    expect(on?.message).toMatch(/^unknown layer id "live\.sensor" \(catalogue layers: buildings, ground, water, road, green, landuse, plots, .*live\.sensors/);
    expect(issues.find((i) => i.path === 'stories[0].steps[0].layers.off[0]')?.message).toMatch(/^unknown layer id "heatmap"/);
    expect(issues.some((i) => i.path === 'stories[0].steps[0].layers.on[0]')).toBe(false);
  });

  it('a layer both on and off in one step', () => {
    const issues = issuesFor((s) => { s.stories[0].steps[0].layers = { on: ['live.rsu'], off: ['live.rsu'] }; });
    expect(issues).toContainEqual({ file: 'bad.json', path: 'stories[0].steps[0].layers.off[0]', message: 'layer "live.rsu" is switched both on and off in the same step' });
  });

  it('a highlight with both or neither of building and asset, and an unknown asset kind', () => {
    const issues = issuesFor((s) => {
      s.stories[0].steps[0].highlight = { building: 'osm:way/307455604', asset: { kind: 'sensor', id: 'parking-04' } };
      s.stories[0].steps[1].highlight = { asset: { kind: 'camera', id: 'cam-1' } };
    });
    expect(issues).toContainEqual({ file: 'bad.json', path: 'stories[0].steps[0].highlight', message: 'a highlight needs exactly one of "building" or "asset" (got both)' });
    expect(issues.some((i) => i.path === 'stories[0].steps[1].highlight.asset.kind')).toBe(true);
  });

  it('too few stops and steps', () => {
    const issues = issuesFor((s) => { s.tours[0].stops.pop(); s.stories[0].steps.pop(); });
    expect(issues).toContainEqual(expect.objectContaining({ path: 'tours[0].stops', message: 'a tour needs at least two stops' }));
    expect(issues).toContainEqual(expect.objectContaining({ path: 'stories[0].steps', message: 'a story needs at least two steps' }));
  });

  it('times out of range, a NaN-like pose and a pose without direction', () => {
    const issues = issuesFor((s) => {
      s.tours[0].stops[0].flightS = 61;
      s.tours[0].stops[0].dwellS = 0;
      s.tours[0].stops[1].pose = { position: [0, 0, 'NaN'], target: [0, 0, 0] };
      s.stories[0].steps[1].pose = { position: [5, 5, 5], target: [5, 5, 5] };
      s.stories[0].steps[0].advance = { afterS: 0 };
    });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining([
      'tours[0].stops[0].flightS', 'tours[0].stops[0].dwellS', 'tours[0].stops[1].pose.position[2]', 'stories[0].steps[0].advance.afterS',
    ]));
    expect(issues).toContainEqual({ file: 'bad.json', path: 'stories[0].steps[1].pose', message: 'position and target must be at least 1 m apart, or the camera has no view direction' });
  });

  it('a caption missing its English', () => {
    const issues = issuesFor((s) => { s.stories[0].steps[0].caption = { zh: '只有中文' }; });
    expect(issues).toContainEqual(expect.objectContaining({ path: 'stories[0].steps[0].caption.en' }));
  });
});

describe('the exported JSON Schema', () => {
  it('tells editors that a stop, a step and a highlight take exactly one of their two choices', () => {
    const s = sceneJsonSchema() as { properties: Record<string, any> };
    const stop = s.properties.tours.items.properties.stops.items;
    const step = s.properties.stories.items.properties.steps.items;
    expect(stop.oneOf).toEqual([{ required: ['viewpoint'] }, { required: ['pose'] }]);
    expect(step.oneOf).toEqual([{ required: ['viewpoint'] }, { required: ['pose'] }]);
    expect(step.properties.highlight.oneOf).toEqual([{ required: ['building'] }, { required: ['asset'] }]);
    // Written files may leave out loop: it has a default.
    expect(s.properties.tours.items.required).not.toContain('loop');
  });
});
