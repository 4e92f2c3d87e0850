import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSceneText, type SceneIssue } from '../../../src/scene/validate';

const good = JSON.parse(readFileSync(join(__dirname, '../../../scenes/westbund.json'), 'utf8')) as Record<string, unknown>;

function issuesFor(mutate: (s: Record<string, any>) => void): SceneIssue[] {
  const s = structuredClone(good) as Record<string, any>;
  mutate(s);
  const r = parseSceneText('bad.json', JSON.stringify(s));
  if (r.ok) throw new Error('expected the scene to be rejected');
  return r.issues;
}

describe('bad scene files give readable issues with the file and path', () => {
  it('the unmodified file is accepted', () => {
    expect(parseSceneText('westbund.json', JSON.stringify(good)).ok).toBe(true);
  });

  it('missing origin', () => {
    const issues = issuesFor((s) => { delete s.origin; });
    expect(issues).toContainEqual(expect.objectContaining({ file: 'bad.json', path: 'origin' }));
  });

  it('latitude 91', () => {
    const issues = issuesFor((s) => { s.origin.latDeg = 91; });
    expect(issues).toContainEqual({ file: 'bad.json', path: 'origin.latDeg', message: 'latitude must be within [-90, 90]' });
  });

  it('NaN-like strings where numbers belong', () => {
    const issues = issuesFor((s) => { s.origin.lonDeg = 'NaN'; s.viewpoints[1].position[2] = 'Infinity'; });
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['origin.lonDeg', 'viewpoints[1].position[2]']));
  });

  it('default viewpoint that does not exist', () => {
    const issues = issuesFor((s) => { s.defaultViewpoint = 'nowhere'; });
    expect(issues).toContainEqual({ file: 'bad.json', path: 'defaultViewpoint', message: 'no viewpoint with id "nowhere"' });
  });

  it('only three viewpoints', () => {
    const issues = issuesFor((s) => { s.viewpoints = s.viewpoints.slice(0, 3); s.defaultViewpoint = s.viewpoints[0].id; });
    expect(issues).toContainEqual(expect.objectContaining({ path: 'viewpoints', message: 'at least four named viewpoints' }));
  });

  it('invalid JSON', () => {
    const r = parseSceneText('broken.json', '{ "id": "westbund", ');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ file: 'broken.json', path: '(root)' });
      expect(r.issues[0]!.message).toMatch(/^invalid JSON: /);
    }
  });

  it('origin outside the bounds', () => {
    const issues = issuesFor((s) => { s.origin.lonDeg = 120; });
    expect(issues).toContainEqual({ file: 'bad.json', path: 'origin', message: 'origin must lie inside bounds' });
  });
});
