/**
 * JSON Schema of a scene file, derived from the zod schema so editors can validate and complete
 * scenes/*.json as they are typed. The zod schema stays the authority: refinements that JSON
 * Schema cannot express (origin inside bounds, default viewpoint exists) are checked at load time.
 */
import { z } from 'zod';
import { sceneSchema } from './schema';

export const SCENE_JSON_SCHEMA_FILE = 'scene.schema.json';

export function sceneJsonSchema(): Record<string, unknown> {
  // io 'input' describes what may be written in a file (fields with defaults are optional),
  // not the parsed result.
  const schema = z.toJSONSchema(sceneSchema, { io: 'input' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'ShenTwin zone scene',
    description: 'A zone scene file (scenes/<zone>.json). Generated from src/scene/schema.ts by src/scene/exportJsonSchema.ts; do not edit by hand.',
  };
}

/** Stable text of the schema file, as committed. */
export function sceneJsonSchemaText(): string {
  return `${JSON.stringify(sceneJsonSchema(), null, 2)}\n`;
}
