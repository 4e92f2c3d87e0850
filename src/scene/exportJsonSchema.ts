/**
 * Writes scenes/scene.schema.json from the zod scene schema. Run after changing src/scene/schema.ts:
 *   npx tsx src/scene/exportJsonSchema.ts
 * A unit test fails while the committed file differs from what this produces.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCENE_JSON_SCHEMA_FILE, sceneJsonSchemaText } from './jsonSchema';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(repoRoot, 'scenes', SCENE_JSON_SCHEMA_FILE);
writeFileSync(out, sceneJsonSchemaText());
console.log(`wrote ${out}`);
