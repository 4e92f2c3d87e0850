import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENE_JSON_SCHEMA_FILE, sceneJsonSchema, sceneJsonSchemaText } from '../../../src/scene/jsonSchema';

const committed = readFileSync(join(__dirname, '../../../scenes', SCENE_JSON_SCHEMA_FILE), 'utf8');

describe('scenes/scene.schema.json', () => {
  it('is exactly what the exporter produces from the zod schema now', () => {
    // If this fails, run: npx tsx src/scene/exportJsonSchema.ts
    expect(committed).toBe(sceneJsonSchemaText());
  });

  it('describes the input form: required fields, and defaults optional', () => {
    const s = sceneJsonSchema() as { required: string[]; properties: Record<string, any> };
    expect(s.required).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'origin', 'bounds', 'viewpoints', 'defaultViewpoint', 'attribution']));
    const tileset = s.properties.tilesets.items;
    expect(tileset.required).not.toContain('errorTarget');
    expect(s.properties.sunDefault.format).toBe('date-time');
  });
});
