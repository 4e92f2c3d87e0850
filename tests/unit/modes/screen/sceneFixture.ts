import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scene } from '../../../../src/scene/schema';
import { parseSceneText } from '../../../../src/scene/validate';

/** A shipped zone scene, validated as the app loads it. */
export function shippedScene(id: string): Scene {
  const file = `${id}.json`;
  const r = parseSceneText(file, readFileSync(join(__dirname, '../../../../scenes', file), 'utf8'));
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.scene;
}
