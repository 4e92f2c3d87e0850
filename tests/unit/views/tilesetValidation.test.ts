import { describe, expect, it } from 'vitest';
import {
  describeTilesetIssues, externalTilesetProblem, MAX_EXTERNAL_TILESET_DEPTH, parseTilesetText, validateTileset,
} from '../../../src/views/three/tilesetValidation';

const box = [0, 0, 0, 100, 0, 0, 0, 100, 0, 0, 0, 50];
function good() {
  return {
    asset: { version: '1.1' },
    geometricError: 500,
    root: {
      boundingVolume: { box },
      geometricError: 100,
      refine: 'REPLACE',
      transform: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
      children: [{ boundingVolume: { sphere: [0, 0, 0, 10] }, geometricError: 0, content: { uri: 'a.glb' } }],
    },
  };
}

describe('parseTilesetText', () => {
  it('parses JSON', () => {
    expect(parseTilesetText('{"a":1}')).toEqual({ ok: true, json: { a: 1 } });
  });
  it('names an HTML page served as JSON', () => {
    const r = parseTilesetText('<!doctype html><html><body>Not found</body></html>');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/HTML page/);
  });
  it('rejects invalid JSON and empty bodies', () => {
    const bad = parseTilesetText('{"asset": {"version": "1.1"}, "geometricError": NaN}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/not valid JSON/);
    expect(parseTilesetText('   ').ok).toBe(false);
  });
});

describe('validateTileset', () => {
  it('accepts a well-formed tileset', () => {
    const r = validateTileset(good());
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.tileCount).toBe(2);
  });

  it('rejects a tileset with no root', () => {
    const t: Record<string, unknown> = good();
    delete t.root;
    const r = validateTileset(t);
    expect(r.ok).toBe(false);
    expect(r.issues.join()).toMatch(/no root/);
  });

  it('rejects a missing asset version', () => {
    const t: Record<string, unknown> = good();
    delete t.asset;
    expect(validateTileset(t).issues.join()).toMatch(/asset.version/);
  });

  it.each([
    ['"NaN" string', 'NaN'],
    ['null', null],
    ['negative', -1],
  ])('rejects a %s geometricError', (_label, value) => {
    const t = good();
    (t.root.children[0] as Record<string, unknown>).geometricError = value;
    const r = validateTileset(t);
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatch(/root.children\[0\].geometricError/);
  });

  it('rejects NaN bounds (null after JSON) and short boxes', () => {
    const t = good();
    t.root.boundingVolume.box = [...box.slice(0, 11), null as unknown as number];
    expect(validateTileset(t).issues[0]).toMatch(/box must be 12 finite numbers/);
    const t2 = good();
    t2.root.boundingVolume = { box: [1, 2, 3] };
    expect(validateTileset(t2).ok).toBe(false);
  });

  it('rejects a negative sphere radius and a bad region', () => {
    const t = good();
    (t.root.children[0] as { boundingVolume: unknown }).boundingVolume = { sphere: [0, 0, 0, -5] };
    expect(validateTileset(t).issues[0]).toMatch(/radius/);
    const t2 = good();
    t2.root.boundingVolume = { region: [0, 0, 10, 0.1, 0, 10] } as never;
    expect(validateTileset(t2).issues[0]).toMatch(/region is out of range/);
  });

  it('rejects a missing bounding volume, bad refine, bad transform and content without uri', () => {
    const t = good();
    const child = t.root.children[0] as Record<string, unknown>;
    delete child.boundingVolume;
    t.root.refine = 'replace';
    t.root.transform = [1, 2, 3];
    child.content = {};
    const issues = validateTileset(t).issues.join('\n');
    expect(issues).toMatch(/boundingVolume is missing/);
    expect(issues).toMatch(/refine/);
    expect(issues).toMatch(/transform/);
    expect(issues).toMatch(/content.uri/);
  });

  it('handles a very deep tileset without recursion and stops at the depth limit', () => {
    const root: Record<string, unknown> = { boundingVolume: { box }, geometricError: 1 };
    let node = root;
    for (let i = 0; i < 10_000; i++) {
      const child = { boundingVolume: { box }, geometricError: 1 };
      node.children = [child];
      node = child;
    }
    const r = validateTileset({ asset: { version: '1.0' }, geometricError: 1, root });
    expect(r.ok).toBe(false);
    expect(r.issues.join()).toMatch(/nested deeper/);
  });

  it('rejects non-objects and a 2.0 asset', () => {
    expect(validateTileset([]).ok).toBe(false);
    expect(validateTileset(null).ok).toBe(false);
    const t = good();
    t.asset.version = '2.0';
    expect(validateTileset(t).issues[0]).toMatch(/not a 3D Tiles 1.x/);
  });

  it('describes issues in one message', () => {
    expect(describeTilesetIssues(['a', 'b'])).toBe('invalid tileset: a; b');
  });
});

describe('externalTilesetProblem', () => {
  const a = 'http://h/tiles/z/a/tileset.json';
  const b = 'http://h/tiles/z/b/tileset.json';
  it('allows a fresh external tileset', () => {
    expect(externalTilesetProblem([a], b)).toBeNull();
  });
  it('detects a cycle back to an ancestor', () => {
    expect(externalTilesetProblem([b, a], a)).toMatch(/cycle: a\/tileset.json → b\/tileset.json → a\/tileset.json/);
  });
  it('detects a self reference, ignoring the fragment', () => {
    expect(externalTilesetProblem([a], `${a}#x`)).toMatch(/cycle/);
  });
  it('stops runaway nesting', () => {
    const chain = Array.from({ length: MAX_EXTERNAL_TILESET_DEPTH }, (_, i) => `http://h/t${i}.json`);
    expect(externalTilesetProblem(chain, 'http://h/new.json')).toMatch(/nested deeper/);
  });
});
