/**
 * The scene validates story layer ids against its own copy of the catalogue's ids (it may not
 * import layers/ or ui/). This keeps that copy equal to the catalogue the planner actually shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueLayerIds } from '../../../src/scene/catalogueLayerIds';
import { parseSceneText } from '../../../src/scene/validate';
import { catalogueGroups } from '../../../src/ui/planning/catalogueModel';

describe.each(['jiading', 'westbund', 'yangpu'])('catalogue layer ids of %s', (zone) => {
  it('are exactly the visibility keys of the catalogue’s layer rows', () => {
    const r = parseSceneText(`${zone}.json`, readFileSync(join(__dirname, '../../../scenes', `${zone}.json`), 'utf8'));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const rows = catalogueGroups(r.scene, [], (key) => ({ zh: key, en: key })).flatMap((g) => g.rows);
    const layerRows = [...new Set(rows.filter((row) => row.kind === 'layer').map((row) => row.id))];
    expect([...catalogueLayerIds(r.scene)].sort()).toEqual(layerRows.sort());
  });
});
